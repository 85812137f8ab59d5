// Each boilerplate rule, on the hand-written fixture and (when present) on real corpus files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_RULES } from '../../../core/clean/boilerplate-rules.js';
import { cleanHtml } from '../../../core/clean/clean-article.js';
import { corpusDir, fixturesDir, hasCorpus } from '../library/corpus-path.js';

const fixture = readFileSync(join(fixturesDir, 'boilerplate-snippets.html'), 'utf8');
const cleaned = cleanHtml(fixture);

/** What each rule must leave behind (or not), checked on the fixture and on corpus files. */
const EXPECTATIONS: Record<string, { gone?: RegExp; kept?: RegExp; html?: RegExp }> = {
  'html-comments': { gone: /a comment that must go/ },
  'non-content-elements': { gone: /color:red|alert\(1\)/ },
  'hidden-elements': { gone: /隐藏的段落|查看知乎原文/ },
  'sina-app-qr': { gone: /海量资讯/ },
  'sina-app-slogan': { gone: /海量资讯/ },
  'sina-article-editor': { gone: /责任编辑/ },
  'editor-credit-line': { gone: /责任编辑/ },
  'sina-stock-quote': { html: /^(?![\s\S]*quote_)/ },
  'sina-stock-ticker-link': { kept: /据张家界报道/, html: /^(?![\s\S]*realstock)/ },
  'sina-bold-font': { html: /<strong>加粗文字<\/strong>/ },
  'sina-image-wrapper': { html: /<figure>/ },
  'empty-image-caption': { html: /^(?![\s\S]*<figcaption><\/figcaption>)/ },
  'image-caption': { html: /<figcaption>甲的说明<\/figcaption>/ },
  'jianshu-image-package': { html: /<figcaption>丙的说明<\/figcaption>/ },
  'empty-widgets': { html: /^(?![\s\S]*video-2017)/ },
  'cms-attributes': { html: /^(?![\s\S]*(cms-style|data-vmark))/, kept: /带属性的段落/ },
  'copyright-notice': { gone: /独家稿件/ },
  'zhihu-chrome': { gone: /查看知乎讨论/, html: /^(?![\s\S]*avatar)/ },
  'juejin-copy-button': { gone: /复制代码/, kept: /let a = 1;/ },
  'wordpress-ad-disclaimer': { gone: /FTC: We use/ },
  'wordpress-related-links': { gone: /Read also|earnings release/, kept: /保留的列表项/ },
  'related-links-list': { gone: /延伸阅读|别处的报道|相关文章:/, kept: /相关阅读材料显示/ },
  'cnbeta-related': { gone: /相关文章/ },
  'affiliate-links': { kept: /由微软开发/, html: /^(?![\s\S]*duomai)/ },
  'ithome-tag-link': { kept: /IT之家 7 月 20 日消息/, html: /^(?![\s\S]*ithome\.com\/")/ },
  'ithome-tip-credit': { gone: /线索投递/ },
  '36kr-project-link': { kept: /来自微信公众号/, html: /^(?![\s\S]*projectDetails)/ },
};

const check = (id: string, doc: { text: string; html: string }): void => {
  const e = EXPECTATIONS[id] ?? {};
  if (e.gone) expect(doc.text).not.toMatch(e.gone);
  if (e.kept) expect(doc.text).toMatch(e.kept);
  if (e.html) expect(doc.html).toMatch(e.html);
};

describe('boilerplate rules on the hand-written fixture', () => {
  it('every rule has an expectation here', () => {
    expect(Object.keys(EXPECTATIONS).sort()).toEqual(BOILERPLATE_RULES.map((r) => r.id).sort());
    for (const r of BOILERPLATE_RULES) expect(r.description.length).toBeGreaterThan(10);
  });

  it.each(BOILERPLATE_RULES.map((r) => r.id))('%s fires and does its job', (id) => {
    expect(cleaned.ruleHits[id], id).toBeGreaterThan(0);
    check(id, cleaned.doc);
  });

  it('keeps the text around the boilerplate', () => {
    expect(cleaned.doc.text.startsWith('正文开头。')).toBe(true);
    expect(cleaned.doc.text.endsWith('正文结尾。')).toBe(true);
    expect(cleaned.editor).toBe('王五 SF001、薛涛');
  });

  it("keeps every distinct editor credit, once each (the user's seed file credits two editors)", () => {
    const twoEditors = cleanHtml(
      '<p>正文。</p><p>　　责任编辑：王鹏</p><p>更多正文。</p>' +
        '<p class="article-editor">责任编辑：张亚楠</p><p class="article-editor">责任编辑：张亚楠</p>',
    );
    expect(twoEditors.editor).toBe('张亚楠、王鹏');
    expect(twoEditors.doc.text).toBe('正文。\n\n更多正文。');
  });
});

const corpusFiles = hasCorpus ? readdirSync(corpusDir).filter((f) => f.endsWith('.txt')) : [];
const corpusBodies = corpusFiles.map((f) => ({
  file: f,
  body: readFileSync(join(corpusDir, f), 'utf8').replace(/^\s*---\n[\s\S]*?\n---\n/, ''),
}));

describe.skipIf(!hasCorpus)('boilerplate rules on the corpus', () => {
  // A rule that only exists for the hand-written fixture would show up here with zero files.
  const FIXTURE_ONLY = new Set(['hidden-elements', 'editor-credit-line', 'sina-app-slogan', 'image-caption']);

  it.each(BOILERPLATE_RULES.map((r) => r.id))('%s works on the real files it fires on', (id) => {
    let fired = 0;
    for (const { body } of corpusBodies) {
      const r = cleanHtml(body);
      if (!r.ruleHits[id]) continue;
      fired++;
      const gone = EXPECTATIONS[id]?.gone;
      if (gone) expect(r.doc.text).not.toMatch(gone);
    }
    if (!FIXTURE_ONLY.has(id)) expect(fired, `${id} fired on no corpus file`).toBeGreaterThan(0);
  });
});
