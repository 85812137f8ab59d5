/**
 * Merges every writer's stamped codebook into the one codebook all readers see. Per tag and per
 * field the entry with the greatest stamp wins, so the result does not depend on the order the
 * books are given in, on duplicates, or on older versions of a book given beside newer ones.
 * The view is today's `CodebookFile`, repaired so that the existing codebook rules hold on it:
 * no parent that is gone (a merged parent's children follow it, a deleted one's go to the top),
 * no cycle, and `retired` pointing each merged or deleted id at its survivor.
 */
import type { Tag } from '../model.js';
import { setOwn } from '../own-keys.js';
import { CURRENT_SCHEMA_VERSION, type CodebookFile } from '../store/store-schema.js';
import { compareStamps, maxStamp } from './hlc.js';
import { stableJson } from './stable-json.js';
import type { StampedField, WriterCodebook } from './writer-codebook-schema.js';

/** Something the merge settled that a person should look at; nothing in it is lost. */
export type CodebookConflict =
  | {
      /** Two writers changed one field without seeing each other's change: the later stamp won. */
      kind: 'field';
      tagId: string;
      field: string;
      winner: { writerId: string; value: unknown; stamp: string };
      losers: { writerId: string; value: unknown; stamp: string }[];
    }
  /** Concurrent moves or merges made a loop; the latest step of it was set aside. */
  | { kind: 'parent-cycle' | 'merge-cycle'; tagId: string; tagIds: string[] }
  /** Tags created or renamed concurrently now share a name under one parent. */
  | { kind: 'duplicate-name'; parentId: string | null; tagIds: string[] };

/** The winning stamps the view was computed from: what `recordChanges` needs for `seen`. */
export interface CodebookStamps {
  [tagId: string]: { created: string; fields: Record<string, string> };
}

export interface MergedCodebook {
  view: CodebookFile;
  conflicts: CodebookConflict[];
  /** Greatest stamp in any book (for the clock to observe), or null when there are none. */
  maxStamp: string | null;
  stamps: CodebookStamps;
}

interface Candidate extends StampedField {
  writerId: string;
}

interface MergedTag {
  id: string;
  created: string;
  winners: Map<string, Candidate>;
}

/** Greater stamp wins; an exact tie (one writer id on two machines) falls back to the value text. */
function beats(a: Candidate, b: Candidate): boolean {
  const c = compareStamps(a.stamp, b.stamp);
  if (c !== 0) return c > 0;
  return stableJson([a.value, a.seen, a.writerId]) > stableJson([b.value, b.seen, b.writerId]);
}

function collect(books: readonly WriterCodebook[]): {
  tags: Map<string, MergedTag>;
  all: Map<string, Map<string, Candidate[]>>;
  max: string | null;
} {
  const tags = new Map<string, MergedTag>();
  const all = new Map<string, Map<string, Candidate[]>>();
  let max: string | null = null;
  for (const book of books) {
    for (const [id, entry] of Object.entries(book.tags)) {
      max = maxStamp(max, entry.created);
      let tag = tags.get(id);
      if (!tag) tags.set(id, (tag = { id, created: entry.created, winners: new Map() }));
      else if (compareStamps(entry.created, tag.created) < 0) tag.created = entry.created;
      let byField = all.get(id);
      if (!byField) all.set(id, (byField = new Map()));
      for (const [field, f] of Object.entries(entry.fields)) {
        max = maxStamp(maxStamp(max, f.stamp), f.seen);
        const candidate: Candidate = { ...f, writerId: book.writerId };
        const list = byField.get(field) ?? [];
        list.push(candidate);
        byField.set(field, list);
        const current = tag.winners.get(field);
        if (!current || beats(candidate, current)) tag.winners.set(field, candidate);
      }
    }
  }
  return { tags, all, max };
}

/** Losing entries the winner's writer had not seen, with a different value. */
function fieldConflicts(
  tags: Map<string, MergedTag>,
  all: Map<string, Map<string, Candidate[]>>,
): CodebookConflict[] {
  const out: CodebookConflict[] = [];
  // Sorted, so the list does not depend on the order the books were given in.
  for (const [id, byField] of [...all].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const [field, candidates] of [...byField].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const winner = tags.get(id)!.winners.get(field)!;
      // Cheap test first: most entries are older than what the winner's writer saw.
      const unseen = candidates.filter(
        (c) => c !== winner && (winner.seen === null || compareStamps(c.stamp, winner.seen) > 0),
      );
      if (unseen.length === 0) continue;
      const winnerValue = stableJson(winner.value);
      const keys = new Set<string>();
      const losers = unseen
        .filter((c) => stableJson(c.value) !== winnerValue)
        .sort((a, b) => compareStamps(a.stamp, b.stamp) || cmp(stableJson(a.value), stableJson(b.value)))
        .filter((c) => {
          // Duplicates (the same book given twice) are one loser.
          const key = stableJson([c.stamp, c.value, c.writerId]);
          return !keys.has(key) && keys.add(key);
        })
        .map(({ writerId, value, stamp }) => ({ writerId, value, stamp }));
      if (losers.length > 0) {
        const { writerId, value, stamp } = winner;
        out.push({ kind: 'field', tagId: id, field, winner: { writerId, value, stamp }, losers });
      }
    }
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function value(tag: MergedTag, field: string): unknown {
  return tag.winners.get(field)?.value;
}

function fieldStamp(tag: MergedTag, field: string): string {
  return tag.winners.get(field)?.stamp ?? '';
}

/** A tag is shown once its creation has arrived (a name and a colour); edits alone are not a tag. */
function isComplete(tag: MergedTag): boolean {
  return typeof value(tag, 'name') === 'string' && typeof value(tag, 'color') === 'string';
}

function mergeTarget(tag: MergedTag): string | null {
  const into = value(tag, 'mergedInto');
  return typeof into === 'string' && into !== tag.id ? into : null;
}

/**
 * Follows a functional graph (each id → at most one next id) and returns, for every loop in it,
 * the member whose step has the greatest stamp (then the greatest id): the step to set aside.
 */
function loopBreakers(
  ids: Iterable<string>,
  next: (id: string) => string | null,
  stampOf: (id: string) => string,
): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const out: string[] = [];
  for (const start of [...ids].sort()) {
    const path: string[] = [];
    let id: string | null = start;
    while (id !== null && !state.has(id)) {
      state.set(id, 'open');
      path.push(id);
      id = next(id);
    }
    if (id !== null && state.get(id) === 'open') {
      const loop = path.slice(path.indexOf(id));
      loop.sort((a, b) => compareStamps(stampOf(b), stampOf(a)) || (a < b ? 1 : -1));
      out.push(loop[0]!);
    }
    for (const p of path) state.set(p, 'done');
  }
  return out;
}

function sameNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

export function mergeCodebooks(books: readonly WriterCodebook[]): MergedCodebook {
  const { tags, all, max } = collect(books);
  const conflicts = fieldConflicts(tags, all);
  const isRetired = (t: MergedTag): boolean => value(t, 'deleted') === true || mergeTarget(t) !== null;

  // Merges: a loop of concurrent merges (A into B, B into A) keeps its earliest steps.
  const mergeNext = (id: string): string | null => {
    const t = tags.get(id);
    return t ? mergeTarget(t) : null;
  };
  const ignoredMerges = new Set(
    loopBreakers(tags.keys(), mergeNext, (id) => fieldStamp(tags.get(id)!, 'mergedInto')),
  );
  for (const id of ignoredMerges) {
    conflicts.push({ kind: 'merge-cycle', tagId: id, tagIds: loopMembers(id, mergeNext) });
  }
  const mergedInto = (t: MergedTag): string | null => (ignoredMerges.has(t.id) ? null : mergeTarget(t));
  const live = new Map<string, MergedTag>();
  for (const t of tags.values()) {
    if (isComplete(t) && value(t, 'deleted') !== true && mergedInto(t) === null) live.set(t.id, t);
  }

  /** Where a retired id's highlights go: the live survivor, null (deleted) or an id not known yet. */
  const survivor = (id: string): string | null => {
    let current = id;
    for (let steps = 0; steps <= tags.size; steps++) {
      if (live.has(current)) return current;
      const t = tags.get(current);
      if (!t) return current === id ? null : current; // a merge into a tag whose book has not arrived
      const into = mergedInto(t);
      if (into === null) return null; // deleted, or never complete
      current = into;
    }
    return null;
  };

  // Parents: through merges to the survivor; a deleted or unknown parent puts the child at the top.
  const parentOf = new Map<string, string | null>();
  for (const t of live.values()) {
    const raw = value(t, 'parentId');
    const p = typeof raw === 'string' ? survivor(raw) : null;
    parentOf.set(t.id, p !== null && live.has(p) && p !== t.id ? p : null);
  }
  const parentNext = (id: string): string | null => parentOf.get(id) ?? null;
  for (const id of loopBreakers(live.keys(), parentNext, (id) => fieldStamp(live.get(id)!, 'parentId'))) {
    conflicts.push({ kind: 'parent-cycle', tagId: id, tagIds: loopMembers(id, parentNext) });
    parentOf.set(id, null);
  }

  const order = [...live.values()].sort(
    (a, b) => compareStamps(a.created, b.created) || (a.id < b.id ? -1 : 1),
  );
  const viewTags: Tag[] = order.map((t) => toTag(t, parentOf.get(t.id) ?? null));
  const retired: Record<string, string | null> = {};
  for (const t of [...tags.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (isRetired(t) && !live.has(t.id)) setOwn(retired, t.id, survivor(t.id));
  }
  conflicts.push(...duplicateNames(viewTags));

  const stamps: CodebookStamps = {};
  for (const t of tags.values()) {
    const fields: Record<string, string> = {};
    for (const [field, w] of t.winners) setOwn(fields, field, w.stamp);
    setOwn(stamps, t.id, { created: t.created, fields });
  }
  return {
    view: { schemaVersion: CURRENT_SCHEMA_VERSION, tags: viewTags, retired },
    conflicts,
    maxStamp: max,
    stamps,
  };
}

function loopMembers(start: string, next: (id: string) => string | null): string[] {
  const out = [start];
  for (let id = next(start); id !== null && id !== start && !out.includes(id); id = next(id)) out.push(id);
  return out.sort();
}

/** The view's tag: every winning field except the bookkeeping ones, with the repaired parent. */
function toTag(t: MergedTag, parentId: string | null): Tag {
  const tag: Record<string, unknown> = {};
  for (const [field, w] of [...t.winners].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (field !== 'deleted' && field !== 'mergedInto' && field !== 'id') setOwn(tag, field, w.value);
  }
  return {
    ...tag,
    id: t.id,
    name: value(t, 'name') as string,
    parentId,
    color: value(t, 'color') as string,
    description: typeof tag.description === 'string' ? tag.description : '',
  };
}

function duplicateNames(tags: readonly Tag[]): CodebookConflict[] {
  const groups = new Map<string, Tag[]>();
  for (const t of tags) {
    const key = JSON.stringify([t.parentId, sameNameKey(t.name)]);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => ({ kind: 'duplicate-name' as const, parentId: g[0]!.parentId, tagIds: g.map((t) => t.id) }));
}
