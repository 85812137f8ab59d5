/**
 * A writer's own codebook file: how a change made on the merged view is recorded as stamped
 * fields, how today's single `codebook.json` becomes one (migration), and, re-exported here, the
 * file's types, schema and the merge of every writer's book.
 */
import type { Tag } from '../model.js';
import { setOwn } from '../own-keys.js';
import type { CodebookFile } from '../store/store-schema.js';
import type { MergedCodebook } from './codebook-merge.js';
import type { HlcClock } from './hlc.js';
import { sameJson } from './stable-json.js';
import {
  WRITER_CODEBOOK_SCHEMA_VERSION,
  type WriterCodebook,
  type WriterTag,
} from './writer-codebook-schema.js';

export * from './writer-codebook-schema.js';
export {
  mergeCodebooks,
  type CodebookConflict,
  type CodebookStamps,
  type MergedCodebook,
} from './codebook-merge.js';

export function emptyWriterCodebook(writerId: string): WriterCodebook {
  return { schemaVersion: WRITER_CODEBOOK_SCHEMA_VERSION, writerId, tags: {} };
}

type FieldValues = Map<string, unknown>;

/** What a live tag says about each field: its properties, and that it is neither deleted nor merged. */
function liveFields(tag: Tag): FieldValues {
  const out: FieldValues = new Map();
  for (const [key, value] of Object.entries(tag)) if (key !== 'id') out.set(key, value);
  out.set('deleted', false);
  out.set('mergedInto', null);
  return out;
}

/** What a retired entry says: merged (into an id) or deleted (null). */
function retiredFields(into: string | null): FieldValues {
  return into === null ? new Map([['deleted', true]]) : new Map<string, unknown>([['mergedInto', into]]);
}

/**
 * Records in the writer's own book the change from the merged view (`merged.view`, what the
 * writer saw) to `after` (the same view after one of the codebook rules ran on a copy). Returns a
 * new book; `own` is not changed. All fields of one change get one stamp, so a change wins or
 * loses as a whole against a concurrent one. What is recorded:
 * - a tag that was not shown before (new, or restored): every field, and `created` if new;
 * - a shown tag: each field whose value differs;
 * - a shown tag now retired (or gone): `deleted` or `mergedInto`.
 * Retired ids that stay retired are not recorded again: their target is re-derived on merge, so
 * a chain rewrite here cannot override a concurrent restore of the tag in between.
 */
export function recordChanges(
  own: WriterCodebook,
  merged: MergedCodebook,
  after: CodebookFile,
  clock: HlcClock,
): WriterCodebook {
  const before = merged.view;
  const beforeTags = new Map(before.tags.map((t) => [t.id, t]));
  const known = (id: string): boolean => beforeTags.has(id) || Object.hasOwn(before.retired, id);
  const changes: { id: string; fields: FieldValues }[] = [];

  for (const tag of after.tags) {
    const was = beforeTags.get(tag.id);
    const now = liveFields(tag);
    if (!was) {
      changes.push({ id: tag.id, fields: now });
      continue;
    }
    const then = liveFields(was);
    const changed: FieldValues = new Map();
    for (const [field, value] of now) if (!sameJson(value, then.get(field))) changed.set(field, value);
    if (changed.size > 0) changes.push({ id: tag.id, fields: changed });
  }
  const stillLive = new Set(after.tags.map((t) => t.id));
  for (const id of beforeTags.keys()) {
    if (stillLive.has(id)) continue;
    const into = Object.hasOwn(after.retired, id) ? after.retired[id]! : null;
    changes.push({ id, fields: retiredFields(into) });
  }
  for (const [id, into] of Object.entries(after.retired)) {
    if (!known(id) && !stillLive.has(id)) changes.push({ id, fields: retiredFields(into) });
  }
  if (changes.length === 0) return own;

  clock.observe(merged.maxStamp ?? '');
  const stamp = clock.tick();
  const tags: Record<string, WriterTag> = { ...own.tags };
  for (const { id, fields } of changes) {
    const winners = Object.hasOwn(merged.stamps, id) ? merged.stamps[id] : undefined;
    const previous = Object.hasOwn(tags, id) ? tags[id] : undefined;
    const entry: WriterTag = {
      created: previous?.created ?? winners?.created ?? stamp,
      fields: { ...previous?.fields },
    };
    for (const [field, value] of fields) {
      const seen = winners && Object.hasOwn(winners.fields, field) ? winners.fields[field]! : null;
      setOwn(entry.fields, field, { value, stamp, seen });
    }
    setOwn(tags, id, entry);
  }
  return { ...own, tags };
}

/**
 * Today's `codebook.json` as the migrating writer's book: every tag and retired entry stamped now,
 * one tick per tag in file order, so the merged view keeps the tags in the order they had.
 */
export function fromLegacyCodebook(book: CodebookFile, writerId: string, clock: HlcClock): WriterCodebook {
  const out = emptyWriterCodebook(writerId);
  const add = (id: string, fields: FieldValues): void => {
    const stamp = clock.tick();
    const entry: WriterTag = { created: stamp, fields: {} };
    for (const [field, value] of fields) setOwn(entry.fields, field, { value, stamp, seen: null });
    setOwn(out.tags, id, entry);
  };
  for (const tag of book.tags) add(tag.id, liveFields(tag));
  for (const [id, into] of Object.entries(book.retired)) {
    if (!book.tags.some((t) => t.id === id)) add(id, retiredFields(into));
  }
  return out;
}
