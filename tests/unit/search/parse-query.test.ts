import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TERMS, parseQuery, type ParsedQuery } from '../../../core/search/parse-query.js';

/** The query as clauses of normalised terms: `a`, `a|b`, `-a`. */
const shape = (q: ParsedQuery): string[] =>
  q.clauses.map((c) => (c.kind === 'not' ? `-${c.term.norm}` : c.terms.map((t) => t.norm).join('|')));
const codes = (q: ParsedQuery): string[] => q.problems.map((p) => p.code);

describe('parseQuery', () => {
  it('reads several words as all of them, a Chinese run as one term', () => {
    const q = parseQuery('疫情防控  上海');
    expect(shape(q)).toEqual(['疫情防控', '上海']);
    expect(q.problems).toEqual([]);
  });

  it('reads quoted phrases, straight or Chinese quotes, as one term with its spaces', () => {
    expect(shape(parseQuery('"Public  Health" “公共 卫生” 「新冠」'))).toEqual([
      'public health',
      '公共 卫生',
      '新冠',
    ]);
    expect(parseQuery('"a b"').clauses[0]).toMatchObject({ terms: [{ phrase: true, text: 'a b' }] });
  });

  it('joins words around OR (or |) into one alternative, tighter than AND', () => {
    expect(shape(parseQuery('疫情 新冠 OR 肺炎 | covid'))).toEqual(['疫情', '新冠|肺炎|covid']);
    expect(shape(parseQuery('a or b'))).toEqual(['a', 'or', 'b']); // lower-case "or" is a word
  });

  it('reads -word and -"phrase" as exclusions', () => {
    expect(shape(parseQuery('疫情 -上海 -"New York" covid-19'))).toEqual([
      '疫情',
      '-上海',
      '-new york',
      'covid-19',
    ]);
  });

  it('folds case and full width in terms', () => {
    expect(shape(parseQuery('ＡＰＰ Apple'))).toEqual(['app', 'apple']);
  });

  it('counts each distinct positive term once', () => {
    expect(parseQuery('a A b OR a -c').positive.map((t) => t.norm)).toEqual(['a', 'b']);
  });

  it('explains what it could not read, and runs the rest', () => {
    expect(codes(parseQuery('OR 疫情 OR'))).toEqual(['dangling-or']);
    expect(shape(parseQuery('OR 疫情 OR'))).toEqual(['疫情']);
    expect(codes(parseQuery('疫情 - 上海'))).toEqual(['lone-minus']);
    expect(codes(parseQuery('"" 疫情'))).toEqual(['empty-phrase']);
    const unclosed = parseQuery('疫情 "public health');
    expect(shape(unclosed)).toEqual(['疫情', 'public health']);
    expect(unclosed.problems[0]).toMatchObject({ code: 'unclosed-quote', term: 'public health' });
    expect(shape(parseQuery('a OR -b'))).toEqual(['a', '-b']);
    expect(codes(parseQuery('a OR -b'))).toEqual(['or-with-exclusion']);
  });

  it('refuses a query of exclusions only: it matches nothing, and says why', () => {
    const q = parseQuery('-上海 -北京');
    expect(q.clauses).toEqual([]);
    expect(codes(q)).toEqual(['only-exclusions']);
    expect(q.problems[0]?.message).toMatch(/Add a word/);
  });

  it('stops at a maximum number of terms', () => {
    const q = parseQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '));
    expect(q.clauses).toHaveLength(MAX_QUERY_TERMS);
    expect(codes(q)).toEqual(['too-many-terms']);
  });

  it('never throws, and every term it returns is non-empty and searchable', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '"',
        '“',
        '”',
        '-',
        '－',
        'OR',
        '|',
        ' ',
        '　',
        '「',
        '」',
        '疫情',
        'Ab',
        '\u0000',
        '\ud800',
      ),
      fc.string({ unit: 'binary', maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const q = parseQuery(parts.join(''));
        for (const c of q.clauses) {
          const terms = c.kind === 'not' ? [c.term] : c.terms;
          expect(terms.length).toBeGreaterThan(0);
          for (const t of terms) {
            expect(t.norm.length).toBeGreaterThan(0);
            expect(t.norm).not.toMatch(/^ | $|[\u0000\u0001]/);
          }
        }
        // A query with clauses always has something to find; problems always have a message.
        if (q.clauses.length > 0) expect(q.positive.length).toBeGreaterThan(0);
        for (const p of q.problems) expect(p.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
