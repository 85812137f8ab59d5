/**
 * The problems a library reports next to its list (an empty folder, an unreadable subfolder, a
 * cache that could not be written), as one table of English messages with named details
 * (core/messages/message-table.ts). Core writes a problem with `libraryProblem`; the renderer
 * reads it back with `readLibraryProblem` and words it in the UI language
 * (renderer/src/library-problem-text.ts), keeping the details. Pure: the renderer imports it.
 */
import { messageTable } from '../messages/message-table.js';

export const LIBRARY_PROBLEMS = {
  'no-articles': 'No articles found (.txt, .md, .markdown, .html, .htm)',
  'not-a-folder': 'The library is not a folder: {{path}}',
  'cannot-open-folder': 'Cannot open the library folder ({{reason}}): {{path}}',
  'cannot-read-folder': 'Cannot read folder "{{path}}" ({{reason}})',
  'broken-link': 'Broken link "{{path}}" ({{reason}})',
  'cannot-read-file': 'Cannot read "{{path}}" ({{reason}})',
  'scan-failed': 'Scan failed: {{reason}}',
  'search-prepare-failed': 'Preparing search failed: {{reason}}',
  'search-clean-failed': 'Cleaning for search failed: {{reason}}',
  'search-index-failed': 'The search index could not be built; searching without it (slower): {{reason}}',
  'search-cache-unreadable': 'The search cache could not be read; it will be rebuilt on the next open',
  'parse-cache-unwritable': 'Could not write the parse cache: {{reason}}',
} as const;

export type LibraryProblemCode = keyof typeof LIBRARY_PROBLEMS;
/** The details a problem's message names ({{path}}, {{reason}}). */
export type LibraryProblemDetails = Partial<Record<'path' | 'reason', string>>;

const problems = messageTable<LibraryProblemCode, keyof LibraryProblemDetails>(LIBRARY_PROBLEMS);

/** The English message of a problem, its details filled in. */
export function libraryProblem(code: LibraryProblemCode, details: LibraryProblemDetails = {}): string {
  return problems.write(code, details);
}

/** The code and details of a message `libraryProblem` wrote; null for any other text. */
export function readLibraryProblem(
  message: string,
): { code: LibraryProblemCode; details: LibraryProblemDetails } | null {
  return problems.read(message);
}
