/**
 * Every highlight of the merged view reduced to what aggregate reports count (article, coder, tags,
 * place, quote), read straight from the in-memory index: no copy of any annotation, so 100,000
 * highlights are a few tens of milliseconds, where a walk that copies each one (listEach) takes
 * seconds. One id in two writers' files (a copy) counts once, the later edit, as every reader shows.
 * The store keeps the list until its index or codebook changes, so every report view after the
 * first reads the same facts without building them again.
 */
import type { ArticleSummaryEntry, IndexedAnnotation } from './article-index.js';
import { resolveTagIds } from './codebook.js';
import { coderIdOf } from '../teams/coder.js';
import type { CodebookFile } from './store-schema.js';

export interface HighlightFact {
  articleId: string;
  id: string;
  coderId: string;
  /** Mapped through merges and deletes. Shared: never change it. */
  tagIds: readonly string[];
  /** Stored UTF-16 range. */
  start: number;
  end: number;
  /** The stored quote's text. */
  exact: string;
  /** Code points of the quote (a surrogate pair is one), as the CSV export counts `end - start`. */
  characters: number;
}

const SURROGATE = /[\uD800-\uDFFF]/;
const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Code points of `s`: a surrogate pair (an emoji, a rare CJK character) is one. */
export function codePointCount(s: string): number {
  // Most quotes have no astral character: one native scan says so, without building a match list.
  return SURROGATE.test(s) ? s.length - (s.match(PAIR)?.length ?? 0) : s.length;
}

function laterEdit(a: IndexedAnnotation, b: IndexedAnnotation): boolean {
  const [x, y] = [a.annotation.modified, b.annotation.modified];
  if (x !== y) return x > y;
  return (a.owner?.writerId ?? '') > (b.owner?.writerId ?? '');
}

export function highlightFacts(entries: Iterable<ArticleSummaryEntry>, book: CodebookFile): HighlightFact[] {
  const mapsTags = Object.keys(book.retired).length > 0;
  const out: HighlightFact[] = [];
  const kept: IndexedAnnotation[] = [];
  // Where each id went in `out`: a copy of it in another writer's file replaces it if edited later.
  const at = new Map<string, number>();
  for (const e of entries) {
    for (const x of e.annotations) {
      const { annotation: a, owner } = x;
      const fact: HighlightFact = {
        articleId: e.articleId,
        id: a.id,
        // Another writer's: its folder's coder; mine: as recorded (before coders: its creator's name).
        coderId: owner?.coder.id ?? a.creatorId ?? coderIdOf(a.creator),
        tagIds: mapsTags ? resolveTagIds(book, a.tagIds) : a.tagIds,
        start: a.position.start,
        end: a.position.end,
        exact: a.quote.exact,
        characters: codePointCount(a.quote.exact),
      };
      const i = at.get(a.id);
      if (i === undefined || out[i]!.articleId !== e.articleId) {
        // (The same id on another article is another highlight: kept, and not looked up again.)
        if (i === undefined) at.set(a.id, out.length);
        out.push(fact);
        kept.push(x);
      } else if (laterEdit(x, kept[i]!)) {
        out[i] = fact;
        kept[i] = x;
      }
    }
  }
  return out;
}
