/**
 * The shape of a writer's `codebook.json`: per tag id, the stamped values of each field this
 * writer set. Another coder's file is hostile input, so reading it is forgiving: a bad tag entry or
 * field is dropped with a message, and only a file that is not a writer codebook at all is refused.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { setOwn } from '../own-keys.js';
import { isValidWriterId } from './coder.js';
import { isStamp } from './hlc.js';

export const WRITER_CODEBOOK_SCHEMA_VERSION = 1;

/** One field's value as a writer last set it: `seen` is the stamp its view showed then (or null). */
export interface StampedField {
  value: unknown;
  stamp: string;
  seen: string | null;
}

export interface WriterTag {
  /** When the tag was made (the earliest creation stamp wins across books). */
  created: string;
  /** Tag properties except `id` (name, parentId, color, description, later ones), `deleted`, `mergedInto`. */
  fields: Record<string, StampedField>;
}

export interface WriterCodebook {
  schemaVersion: number;
  writerId: string;
  tags: Record<string, WriterTag>;
}

const stamp = z.string().refine(isStamp, 'not a clock stamp');
const tagId = z.string().min(1).max(LIMITS.id);

/** Values of the fields Gloss knows; any other field is kept as it is (a later Gloss may use it). */
export const KNOWN_FIELD_VALUES: Record<string, z.ZodType> = {
  name: z.string().min(1).max(LIMITS.name),
  parentId: tagId.nullable(),
  color: z.string().max(100),
  description: z.string(),
  key: z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9']).nullable(),
  deleted: z.boolean(),
  mergedInto: tagId.nullable(),
};

const fieldEntry = z.looseObject({ value: z.unknown(), stamp, seen: stamp.nullable() });
const tagEntryHead = z.looseObject({ created: stamp, fields: z.record(z.string(), z.unknown()) });

/** One tag entry, or why it is dropped. Bad fields inside a good entry are dropped one by one. */
function readTagEntry(raw: unknown, problems: string[], where: string): WriterTag | null {
  const head = tagEntryHead.safeParse(raw);
  if (!head.success) {
    problems.push(`${where} was dropped: ${head.error.issues[0]?.message ?? 'invalid'}`);
    return null;
  }
  const fields: Record<string, StampedField> = {};
  let n = 0;
  // Object.entries of the raw value, not zod's record, which would lose a `__proto__` key.
  for (const [name, value] of Object.entries((raw as { fields: object }).fields)) {
    n++;
    const entry = fieldEntry.safeParse(value);
    const known = Object.hasOwn(KNOWN_FIELD_VALUES, name) ? KNOWN_FIELD_VALUES[name] : null;
    const ok =
      entry.success &&
      Object.hasOwn(value as object, 'value') &&
      (known === null || known!.safeParse(entry.data.value).success);
    if (!ok || !entry.success) {
      problems.push(`${where}, field ${n} was dropped: not a valid stamped value`);
      continue;
    }
    setOwn(fields, name, { value: entry.data.value, stamp: entry.data.stamp, seen: entry.data.seen });
  }
  return { created: head.data.created, fields };
}

const fileHead = z.looseObject({
  schemaVersion: z.literal(WRITER_CODEBOOK_SCHEMA_VERSION),
  writerId: z.string().refine(isValidWriterId, 'not a writer id'),
  tags: z.record(z.string(), z.unknown()),
});

export type WriterCodebookRead =
  { ok: true; book: WriterCodebook; problems: string[] } | { ok: false; reason: string };

/**
 * Reads a parsed JSON value as a writer codebook. Messages name the place (entry number, field
 * name), never the file's values: the file could hold anything.
 */
export function readWriterCodebook(raw: unknown): WriterCodebookRead {
  const head = fileHead.safeParse(raw);
  if (!head.success) {
    const issue = head.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, reason: `not a writer codebook${where}: ${issue?.message ?? 'invalid'}` };
  }
  const problems: string[] = [];
  const tags: Record<string, WriterTag> = {};
  let n = 0;
  for (const [id, entry] of Object.entries((raw as { tags: object }).tags)) {
    n++;
    if (!tagId.safeParse(id).success) {
      problems.push(`tag entry ${n} was dropped: its tag id is empty or too long`);
      continue;
    }
    const tag = readTagEntry(entry, problems, `tag entry ${n}`);
    if (tag) setOwn(tags, id, tag);
  }
  return {
    ok: true,
    book: {
      ...(raw as object),
      schemaVersion: WRITER_CODEBOOK_SCHEMA_VERSION,
      writerId: head.data.writerId,
      tags,
    },
    problems,
  };
}

/**
 * The same reading as a zod schema, for the store's document codec: it fails only when the file is
 * not a writer codebook, and drops bad entries silently (use `readWriterCodebook` for the messages).
 */
export const writerCodebookSchema = z.unknown().transform((raw, ctx): WriterCodebook => {
  const read = readWriterCodebook(raw);
  if (!read.ok) {
    ctx.addIssue({ code: 'custom', message: read.reason });
    return z.NEVER;
  }
  return read.book;
});
