/**
 * A note beside a sample, a report or autocode's answer, in the UI language. Core writes each as an
 * English message from one table (core/analysis/analysis-notes.ts); this reads it back into its
 * code and details and words it with the UI's strings. Text that is no known note stays as it is.
 */
import type { TFunction } from 'i18next';
import { readAnalysisNote } from '../../core/analysis/analysis-notes.js';

export function analysisNoteText(t: TFunction, message: string): string {
  const note = readAnalysisNote(message);
  return note ? t(`analysisNotes.${note.code}`, note.details) : message;
}
