/**
 * Who is coding: a coder's stable id (derived from the display name, so the same person on two
 * machines is the same coder) and the writer id `<coderId>.<installationId>` that names the one
 * folder a Gloss installation writes to. Pure, apart from the random installation id.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Coder {
  id: string;
  /** Display name as the coder typed it. */
  name: string;
}

/** Reserved for the settled codes of the agreement work (issue 18); no person gets this id. */
export const CONSENSUS_CODER_ID = 'consensus';

const CODER_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const INSTALLATION_PART = /^[a-z0-9_-]{1,40}$/;
const WRITER_ID = /^([a-z0-9][a-z0-9_-]{0,39})\.([a-z0-9_-]{1,40})$/;

/**
 * A readable id when the name allows one (`Li Wei` → `li-wei`), else `c-` and a hash: Chinese
 * names, punctuation or very long names must still give a safe folder name that is the same on
 * every machine.
 */
export function coderIdOf(name: string): string {
  const normalized = name.normalize('NFKC').trim().toLowerCase();
  const readable = normalized.replace(/\s+/g, '-');
  if (CODER_ID.test(readable) && readable !== CONSENSUS_CODER_ID) return readable;
  return `c-${createHash('sha256').update(normalized, 'utf8').digest('hex').slice(0, 12)}`;
}

export function isValidCoderId(id: string): boolean {
  return CODER_ID.test(id);
}

/** `<coderId>.<installationId>`; throws on parts that would not make a valid writer id (a bug). */
export function writerIdOf(coderId: string, installationId: string): string {
  if (!CODER_ID.test(coderId) || !INSTALLATION_PART.test(installationId)) {
    throw new Error(`Not a valid writer id: "${coderId}.${installationId}"`);
  }
  return `${coderId}.${installationId}`;
}

/** The parts of a writer id read from a folder name, or null when it is not one (a stray folder). */
export function parseWriterId(s: string): { coderId: string; installationId: string } | null {
  if (typeof s !== 'string') return null;
  const m = WRITER_ID.exec(s);
  return m ? { coderId: m[1]!, installationId: m[2]! } : null;
}

export function isValidWriterId(s: string): boolean {
  return parseWriterId(s) !== null;
}

/** 8 random lower-case hex digits, made once per machine and kept in the settings file. */
export function newInstallationId(): string {
  return randomBytes(4).toString('hex');
}
