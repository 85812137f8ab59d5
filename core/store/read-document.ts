/**
 * Reads one store file and says what it is: missing, fine (migrated if it was older), written by a
 * newer Gloss (to be left alone), or corrupt (with whatever could be salvaged). Never throws for
 * bad content, only for I/O errors.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { z } from 'zod';
import { parseJsonReportingPlace } from './json-error-place.js';
import { migrate, type MigrationTable } from './migrations.js';
import { CURRENT_SCHEMA_VERSION } from './store-schema.js';

/** Identifies one version of a file on disk, to tell our own writes from other processes'. */
export type FileSignature = string;

export type DocumentRead<T> =
  | { state: 'missing' }
  | { state: 'ok'; data: T; migratedFrom: number | null; signature: FileSignature }
  | { state: 'future'; version: number; data: T | null; signature: FileSignature }
  | { state: 'corrupt'; reason: string; salvage: T | null };

export interface DocumentCodec<T> {
  schema: z.ZodType;
  migrations: MigrationTable;
  /** Keeps what is still usable from a file that failed validation. */
  salvage?: (raw: Record<string, unknown>) => T | null;
}

export function signatureOf(info: { ino: number; size: number; mtimeMs: number }): FileSignature {
  return `${info.ino}:${info.size}:${info.mtimeMs}`;
}

/**
 * A store file is opened without following a symbolic link (O_NOFOLLOW, where the system has it)
 * and without waiting on a FIFO (O_NONBLOCK): a link put in `.gloss/` must not make Gloss read, or
 * move aside, whatever it points to.
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Why a path is not a file the store may read, or null. */
type NotAFile = { notAFile: string };

/** Reads the text and its signature from one open handle, so they describe the same file. */
async function readWithSignature(
  file: string,
): Promise<{ text: string; signature: FileSignature } | NotAFile | null> {
  let handle;
  try {
    handle = await open(file, READ_FLAGS);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') return { notAFile: 'it is a symbolic link, which Gloss does not follow' };
    throw err;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { notAFile: 'it is not a regular file' };
    return { text: await handle.readFile('utf8'), signature: signatureOf(info) };
  } finally {
    await handle.close();
  }
}

export async function readDocument<T>(file: string, codec: DocumentCodec<T>): Promise<DocumentRead<T>> {
  const read = await readWithSignature(file);
  if (!read) return { state: 'missing' };
  if ('notAFile' in read) return { state: 'corrupt', reason: read.notAFile, salvage: null };
  return parseDocument(read.text, read.signature, codec);
}

export function parseDocument<T>(
  text: string,
  signature: FileSignature,
  codec: DocumentCodec<T>,
): DocumentRead<T> {
  let raw: unknown;
  try {
    raw = parseJsonReportingPlace(text);
  } catch (err) {
    // Says where, never what: the message must not quote the file (it could hold anything).
    return { state: 'corrupt', reason: (err as Error).message, salvage: null };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { state: 'corrupt', reason: 'not a JSON object', salvage: null };
  }
  const doc = raw as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return {
      state: 'corrupt',
      reason: 'missing or invalid schemaVersion',
      salvage: codec.salvage?.(doc) ?? null,
    };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    // Show what we can understand, but the caller must never write it back.
    const readable = codec.schema.safeParse({ ...doc, schemaVersion: CURRENT_SCHEMA_VERSION });
    return { state: 'future', version, data: readable.success ? (readable.data as T) : null, signature };
  }
  let current: Record<string, unknown>;
  try {
    current = migrate(doc, codec.migrations);
  } catch (err) {
    return { state: 'corrupt', reason: (err as Error).message, salvage: null };
  }
  const parsed = codec.schema.safeParse(current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return {
      state: 'corrupt',
      reason: `does not match the schema${where}: ${issue?.message ?? 'invalid'}`,
      salvage: codec.salvage?.(current) ?? null,
    };
  }
  return {
    state: 'ok',
    data: parsed.data as T,
    migratedFrom: version < CURRENT_SCHEMA_VERSION ? version : null,
    signature,
  };
}
