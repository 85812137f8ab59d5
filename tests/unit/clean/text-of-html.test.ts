import { describe, expect, it } from 'vitest';
import { createContainer } from '../../../core/clean/dom-window.js';
import {
  domPointOfTextOffset,
  mapTextOfDom,
  textOffsetOfDomPoint,
  textOfDom,
} from '../../../core/clean/text-of-html.js';

const text = (html: string): string => textOfDom(createContainer(html));

describe('textOfDom', () => {
  it('joins blocks with a blank line and collapses whitespace inside them', () => {
    expect(text('<p> a\n  b </p><div>c</div>')).toBe('a b\n\nc');
    expect(text('<p><b>a</b> <i>b</i></p>')).toBe('a b');
  });

  it('trims full-width and no-break spaces at block edges only', () => {
    expect(text('<p>\u3000\u3000正文\u3000中间\u3000</p>')).toBe('正文\u3000中间');
    expect(text('<p>\u00a0a\u00a0b\u00a0</p>')).toBe('a\u00a0b');
  });

  it('turns <br> into newlines (two at most, never at the edges)', () => {
    expect(text('<p><br>a<br>b<br><br><br><br>c<br></p>')).toBe('a\nb\n\nc');
  });

  it('keeps whitespace inside <pre>', () => {
    expect(text('<pre>\n  x = 1\n    y\n</pre>')).toBe('x = 1\n    y');
  });

  it('ignores scripts, styles, hidden elements and images', () => {
    expect(text('<p>a<script>x</script><style>y</style><span hidden>z</span><img alt="w">b</p>')).toBe('ab');
  });

  it('maps between DOM points and text offsets both ways', () => {
    const root = createContainer('<p>\u3000\u3000第一段  文字</p><p>第二段</p>');
    const map = mapTextOfDom(root);
    expect(map.text).toBe('第一段 文字\n\n第二段');
    const second = root.querySelectorAll('p')[1]!.firstChild!;
    expect(textOffsetOfDomPoint(map, second, 1)).toBe(map.text.indexOf('二'));
    const first = root.querySelector('p')!.firstChild!;
    expect(textOffsetOfDomPoint(map, first, 2)).toBe(0); // inside the trimmed indent: snaps forward
    const point = domPointOfTextOffset(map, map.text.indexOf('文'));
    expect(point?.node).toBe(first);
    expect(point!.node.data[point!.offset]).toBe('文');
  });
});
