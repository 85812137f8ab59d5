/**
 * The per-article breakdown of one code for the agreement view: in each article, every coder's units
 * and characters, character agreement and kappa (NVivo reports these per source), and alpha_u with
 * the article's text as the continuum. Articles come in continuum order, those nobody coded included
 * (agreement 1 there, kappa and alpha_u null), so the view can filter as it likes.
 */
import { ApiError } from '../errors.js';
import { characterAgreement } from './character-agreement.js';
import { codeUnits, prepareAgreement, type AgreementInput } from './compute-agreement.js';
import type { Span } from './continuum.js';
import { unitizingAlpha } from './unitizing-alpha.js';

export interface ArticleAgreement {
  article_id: string;
  article_path: string;
  /** Text length in code points. */
  length: number;
  units: Record<string, number>;
  characters: Record<string, number>;
  percent_agreement: number | null;
  kappa: number | null;
  alpha_u: number | null;
}

export function agreementByArticle(input: AgreementInput, codeId: string): ArticleAgreement[] {
  const code = input.codes.find((c) => c.id === codeId);
  if (!code) throw new ApiError('not-found', `No code with id ${codeId} among the codes given.`);
  const prepared = prepareAgreement(input);
  const { continuum } = prepared;
  // Each coder's units per article, back in the article's own offsets.
  const local: Span[][][] = continuum.articles.map(() => input.coders.map(() => []));
  codeUnits(prepared, code).forEach((units, coder) => {
    for (const u of units) {
      const offset = continuum.articles[u.article]!.offset;
      local[u.article]![coder]!.push({ start: u.start - offset, end: u.end - offset });
    }
  });
  const names = input.coders.map((c) => c.name);
  return continuum.articles.map((article) => {
    const units = local[article.index]!;
    const chars = characterAgreement(article.length, units);
    return {
      article_id: article.id,
      article_path: article.path,
      length: article.length,
      units: Object.fromEntries(names.map((n, i) => [n, units[i]!.length])),
      characters: Object.fromEntries(
        names.map((n, i) => [n, units[i]!.reduce((sum, u) => sum + u.end - u.start, 0)]),
      ),
      percent_agreement: chars.percentAgreement,
      kappa: chars.kappa,
      alpha_u: unitizingAlpha(article.length, units).alpha,
    };
  });
}
