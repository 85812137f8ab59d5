// The nesting guard in front of jsdom: real articles pass through untouched, hostile nesting is cut
// to a bounded depth in linear time, and no text is lost either way.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../../../core/clean/clean-article.js';
import { createContainer, releaseContainer } from '../../../core/clean/dom-window.js';
import { limitNesting, MAX_DEPTH } from '../../../core/clean/limit-nesting.js';
import { textOfDom } from '../../../core/clean/text-of-html.js';

/** Depth of the deepest element jsdom builds from `html` (an explicit stack: trees may be deep). */
function parsedDepth(html: string): number {
  const root = createContainer(html);
  let deepest = 0;
  const stack: [Element, number][] = [[root, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [el, depth] = item;
    deepest = Math.max(deepest, depth);
    for (const child of Array.from(el.children)) stack.push([child, depth + 1]);
  }
  releaseContainer(root);
  return deepest;
}

function textOf(html: string): string {
  const root = createContainer(html);
  const text = textOfDom(root);
  releaseContainer(root);
  return text;
}

const repeat = (s: string, n: number): string => s.repeat(n);

describe('limitNesting', () => {
  it('leaves ordinary article HTML exactly as it is, even with thousands of tags', () => {
    const snippets = readFileSync(
      new URL('../../fixtures/library/boilerplate-snippets.html', import.meta.url),
      'utf8',
    );
    const article = repeat(
      '<p>\u3000\u3000新华社北京电 <b>记者</b><a href="https://x.cn/">链接</a><br>第二行<img src="a.png"></p>' +
        '<ul><li>一<li>二</ul><table><tr><td>格<td><font color=red>红</table><p>未闭合段落<p>下一段' +
        '<div><span>嵌套</span></div><svg><path d="M0"/><circle/></svg><p><font size=2>字</p>',
      400,
    );
    for (const html of [snippets, article]) expect(limitNesting(html)).toBe(html);
  });

  it.each([
    ['nested <div>s', (n: number) => `${repeat('<div>', n)}deep text${repeat('</div>', n)}`],
    ['unclosed <span>s', (n: number) => `${repeat('<span>', n)}deep text`],
    ['blocks inside unclosed inline elements', (n: number) => `${repeat('<span><div>x</span>', n)}deep text`],
    ['nested lists', (n: number) => `${repeat('<ul><li>x', n)}deep text`],
    ['nested tables', (n: number) => `${repeat('<table><tr><td>x', n)}deep text`],
    ['svg with HTML inside', (n: number) => `${repeat('<svg><foreignObject><div>x', n)}deep text`],
    ['misnested formatting', (n: number) => `${repeat('<b><div>x</b>', n)}deep text`],
    // Distinct formatting elements left open: the parser re-opens all of them in every block after.
    [
      'formatting re-opened after a block',
      (n: number) => `<p>${Array.from({ length: n }, (_, i) => `<b id=${i}>`).join('')}</p><p>deep text</p>`,
    ],
  ])('%s: cut to a bounded depth, text kept', (_label, make) => {
    const html = make(600);
    const limited = limitNesting(html);
    expect(parsedDepth(limited)).toBeLessThanOrEqual(MAX_DEPTH + 8);
    const text = textOf(limited);
    expect(text).toContain('deep text');
    expect(text.split('x').length - 1).toBe(html.split('x').length - 1);
  });

  it('keeps every character of text when it cuts tags', () => {
    const html = `${repeat('<div><i>段落</i>', 2000)}${repeat('</div>', 2000)}`;
    const limited = limitNesting(html);
    expect(limited.length).toBeLessThan(html.length);
    expect(textOf(limited).replace(/\s+/g, '')).toBe('段落'.repeat(2000));
  });

  it('takes time linear in the input (2 MB of nested <div>s in about a second)', () => {
    const depth = (2 * 1024 * 1024) / 11;
    const html = `${repeat('<div>', depth)}deep text${repeat('</div>', depth)}`;
    const started = performance.now();
    const { doc } = cleanHtml(html);
    const seconds = (performance.now() - started) / 1000;
    expect(doc.text).toBe('deep text');
    expect(seconds).toBeLessThan(10);
  }, 30_000);
});
