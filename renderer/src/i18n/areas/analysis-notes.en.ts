/** What a sample, a report's scope or autocode note beside their answer: core's own English messages (see core/analysis/analysis-notes.ts). */
import { ANALYSIS_NOTES, type AnalysisNoteCode } from '../../../../core/analysis/analysis-notes.js';

const analysisNotes: Record<AnalysisNoteCode, string> = ANALYSIS_NOTES;

export default analysisNotes;
