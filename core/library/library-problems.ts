/**
 * The problems a library reports next to its list (an empty folder, an unreadable subfolder, a
 * cache that could not be written), as one table of English messages with named details. Core
 * writes a problem with `libraryProblem`; the renderer reads it back with `readLibraryProblem` and
 * words it in the UI language (renderer/src/library-problem-text.ts), keeping the details. One
 * table for both sides, so a message can never change without its reading changing too.
 * Pure: the renderer imports it.
 */
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

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** The English message of a problem, its details filled in. */
export function libraryProblem(code: LibraryProblemCode, details: LibraryProblemDetails = {}): string {
  return LIBRARY_PROBLEMS[code].replace(
    PLACEHOLDER,
    (_, name: string) => details[name as keyof LibraryProblemDetails] ?? '',
  );
}

/**
 * Each problem's message as a pattern whose groups are its details, in order. Every detail but
 * the last matches as little as it can, so a path at the end may hold any text at all (folder
 * names are the user's), and so may a reason at the end (the system's words).
 */
const READERS = (Object.keys(LIBRARY_PROBLEMS) as LibraryProblemCode[]).map((code) => {
  const format: string = LIBRARY_PROBLEMS[code];
  const names = Array.from(format.matchAll(PLACEHOLDER), (m) => m[1] as keyof LibraryProblemDetails);
  const source = format
    .split(PLACEHOLDER)
    .map((part, i) => (i % 2 === 1 ? '([\\s\\S]*?)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return { code, names, pattern: new RegExp(`^${source}$`) };
});

/** The code and details of a message `libraryProblem` wrote; null for any other text. */
export function readLibraryProblem(
  message: string,
): { code: LibraryProblemCode; details: LibraryProblemDetails } | null {
  for (const { code, names, pattern } of READERS) {
    const m = pattern.exec(message);
    if (!m) continue;
    const details: LibraryProblemDetails = {};
    names.forEach((name, i) => (details[name] = m[i + 1]));
    return { code, details };
  }
  return null;
}
