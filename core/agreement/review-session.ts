/**
 * Gathers the disagreement review from an open library (issue 18): for two coders and a code (or
 * every code), the places where they differ, with the article text around each, and the matches,
 * each marked decided from the consensus layer (consensus-layer.ts). The articles are those of the
 * agreement view's choice; the consensus layer is read on the same articles.
 */
import type { ExportSession } from '../export/export-scope.js';
import { CodePointIndex } from '../anchor/code-points.js';
import { CONSENSUS_CODER_ID } from '../teams/coder.js';
import { agreementInput, type AgreementRequest } from './agreement-session.js';
import { codeTagIds, type AgreementCoder } from './compute-agreement.js';
import { consensusWriterId, dismissedPlaces } from './consensus-layer.js';
import { matchPlaces, reviewPlaces, type ConsensusSpan, type ReviewPlace } from './disagreements.js';
import { reviewSegments } from './review-segments.js';

/** Code points of text shown either side of a place. */
const CONTEXT = 60;

export interface ReviewPlaceWithText extends ReviewPlace {
  /** The article's text around the place: `text` begins at code point `start` of the article. */
  context: { start: number; text: string };
}

export interface ReviewReport {
  coders: [AgreementCoder, AgreementCoder];
  codes: { id: string; path: string }[];
  articles: { id: string; path: string; title: string }[];
  /** The places where A and B differ, article by article, then code by code. */
  places: ReviewPlaceWithText[];
  /** Matched pairs: how many, and how many the consensus has not taken yet. */
  matches: { total: number; undecided: number };
  /** The writer folder decisions go to. */
  consensusWriterId: string;
}

export type ReviewRequest = AgreementRequest & { coders: readonly [string, string] };

/** Consensus highlights on the articles, placed on their current text (none before the first decision). */
async function consensusSpans(
  session: ExportSession,
  articleIds: readonly string[],
): Promise<ConsensusSpan[]> {
  const known = await session.annotations.coders();
  const consensus = known.find((c) => c.id === CONSENSUS_CODER_ID);
  const other = known.find((c) => c.id !== CONSENSUS_CODER_ID);
  if (!consensus || !other || articleIds.length === 0) return [];
  const input = await agreementInput(session, { coders: [consensus.id, other.id], articles: articleIds });
  return input.highlights
    .filter((h) => h.coderId === CONSENSUS_CODER_ID)
    .map((h) => ({ id: h.id!, articleId: h.articleId, start: h.start, end: h.end, tagIds: h.tagIds }));
}

/** The two coders' places and matches, code by code, with the consensus layer's decisions. */
async function reviewByCode(session: ExportSession, req: ReviewRequest) {
  const input = await agreementInput(session, req);
  const [a, b] = input.coders as [AgreementCoder, AgreementCoder];
  const articleIds = input.articles.map((x) => x.id);
  const [consensus, dismissed] = await Promise.all([
    consensusSpans(session, articleIds),
    dismissedPlaces(session),
  ]);
  const withChildren = input.options?.withChildren ?? false;
  const perCode = input.codes.map((code) => {
    const matching = reviewSegments(input, { codeId: code.id, coderIds: [a.id, b.id] });
    const layers = { consensus, dismissed, codeTagIds: new Set(codeTagIds(code, withChildren)) };
    return {
      places: reviewPlaces(matching, code.id, layers),
      matches: matchPlaces(matching, code.id, layers),
    };
  });
  return { input, coders: [a, b] as [AgreementCoder, AgreementCoder], perCode };
}

export async function reviewReport(session: ExportSession, req: ReviewRequest): Promise<ReviewReport> {
  const { input, coders, perCode } = await reviewByCode(session, req);
  const places = perCode.flatMap((c) => c.places);
  const matched = perCode.flatMap((c) => c.matches);
  const total = matched.length;
  const undecided = matched.filter((m) => !m.decided).length;
  // Article by article in library order, then by place.
  const order = new Map(input.articles.map((x, i) => [x.id, i]));
  places.sort(
    (x, y) => order.get(x.articleId)! - order.get(y.articleId)! || x.start - y.start || x.end - y.end,
  );

  const texts = new Map<string, { text: string; index: CodePointIndex }>();
  const withText: ReviewPlaceWithText[] = [];
  for (const p of places) {
    let t = texts.get(p.articleId);
    if (!t) {
      const { text } = await session.library.getText(p.articleId);
      t = { text, index: new CodePointIndex(text) };
      texts.set(p.articleId, t);
    }
    const start = Math.max(0, p.start - CONTEXT);
    const length = t.index.toCodePoints(t.text.length);
    const from = t.index.toUtf16(start);
    const to = t.index.toUtf16(Math.min(length, p.end + CONTEXT));
    withText.push({ ...p, context: { start, text: t.text.slice(from, to) } });
  }
  const summaries = new Map(session.library.list().articles.map((s) => [s.id, s]));
  const withPlaces = [...new Set(places.map((p) => p.articleId))];
  return {
    coders,
    codes: input.codes.map((c) => ({ id: c.id, path: c.path })),
    articles: withPlaces.map((id) => ({
      id,
      path: summaries.get(id)?.path ?? id,
      title: summaries.get(id)?.title ?? '',
    })),
    places: withText,
    matches: { total, undecided },
    consensusWriterId: consensusWriterId(session),
  };
}

/** Every match the consensus has not taken yet, as the span both versions cover. */
export async function undecidedMatches(
  session: ExportSession,
  req: ReviewRequest,
): Promise<{ articleId: string; tagId: string; start: number; end: number }[]> {
  const { perCode } = await reviewByCode(session, req);
  return perCode
    .flatMap((c) => c.matches)
    .filter((m) => !m.decided)
    .map(({ articleId, tagId, start, end }) => ({ articleId, tagId, start, end }));
}
