// Which names the scan and the watcher take for articles: the same ones path.extname would say.
import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_EXTENSIONS, isArticleFile } from '../../../core/library/article-files.js';

const byExtname = (name: string): boolean => ARTICLE_EXTENSIONS.includes(posix.extname(name).toLowerCase());

describe('isArticleFile', () => {
  it('takes article extensions in any case, and no hidden or extension-less names', () => {
    for (const name of ['a.md', 'b.TXT', 'c.Markdown', 'd.html', 'e.HTM', '..md', 'news/x.md'])
      expect(isArticleFile(name), name).toBe(true);
    for (const name of ['.md', 'x/.txt', 'a.md.bak', 'README', 'dir.md/notes', 'a.pdf', 'a.'])
      expect(isArticleFile(name), name).toBe(false);
  });

  it('agrees with path.extname on any relative path', () => {
    const part = fc.stringMatching(/^[a-zA-Z0-9 ._-]{0,8}$/);
    const ext = fc.constantFrom('', '.md', '.MD', '.txt', '.markdown', '.html', '.Htm', '.pdf', '.', '..');
    const name = fc
      .tuple(
        fc.array(
          part.filter((p) => p.length > 0),
          { maxLength: 2 },
        ),
        part,
        ext,
      )
      .map(([dirs, base, e]) => [...dirs, base + e].join('/'))
      .filter((n) => !n.endsWith('/'));
    fc.assert(
      fc.property(name, (n) => isArticleFile(n) === byExtname(n)),
      { numRuns: 2000 },
    );
  });
});
