// N coders edit the codebook at once, their books reach each other in any order, late, twice:
// every replica that holds the same books shows the same codebook, and no recorded edit is lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTag, deleteTag, mergeTags, tagsInTreeOrder, updateTag } from '../../../core/store/codebook.js';
import { OKABE_ITO } from '../../../core/store/palette.js';
import type { CodebookFile } from '../../../core/store/store-schema.js';
import { compareStamps } from '../../../core/teams/hlc.js';
import {
  mergeCodebooks,
  type MergedCodebook,
  type WriterCodebook,
} from '../../../core/teams/writer-codebook.js';
import { Replica, type BookVersion } from './codebook-replica.js';
import { shuffle } from './shuffle.js';

const NAMES = [
  '经济',
  'Economy',
  'economy',
  '政治',
  'Frames',
  'Tone',
  'Source',
  'Ｅｃｏｎｏｍｙ',
  '冲突',
  'Actors',
];
const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length ? list[n % list.length] : undefined;

type Op =
  | { kind: 'create'; name: number; parent: number | null }
  | { kind: 'rename'; tag: number; name: number }
  | { kind: 'recolor'; tag: number; color: number }
  | { kind: 'reparent'; tag: number; parent: number | null }
  | { kind: 'describe'; tag: number; text: string }
  | { kind: 'delete'; tag: number }
  | { kind: 'merge'; tag: number; into: number };

const index = fc.nat(20);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      name: index,
      parent: fc.option(index, { freq: 2 }),
    }),
  },
  fc.record({ kind: fc.constant('rename' as const), tag: index, name: index }),
  fc.record({ kind: fc.constant('recolor' as const), tag: index, color: index }),
  fc.record({ kind: fc.constant('reparent' as const), tag: index, parent: fc.option(index, { freq: 2 }) }),
  fc.record({ kind: fc.constant('describe' as const), tag: index, text: fc.string({ maxLength: 5 }) }),
  fc.record({ kind: fc.constant('delete' as const), tag: index }),
  fc.record({ kind: fc.constant('merge' as const), tag: index, into: index }),
);

type Step =
  | { kind: 'edit'; writer: number; op: Op; skew: number }
  | { kind: 'deliver'; message: number; duplicate: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      writer: fc.nat(3),
      op,
      skew: fc.integer({ min: -2000, max: 2000 }),
    }),
  },
  fc.record({ kind: fc.constant('deliver' as const), message: fc.nat(), duplicate: fc.boolean() }),
);

/** Applies an operation through the real codebook rules, on tags chosen by index in the view. */
function apply(book: CodebookFile, o: Op, newId: string): void {
  const tag = (n: number) => pick(book.tags, n)?.id ?? 'missing';
  const parent = (n: number | null) => (n === null ? null : tag(n));
  switch (o.kind) {
    case 'create':
      createTag(book, { name: pick(NAMES, o.name)!, parentId: parent(o.parent) }, newId);
      break;
    case 'rename':
      updateTag(book, tag(o.tag), { name: pick(NAMES, o.name)! });
      break;
    case 'recolor':
      updateTag(book, tag(o.tag), { color: pick(OKABE_ITO, o.color)! });
      break;
    case 'reparent':
      updateTag(book, tag(o.tag), { parentId: parent(o.parent) });
      break;
    case 'describe':
      updateTag(book, tag(o.tag), { description: o.text });
      break;
    case 'delete':
      deleteTag(book, tag(o.tag));
      break;
    case 'merge':
      mergeTags(book, tag(o.tag), tag(o.into));
      break;
  }
}

/** The view the codebook rules rely on: no dangling parent, no loop, retired ids point at live tags. */
function expectWellFormed(view: CodebookFile): void {
  const ids = new Set(view.tags.map((t) => t.id));
  expect(ids.size).toBe(view.tags.length);
  for (const t of view.tags) {
    if (t.parentId !== null) expect(ids.has(t.parentId)).toBe(true);
  }
  expect(
    tagsInTreeOrder(view)
      .map((t) => t.id)
      .sort(),
  ).toEqual([...ids].sort());
  for (const [id, into] of Object.entries(view.retired)) {
    expect(ids.has(id)).toBe(false);
    if (into !== null) expect(ids.has(into)).toBe(true);
  }
}

/** Each field's winning stamp is the greatest stamp any writer recorded for it. */
function expectNothingLost(books: readonly WriterCodebook[], merged: MergedCodebook): void {
  const greatest = new Map<string, string>();
  for (const book of books) {
    for (const [id, entry] of Object.entries(book.tags)) {
      for (const [field, f] of Object.entries(entry.fields)) {
        const key = JSON.stringify([id, field]);
        const had = greatest.get(key);
        if (!had || compareStamps(f.stamp, had) > 0) greatest.set(key, f.stamp);
      }
    }
  }
  for (const [key, stamp] of greatest) {
    const [id, field] = JSON.parse(key) as [string, string];
    expect(merged.stamps[id]!.fields[field]).toBe(stamp);
  }
  // And the view shows the winning value of every shown tag's plain fields.
  for (const tag of merged.view.tags) {
    for (const field of ['name', 'color', 'description'] as const) {
      // Entries with the winning stamp (several only when one writer id ran on two machines).
      const best = books
        .flatMap((b) => (Object.hasOwn(b.tags, tag.id) ? [b.tags[tag.id]!.fields[field]] : []))
        .filter((f) => f !== undefined && f.stamp === merged.stamps[tag.id]!.fields[field]);
      if (best.length > 0) expect(best.map((f) => f!.value)).toContainEqual(tag[field]);
    }
  }
}

describe('codebook merge across writers', () => {
  it('converges on every replica and loses nothing, whatever the delivery order, even with one writer id on two machines', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.array(step, { minLength: 15, maxLength: 60 }),
        fc.nat(),
        fc.boolean(),
        (writers, steps, seed, twoMachines) => {
          let time = 1_764_000_000_000;
          const skews = Array.from({ length: writers }, () => 0);
          // Optionally the second installation runs under the first one's writer id (a copied
          // settings file): its book arrives as a conflict copy of the first one's.
          const writerOf = (i: number) => (twoMachines && i === 1 ? 0 : i);
          const replicas = skews.map(
            (_, i) => new Replica(`w${writerOf(i)}.0000000${writerOf(i)}`, () => time + skews[i]!, `m${i}`),
          );
          const inFlight: { to: number; version: BookVersion }[] = [];
          const published: BookVersion[] = [];
          let created = 0;
          for (const s of steps) {
            time += 7;
            if (s.kind === 'edit') {
              const i = s.writer % writers;
              const r = replicas[i]!;
              skews[i] = s.skew; // a wall clock that jumps, backwards too
              const before = r.version;
              const done = r.edit((book) => apply(book, s.op, `t${created++}`));
              if (done && r.version > before) {
                // What the writer just did is what it now sees.
                expect(r.merged().view).toEqual(done.after);
                const v = r.publish();
                published.push(v);
                replicas.forEach((_, to) => to !== i && inFlight.push({ to, version: v }));
              }
            } else if (inFlight.length > 0) {
              const n = s.message % inFlight.length;
              const m = inFlight[n]!;
              replicas[m.to]!.receive(m.version);
              if (!s.duplicate) inFlight.splice(n, 1); // else it will arrive again later
            }
          }
          for (const m of shuffle(inFlight, seed)) replicas[m.to]!.receive(m.version);

          const results = replicas.map((r) => r.merged());
          for (const r of results) expect(r).toEqual(results[0]);
          const books = replicas[0]!.books();
          expectWellFormed(results[0]!.view);
          expectNothingLost(books, results[0]!);
          // Order, duplicates and older versions beside the newest do not change the view.
          const noisy = mergeCodebooks(
            shuffle([...books, ...books, ...published.map((v) => v.book)], seed + 1),
          );
          expect(noisy.view).toEqual(results[0]!.view);
          expect(noisy.stamps).toEqual(results[0]!.stamps);
          expect(mergeCodebooks(shuffle(books, seed + 2))).toEqual(results[0]);
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 100) },
    );
  });
});
