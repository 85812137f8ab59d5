/**
 * Finds the library article a project's source is a copy of. Candidates come from the library's
 * search index (a few passages of the source looked up), then each is checked against its
 * canonical text: the same words (spacing aside) is an exact match; most of the source's passages
 * found in a text of about the same length is a close one, which the report lists as such.
 */
import type { LibraryHandle } from '../../library/library-handle.js';
import { SpacelessText } from './place-on-article.js';

export interface ArticleMatch {
  articleId: string;
  path: string;
  text: string;
  spaceless: SpacelessText;
  exact: boolean;
}

/** Passages looked up per source, and their length. */
const PROBES = 6;
const PROBE_LENGTH = 24;
/** Candidates checked against their text. */
const MAX_CANDIDATES = 8;
/** A close match: this share of the source's sampled passages found, lengths within this ratio. */
const SHARED_PASSAGES = 0.6;
const LENGTH_RATIO = 0.7;
const SAMPLES = 48;
const SAMPLE_LENGTH = 12;

/** Passages of the source to look up: single lines, no runs of spaces (the index collapses them). */
export function probesOf(text: string): string[] {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length >= 4);
  const pieces: string[] = [];
  for (const line of lines) {
    for (let i = 0; i < line.length; i += PROBE_LENGTH) {
      const piece = line.slice(i, i + PROBE_LENGTH).trim();
      if (piece.length >= Math.min(PROBE_LENGTH, line.length) / 2) pieces.push(piece);
    }
  }
  if (pieces.length <= PROBES) return pieces;
  const step = pieces.length / PROBES;
  return Array.from({ length: PROBES }, (_, i) => pieces[Math.floor(i * step)]!);
}

function sharedPassages(source: string, article: string): number {
  const n = Math.max(1, Math.min(SAMPLES, source.length - SAMPLE_LENGTH + 1));
  if (source.length <= SAMPLE_LENGTH) return article.includes(source) ? 1 : 0;
  const step = (source.length - SAMPLE_LENGTH) / Math.max(1, n - 1);
  let found = 0;
  for (let i = 0; i < n; i++) {
    const at = Math.round(i * step);
    if (article.includes(source.slice(at, at + SAMPLE_LENGTH))) found++;
  }
  return found / n;
}

export async function findArticle(
  library: LibraryHandle,
  source: SpacelessText,
  exclude: ReadonlySet<string> = new Set(),
): Promise<ArticleMatch | null> {
  if (!source.text) return null;
  const votes = new Map<string, number>();
  for (const probe of probesOf(source.original)) {
    for (const hit of library.search(probe, 50).hits) {
      if (hit.offset >= 0 && !exclude.has(hit.articleId))
        votes.set(hit.articleId, (votes.get(hit.articleId) ?? 0) + 1);
    }
  }
  const candidates = [...votes.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
  let best: { match: ArticleMatch; score: number } | null = null;
  for (const [articleId] of candidates) {
    let text: string;
    let path: string;
    try {
      const got = await library.getText(articleId);
      text = got.text;
      path = got.summary.path;
    } catch {
      continue; // gone or unreadable since the search: not a candidate
    }
    const spaceless = new SpacelessText(text);
    if (spaceless.text === source.text) return { articleId, path, text, spaceless, exact: true };
    const a = spaceless.text.length;
    const b = source.text.length;
    if (Math.min(a, b) / Math.max(a, b) < LENGTH_RATIO) continue;
    const score = sharedPassages(source.text, spaceless.text);
    if (score >= SHARED_PASSAGES && (!best || score > best.score))
      best = { match: { articleId, path, text, spaceless, exact: false }, score };
  }
  return best?.match ?? null;
}
