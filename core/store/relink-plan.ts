/**
 * Decides where annotations go when articles moved: an article id that no longer exists hands its
 * annotations to the current article with the same body fingerprint (a moved or renamed file).
 * Pure, so the rules can be tested without a disk; `annotation-store.ts` carries the plan out.
 */
export interface StoredArticle {
  articleId: string;
  path: string | null;
  fingerprint: string | null;
  title?: string | null;
  date?: string | null;
  author?: string | null;
}

export interface CurrentArticle {
  id: string;
  path: string;
  fingerprint: string;
  /** What the article is called now; recorded beside its highlights (see ArticleRef). */
  title?: string;
  date?: string | null;
  author?: string | null;
}

/** Whether the store's record of the article is out of date (a field not given is not compared). */
function isStale(stored: StoredArticle, now: CurrentArticle): boolean {
  return (
    now.path !== stored.path ||
    now.fingerprint !== stored.fingerprint ||
    (now.title !== undefined && now.title !== stored.title) ||
    (now.date !== undefined && now.date !== stored.date) ||
    (now.author !== undefined && now.author !== stored.author)
  );
}

export interface RelinkPlan {
  /** Annotations of `from` (gone) move to `to`. */
  moves: { from: string; to: string }[];
  /** Existing articles whose stored path, fingerprint, title, date or author is out of date. */
  refresh: CurrentArticle[];
  /** Gone articles nothing matches: their annotations are kept, untouched, until the file returns. */
  unmatched: string[];
  /** Gone articles matching several current ones equally well: left alone, reported. */
  ambiguous: { from: string; candidates: string[] }[];
}

function basename(p: string | null): string {
  return p ? p.slice(p.lastIndexOf('/') + 1) : '';
}

export function planRelink(stored: readonly StoredArticle[], current: readonly CurrentArticle[]): RelinkPlan {
  const byId = new Map(current.map((a) => [a.id, a]));
  const byFingerprint = new Map<string, CurrentArticle[]>();
  for (const a of current) {
    if (!a.fingerprint) continue;
    const list = byFingerprint.get(a.fingerprint) ?? [];
    list.push(a);
    byFingerprint.set(a.fingerprint, list);
  }
  const plan: RelinkPlan = { moves: [], refresh: [], unmatched: [], ambiguous: [] };
  for (const s of stored) {
    const now = byId.get(s.articleId);
    if (now) {
      if (isStale(s, now)) plan.refresh.push(now);
      continue;
    }
    let candidates = s.fingerprint ? (byFingerprint.get(s.fingerprint) ?? []) : [];
    // The same text saved twice: prefer the copy with the old file name (a move, not a rename).
    if (candidates.length > 1) {
      const sameName = candidates.filter((c) => basename(c.path) === basename(s.path));
      if (sameName.length > 0) candidates = sameName;
    }
    if (candidates.length === 1) plan.moves.push({ from: s.articleId, to: candidates[0]!.id });
    else if (candidates.length === 0) plan.unmatched.push(s.articleId);
    else plan.ambiguous.push({ from: s.articleId, candidates: candidates.map((c) => c.id) });
  }
  return plan;
}
