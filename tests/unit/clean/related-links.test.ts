// A 9To5 article made like the corpus files: its "Read also:" list of related links is not text.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../../core/library/load-article.js';

const file = join(import.meta.dirname, '../../fixtures/articles/9to5-read-also.txt');

describe('related-link lists', () => {
  it('are removed with their heading, and the article around them stays', async () => {
    const st = statSync(file);
    const article = await loadArticle(file, {
      relPath: '9to5-read-also.txt',
      size: st.size,
      mtimeMs: st.mtimeMs,
    });
    expect(article.doc.text).not.toMatch(/Read also|earnings release/);
    expect(article.doc.html).not.toContain('h-read-also');
    expect(article.doc.text).toMatch(/^Apple Corporate Treasurer Gary Wipfler is now leaving/);
    expect(article.doc.text).toMatch(/Beats acquisition for \$3 billion in 2014\.$/);
  });
});
