// Related-link lists ("Read also:", 相关文章, 延伸阅读…) are not part of the article: the rule
// removes a label with the links it introduces, on excerpts of real corpus files and on the
// forms other sites write, and leaves article text that merely mentions related things.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_RULES } from '../../../core/clean/boilerplate-rules.js';
import { cleanHtml } from '../../../core/clean/clean-article.js';
import { loadArticle } from '../../../core/library/load-article.js';

const fixtures = join(import.meta.dirname, '../../fixtures');
const excerpt = (name: string): string => readFileSync(join(fixtures, 'related-links', name), 'utf8');
const relatedRule = BOILERPLATE_RULES.find((r) => r.id === 'related-links-list')!;
/** Cleaned with only the generic rule, so the site-specific ones cannot be what removed a block. */
const withRelatedRuleOnly = (html: string) => cleanHtml(html, { rules: [relatedRule] });

describe('related-link lists', () => {
  it('are removed with their heading, and the article around them stays', async () => {
    const file = join(fixtures, 'articles/9to5-read-also.txt');
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

  it("9To5's Read also list goes by its label alone, without the WordPress heading id", () => {
    const body = readFileSync(join(fixtures, 'articles/9to5-read-also.txt'), 'utf8')
      .replace(/^\s*---\n[\s\S]*?\n---\n/, '')
      .replace(' id="h-read-also"', '');
    const rules = BOILERPLATE_RULES.filter((r) => r.id !== 'wordpress-related-links');
    const { doc, ruleHits } = cleanHtml(body, { rules });
    expect(ruleHits['related-links-list']).toBe(1);
    expect(doc.text).not.toMatch(/Read also|earnings release/);
    expect(doc.text).toMatch(/Beats acquisition for \$3 billion in 2014\.$/);
  });

  it("cnBeta's 相关文章 label and its paragraphs of links go, by the label and not the site's class", () => {
    const html = excerpt('cnbeta-related-articles.html').replace('class="article-relation"', '');
    const { doc, ruleHits } = withRelatedRuleOnly(html);
    expect(ruleHits['related-links-list']).toBe(1);
    expect(doc.text).not.toMatch(/相关文章|0patch|微软警告|缓解措施/);
    expect(doc.text).toMatch(/^基础分被定为8\.8分.*有一些官方的补救方法被建议。$/);
  });

  it('leave a paragraph that mentions related things, and a source named by a bare address', () => {
    for (const name of ['36kr-source-address.html', 'unrelated-mention.html']) {
      const html = excerpt(name);
      expect(cleanHtml(html).doc.text, name).toBe(cleanHtml(html, { rules: [] }).doc.text);
    }
    expect(cleanHtml(excerpt('36kr-source-address.html')).doc.text).toMatch(
      /相关的研究[\s\S]*相关报道：\n\nhttps:\/\/spectrum\.ieee\.org/,
    );
  });

  it.each([
    ['an uppercase inline label', '<p><strong>READ ALSO:</strong> <a href="/x">Another story</a></p>'],
    [
      'a Related heading and a list',
      '<h3>Related</h3><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a> (video)</li></ul>',
    ],
    [
      'a bracketed 相关阅读 and paragraphs of links',
      '<p>【相关阅读】</p><p><a href="/a">甲文</a></p><p><a href="/b">乙文</a></p>',
    ],
    ['推荐阅读 in bold with a list', '<p><b>推荐阅读：</b></p><ol><li><a href="/a">丙文</a></li></ol>'],
    [
      '延伸阅读 with links in the label',
      '<div>延伸阅读：<a href="/a">丁文</a> | <a href="/b">戊文</a></div>',
    ],
  ])('remove %s, keeping the paragraphs around it', (_, block) => {
    const html = `<p>正文第一段。</p>${block}<p>正文第二段，见<a href="/c">原文</a>。</p>`;
    const { doc } = cleanHtml(html);
    expect(doc.text).toBe('正文第一段。\n\n正文第二段，见原文。');
  });

  it.each([
    [
      'a Related heading over article text',
      '<h3>Related</h3><p>The company said the two cases were related to the same supplier.</p>',
    ],
    [
      'a paragraph that starts with Related:',
      '<p>Related: <a href="/a">the filing</a> shows a loss of $3 billion in the quarter, the first in a decade.</p>',
    ],
    [
      'a 相关阅读 label over a paragraph with one link in it',
      '<p>相关阅读：</p><p>记者查阅了<a href="/a">年报</a>，发现公司去年亏损三十亿元，为十年来首次。</p>',
    ],
    [
      'a list of plain items after a label',
      '<p>延伸阅读：</p><ul><li>《资本论》</li><li>《国富论》</li></ul>',
    ],
  ])('leave %s', (_, block) => {
    const html = `<p>正文。</p>${block}`;
    expect(cleanHtml(html).doc.text).toBe(cleanHtml(html, { rules: [] }).doc.text);
  });
});
