// The problems a library reports are written by core and read back by the renderer from one
// table: whatever the details, the reading gives back the code and every detail.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LIBRARY_PROBLEMS,
  libraryProblem,
  readLibraryProblem,
  type LibraryProblemCode,
} from '../../../core/library/library-problems.js';

const codes = Object.keys(LIBRARY_PROBLEMS) as LibraryProblemCode[];

describe('library problems', () => {
  it('read back as the code and details they were written with', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        // A path may be anything but the quote-and-parenthesis that ends it in the middle of a
        // message; a reason anything but the "): " that ends it there.
        fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('" (')),
        fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('): ')),
        (code, path, reason) => {
          const named = LIBRARY_PROBLEMS[code] as string;
          const details = {
            ...(named.includes('{{path}}') ? { path } : {}),
            ...(named.includes('{{reason}}') ? { reason } : {}),
          };
          expect(readLibraryProblem(libraryProblem(code, details))).toEqual({ code, details });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('are the messages the library has always written', () => {
    expect(libraryProblem('no-articles')).toBe('No articles found (.txt, .md, .markdown, .html, .htm)');
    expect(libraryProblem('cannot-read-folder', { path: '甲/乙', reason: 'EACCES' })).toBe(
      'Cannot read folder "甲/乙" (EACCES)',
    );
  });

  it('read any other text as no problem of theirs', () => {
    expect(readLibraryProblem('Something else went wrong')).toBeNull();
    expect(readLibraryProblem('No articles found')).toBeNull();
  });
});
