// Past the element budget a long article keeps its paragraphs: the plain-text rest is split at
// block tags, two <br>s in a row and blank lines, and the canonical text (what highlights anchor
// to and search searches) is the text of the HTML the reader shows, every character in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../../../core/clean/clean-article.js';
import { createContainer, releaseContainer } from '../../../core/clean/dom-window.js';
import { limitElements, MAX_ELEMENTS } from '../../../core/clean/limit-elements.js';
import { textOfDom } from '../../../core/clean/text-of-html.js';

/** The canonical text of `html` parsed again, as the reader parses the cleaned HTML it is sent. */
function textOfReparsed(html: string): string {
  const container = createContainer(html);
  const text = textOfDom(container);
  releaseContainer(container);
  return text;
}

/** Characters other than whitespace, in order: what splitting must never lose or reorder. */
const squeeze = (s: string): string => s.replace(/\s+/g, '');

const sentence = '新华社记者在现场看到，救援队伍正在清理道路，居民们陆续回到家中，生活逐步恢复正常。';

/**
 * A generated article of over 5 MB, written three ways real long pages are: <p> paragraphs with
 * inline markup (more elements than the budget takes), a forum-style <div> whose paragraphs are
 * separated by two <br>s, and plain text whose paragraphs are separated by blank lines. Returns the
 * HTML and the paragraphs a reader must see, in order.
 */
function longArticle(): { html: string; paragraphs: string[] } {
  const paragraphs: string[] = [];
  const html: string[] = [];
  for (let i = 0; i < 15_000; i++) {
    html.push(`<p>第 ${i} 段：${sentence}<b>重点 ${i}</b>，${sentence}</p>\n`);
    paragraphs.push(`第 ${i} 段：${sentence}重点 ${i}，${sentence}`);
  }
  html.push('<div>');
  for (let i = 0; i < 6000; i++) {
    html.push(`换行段 ${i}：${sentence}${sentence}<br>第二行 ${i}<br><br>\n`);
    paragraphs.push(`换行段 ${i}：${sentence}${sentence} 第二行 ${i}`);
  }
  html.push('</div><div>');
  for (let i = 0; i < 6000; i++) {
    html.push(`\u3000\u3000空行段 ${i}：${sentence}${sentence}\n\u3000\n`);
    paragraphs.push(`空行段 ${i}：${sentence}${sentence}`);
  }
  html.push('</div>');
  return { html: html.join(''), paragraphs };
}

describe('a 5 MB article past the element budget', () => {
  it('reads as its paragraphs, each one whole and in order, and its text is the text the reader shows', () => {
    const { html, paragraphs } = longArticle();
    expect(Buffer.byteLength(html)).toBeGreaterThan(5_000_000);
    const { doc, simplified } = cleanHtml(html);
    expect(simplified).toBe(true);
    // The first MAX_ELEMENTS elements are kept as they were (<p> and <b> each count), ...
    const keptParagraphs = MAX_ELEMENTS / 2;
    expect(doc.html).toContain(`<b>重点 ${keptParagraphs - 1}</b>`);
    expect(doc.html).not.toContain(`<b>重点 ${keptParagraphs}</b>`);
    // ... and the rest is thousands more <p>s: the article still reads as paragraphs to its end.
    const rest = doc.html.slice(doc.html.indexOf(`重点 ${keptParagraphs}`));
    expect(rest.match(/<p>/g)!.length).toBeGreaterThan(paragraphs.length - keptParagraphs - 10);
    expect(doc.text.split('\n\n')).toEqual(paragraphs);
    // Highlights anchor to doc.text in the reader's DOM: the re-parsed HTML has exactly this text.
    expect(textOfReparsed(doc.html)).toBe(doc.text);
  }, 180_000);
});

describe('splitting the rest past the budget', () => {
  /** Markup and text pieces, blank lines and runs of <br> included. */
  const piece = fc.constantFrom(
    '<p>',
    '</p>',
    '<div>',
    '</div>',
    '<li>',
    '<h2>',
    '</h2>',
    '<br>',
    '<br><br>',
    '<br>\n<br>',
    '<span>',
    '</span>',
    '<b>',
    '</b>',
    '\n\n',
    '\n\u3000\u3000\n',
    '\r\n\r\n',
    '\n',
    ' ',
    '\u3000\u3000',
    '&amp;',
    '新华社',
    '记者',
    'alpha',
    'beta,',
    '2024年',
  );

  it('never loses or reorders a character of the text, and gives the reader that same text', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 150 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 30 }),
        (pieces, budget, restParagraphs) => {
          const html = pieces.join('');
          const full = cleanHtml(html);
          const limited = cleanHtml(html, { maxElements: budget, maxRestParagraphs: restParagraphs });
          expect(squeeze(limited.doc.text)).toBe(squeeze(full.doc.text));
          expect(textOfReparsed(limited.doc.html)).toBe(limited.doc.text);
          // Every paragraph break put in is a bare <p>, at most the paragraph budget of them.
          const bareP = (s: string): number => s.split('<p>').length - 1;
          const { html: out } = limitElements(html, budget, restParagraphs);
          expect(bareP(out)).toBeLessThanOrEqual(bareP(html) + restParagraphs);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('makes a paragraph of each run of text between two <br>s in a row or a blank line', () => {
    const head = '<p>甲</p>'.repeat(5);
    const { doc } = cleanHtml(`${head}<div>一<br><br>二<br>三\n\n四\n\u3000\u3000\n五</div>`, {
      maxElements: 5,
    });
    expect(doc.text.split('\n\n')).toEqual(['甲', '甲', '甲', '甲', '甲', '一', '二 三', '四', '五']);
  });

  it('within the rest-paragraph budget only, then joins the rest into one block', () => {
    const html = `<p>甲</p><div>${['一', '二', '三', '四', '五'].join('\n\n')}</div>`;
    const { doc } = cleanHtml(html, { maxElements: 1, maxRestParagraphs: 2 });
    expect(doc.text.split('\n\n')).toEqual(['甲', '一', '二', '三 四 五']);
  });

  it('leaves blank lines and <br>s alone in articles within the budget', () => {
    const html = '<div>一<br><br>二\n\n三</div>';
    expect(limitElements(html)).toEqual({ html, cut: false });
    expect(cleanHtml(html).doc.text).toBe('一\n\n二 三');
  });
});
