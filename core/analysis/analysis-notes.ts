/**
 * The notes a sample, a report's scope or autocode add to their answer (a set's articles gone, a
 * file that could not be read), as one table of English messages with named details
 * (core/messages/message-table.ts): the CLI prints them as they are, the renderer words them in
 * the UI language (renderer/src/analysis-note-text.ts). Pure: the renderer imports it.
 */
import { messageTable } from '../messages/message-table.js';

export const ANALYSIS_NOTES = {
  'article-unreadable': '{{path}} could not be read ({{reason}}); it was not searched.',
  'sample-took-all': 'Asked for {{size}} articles, the filter has {{available}}: all of them were taken.',
  'strata-short':
    'Strata with fewer articles than an equal share: {{count}}; they gave all they had and the others made up the rest.',
  'set-articles-gone':
    '{{gone}} of the {{total}} articles of the set "{{name}}" are no longer in the library.',
} as const;

export type AnalysisNoteCode = keyof typeof ANALYSIS_NOTES;
type Detail = 'path' | 'reason' | 'size' | 'available' | 'count' | 'gone' | 'total' | 'name';

const notes = messageTable<AnalysisNoteCode, Detail>(ANALYSIS_NOTES);

export const analysisNote = notes.write;
export const readAnalysisNote = notes.read;
