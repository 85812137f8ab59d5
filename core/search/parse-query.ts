/**
 * The search box's query language, as researchers know it from library catalogues and web search:
 *   several words      all of them (AND):             疫情 上海
 *   "exact phrase"     the words in this order:       "public health"  “公共卫生”
 *   OR (or |)          either word:                   疫情 OR 新冠
 *   -word / -"phrase"  articles without it:           疫情 -上海
 * A term is matched as a substring of the case- and width-folded text (normalize-text.ts), so a run
 * of Chinese without spaces is one term and needs no word splitting. OR binds its neighbours into
 * one alternative (`a b OR c` is a AND (b OR c)). Pure; never throws: whatever cannot be read is
 * dropped with a problem the UI shows, and the rest of the query still runs.
 */
import type { SearchQueryProblem } from '../model.js';
import { normalizeForSearch } from './normalize-text.js';

export interface QueryTerm {
  /** As typed (without quotes or minus), for messages and highlighting. */
  text: string;
  /** Case- and width-folded, whitespace collapsed: what is searched for. Never empty. */
  norm: string;
  phrase: boolean;
}

/** An article matches when every clause does: an `any` clause when one of its terms occurs, a `not` clause when its term does not. */
export type QueryClause = { kind: 'any'; terms: QueryTerm[] } | { kind: 'not'; term: QueryTerm };

export type QueryProblem = SearchQueryProblem;
export type QueryProblemCode = SearchQueryProblem['code'];

export interface ParsedQuery {
  clauses: QueryClause[];
  /** Distinct positive terms (by `norm`), in query order: what is counted and shown as hits. */
  positive: QueryTerm[];
  problems: QueryProblem[];
}

/** More terms than anyone types; each costs a pass over the candidate articles. */
export const MAX_QUERY_TERMS = 20;

const OPEN_QUOTES: Record<string, string> = {
  '"': '"',
  '＂': '＂',
  '“': '”',
  '”': '”',
  '「': '」',
  '『': '』',
};
const MINUS = new Set(['-', '－', '−']);
const isSpace = (c: string): boolean => /\s/.test(c);

type Token = { kind: 'term'; term: QueryTerm; negated: boolean } | { kind: 'or' } | { kind: 'skip' };

const MESSAGES: Record<QueryProblemCode, (term?: string) => string> = {
  'unclosed-quote': (t) => `The quote before “${t}” is not closed; searched as a phrase to the end`,
  'empty-phrase': () => 'An empty pair of quotes was ignored',
  'dangling-or': () => 'OR needs a word on both sides; it was ignored',
  'lone-minus': () => 'A minus sign needs a word right after it (-word); it was ignored',
  'or-with-exclusion': (t) => `OR cannot join an excluded word (-${t}); both are required instead`,
  'only-exclusions': () => 'Add a word to search for: -word only excludes articles',
  'too-many-terms': () => `Only the first ${MAX_QUERY_TERMS} words were searched`,
};

function problem(code: QueryProblemCode, term?: string): QueryProblem {
  return term === undefined
    ? { code, message: MESSAGES[code]() }
    : { code, message: MESSAGES[code](term), term };
}

function makeTerm(text: string, phrase: boolean): QueryTerm | null {
  const norm = normalizeForSearch(text.replace(/[\u0000\u0001]/g, ' '))
    .replace(/ +/g, ' ')
    .trim();
  return norm === '' ? null : { text: text.trim(), norm, phrase };
}

/** Splits the query into words, phrases and ORs, noting problems as it goes. */
function tokenize(query: string, problems: QueryProblem[]): Token[] {
  const tokens: Token[] = [];
  const chars = [...query]; // by code point, so a surrogate pair is never split
  let i = 0;
  while (i < chars.length) {
    if (isSpace(chars[i] as string)) {
      i++;
      continue;
    }
    let negated = false;
    if (MINUS.has(chars[i] as string)) {
      const next = chars[i + 1];
      if (next === undefined || isSpace(next)) {
        problems.push(problem('lone-minus'));
        i++;
        continue;
      }
      negated = true;
      i++;
    }
    const close = OPEN_QUOTES[chars[i] as string];
    if (close !== undefined) {
      let j = i + 1;
      while (j < chars.length && chars[j] !== close && !(close === '"' && chars[j] === '”')) j++;
      const text = chars.slice(i + 1, j).join('');
      if (j >= chars.length) problems.push(problem('unclosed-quote', text.trim()));
      const term = makeTerm(text, true);
      if (term) tokens.push({ kind: 'term', term, negated });
      else problems.push(problem('empty-phrase'));
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < chars.length && !isSpace(chars[j] as string)) j++;
    const word = chars.slice(i, j).join('');
    i = j;
    if (!negated && (word === 'OR' || word === '|')) {
      tokens.push({ kind: 'or' });
      continue;
    }
    const term = makeTerm(word, false);
    tokens.push(term ? { kind: 'term', term, negated } : { kind: 'skip' });
  }
  return tokens;
}

export function parseQuery(query: string): ParsedQuery {
  const problems: QueryProblem[] = [];
  const tokens = tokenize(query, problems).filter((t) => t.kind !== 'skip');
  const clauses: QueryClause[] = [];
  let terms = 0;
  let joinNext = false; // the previous token was an OR that joins the next term
  let tooMany = false;
  tokens.forEach((token, k) => {
    if (token.kind === 'or') {
      const prev = tokens[k - 1];
      const next = tokens[k + 1];
      if (prev?.kind !== 'term' || next?.kind !== 'term') {
        if (!problems.some((p) => p.code === 'dangling-or')) problems.push(problem('dangling-or'));
        return;
      }
      if (prev.negated || next.negated) {
        problems.push(problem('or-with-exclusion', (prev.negated ? prev : next).term.text));
        return;
      }
      joinNext = true;
      return;
    }
    if (terms === MAX_QUERY_TERMS) {
      tooMany = true;
      return;
    }
    terms++;
    const last = clauses[clauses.length - 1];
    if (token.negated) clauses.push({ kind: 'not', term: token.term });
    else if (joinNext && last?.kind === 'any') last.terms.push(token.term);
    else clauses.push({ kind: 'any', terms: [token.term] });
    joinNext = false;
  });
  if (tooMany) problems.push(problem('too-many-terms'));
  const positive: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const c of clauses) {
    if (c.kind !== 'any') continue;
    for (const t of c.terms) {
      if (!seen.has(t.norm)) positive.push(t);
      seen.add(t.norm);
    }
  }
  if (positive.length === 0 && clauses.length > 0) {
    problems.push(problem('only-exclusions'));
    return { clauses: [], positive, problems };
  }
  return { clauses, positive, problems };
}

/** True when the query asks for nothing (empty, or only what was dropped). */
export const isEmptyQuery = (q: ParsedQuery): boolean => q.clauses.length === 0;
