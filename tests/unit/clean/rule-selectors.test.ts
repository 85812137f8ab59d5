// The rules' selector shortcut (tag and attribute pre-check before jsdom's matches()) must give
// exactly matches()'s answer, or a rule would miss boilerplate or hit content.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesSelector, prefilterOf } from '../../../core/clean/apply-rules.js';
import { BOILERPLATE_RULES, TEXT_RULE_DEFAULT_SELECTOR } from '../../../core/clean/boilerplate-rules.js';
import { createContainer, releaseContainer } from '../../../core/clean/dom-window.js';

const ruleSelectors = BOILERPLATE_RULES.flatMap((r) =>
  r.selector ? [r.selector] : r.text ? [TEXT_RULE_DEFAULT_SELECTOR] : [],
);
const otherSelectors = [
  '*',
  'P, DIV',
  'a[href="a,b"], p',
  '[data-x="1" i]',
  'div p',
  'p > a',
  'a:not(.keyword)',
  'span#quote_1',
  '.x.y',
];

describe('rule selectors', () => {
  it('take the shortcut for every built-in rule, and not for combinators or pseudo-classes', () => {
    for (const s of ruleSelectors) expect(prefilterOf(s), s).not.toBeNull();
    for (const s of ['div p', 'p > a', 'a:not(.keyword)', 'p ~ p']) expect(prefilterOf(s), s).toBeNull();
  });

  it('answer as matches() does, for any element', () => {
    const tag = fc.constantFrom(
      'p',
      'div',
      'span',
      'a',
      'font',
      'img',
      'figcaption',
      'section',
      'strong',
      'td',
    );
    const attr = fc.oneof(
      fc.constant(''),
      fc.constantFrom(
        ' class="keyword"',
        ' class="img_descr other"',
        ' class="appendQr_wrap"',
        ' class="x y"',
        ' id="quote_1"',
        ' id="stock_sh600000"',
        ' hidden',
        ' aria-hidden="true"',
        ' cms-style="font-L strong-Bold"',
        ' href="https://finance.sina.com.cn/realstock/company/sh600000/nc.shtml"',
        ' href="a,b"',
        ' data-x="1"',
        ' data-link="x"',
      ),
    );
    const element = fc
      .tuple(tag, fc.array(attr, { maxLength: 2 }))
      .map(([t, attrs]) => `<${t}${[...new Set(attrs)].join('')}>x</${t}>`);
    fc.assert(
      fc.property(fc.array(element, { minLength: 1, maxLength: 6 }), (parts) => {
        const root = createContainer(`<div>${parts.join('')}</div>`);
        try {
          for (const el of Array.from(root.querySelectorAll('*'))) {
            for (const s of [...ruleSelectors, ...otherSelectors]) {
              expect(matchesSelector(el, s, prefilterOf(s)), `${el.outerHTML} ${s}`).toBe(el.matches(s));
            }
          }
        } finally {
          releaseContainer(root);
        }
      }),
      { numRuns: 150 },
    );
  });
});
