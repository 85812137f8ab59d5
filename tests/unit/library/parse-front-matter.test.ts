import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../core/library/parse-front-matter.js';
import { parseSimpleFrontMatter } from '../../../core/library/simple-front-matter.js';

describe('parseFrontMatter', () => {
  it('reads a corpus-style front matter that starts after a blank line', () => {
    const fm = parseFrontMatter(
      "\n---\ntitle: 'A title'\ncategories: \n - 金融\n - 新浪财经\ncomments: false\n---\n\n<div>body</div>\n",
    );
    expect(fm.present).toBe(true);
    expect(fm.error).toBeNull();
    expect(fm.data).toEqual({ title: 'A title', categories: ['金融', '新浪财经'], comments: false });
    expect(fm.body).toBe('\n<div>body</div>\n');
    expect(fm.bodyLine).toBe(9);
  });

  it('accepts a quoted title that continues on an unindented line (as Hexo writes them)', () => {
    const fm = parseFrontMatter("---\ntitle: '【标题】第一行 \n1.第二行...'\nauthor: 金色财经\n---\nbody");
    expect(fm.error).toBeNull();
    expect(fm.data.title).toBe('【标题】第一行 1.第二行...');
    expect(fm.data.author).toBe('金色财经');
  });

  it('keeps the body and names the line when the YAML is broken', () => {
    const fm = parseFrontMatter('---\ntitle: Still here\ntags: [unclosed\nauthor: X\n---\n<p>body</p>');
    expect(fm.error?.line).toBeGreaterThanOrEqual(3);
    expect(fm.error?.message).toMatch(/Front matter/);
    expect(fm.body).toBe('<p>body</p>');
    expect(fm.data.title).toBe('Still here'); // salvaged
  });

  it('salvages the simple keys of a broken front matter with CRLF line ends too', () => {
    const fm = parseFrontMatter('---\r\ntitle: t\r\nauthor: a\r\nfoo: bar: baz\r\n---\r\nbody\r\n');
    expect(fm.error?.message).toMatch(/Front matter/);
    expect(fm.data).toMatchObject({ title: 't', author: 'a' });
  });

  it('treats a file without --- as all body', () => {
    expect(parseFrontMatter('just text\n---\nmore')).toMatchObject({
      present: false,
      body: 'just text\n---\nmore',
    });
  });

  it('warns when the front matter never closes', () => {
    const fm = parseFrontMatter('---\ntitle: x\n<p>body</p>');
    expect(fm.error?.line).toBe(1);
    expect(fm.body).toContain('<p>body</p>');
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const fm = parseFrontMatter(`---\n${s}\n---\nbody`);
        expect(typeof fm.body).toBe('string');
        expect(typeof fm.data).toBe('object');
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void parseFrontMatter(s)),
      { numRuns: 500 },
    );
  });

  it('fast path agrees with the yaml library whenever it answers', () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        'true',
        'False',
        'null',
        '~',
        '12',
        '1.5',
        "'quoted'",
        "'it''s'",
        'a: b',
        '- x',
        '#c',
        'x #y',
        '2021-04-15 08:09:25',
      ),
    );
    const line = fc.oneof(
      fc.tuple(fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/), scalar).map(([k, v]) => `${k}: ${v}`),
      fc
        .tuple(fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/), fc.array(scalar, { maxLength: 3 }))
        .map(([k, items]) => `${k}: \n${items.map((i) => ` - ${i}`).join('\n')}`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const text = lines.join('\n');
        const fast = parseSimpleFrontMatter(text);
        if (fast === null) return;
        let slow: unknown;
        try {
          slow = parseYaml(text, { uniqueKeys: false }) ?? {};
        } catch {
          throw new Error(`fast path accepted YAML that yaml rejects: ${JSON.stringify(text)}`);
        }
        expect(fast).toEqual(slow);
      }),
      { numRuns: 1000 },
    );
  });
});
