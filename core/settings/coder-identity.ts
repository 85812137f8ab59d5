/**
 * Who this Gloss writes as: the coder (display name and the id derived from it, so one person on
 * two machines is one coder) and the writer id `<coderId>.<installationId>` naming the one folder
 * under `.gloss/coders/` this installation writes to (see docs/TEAMS.md).
 */
import { userInfo } from 'node:os';
import type { Coder } from '../model.js';
import { coderIdOf, writerIdOf } from '../teams/coder.js';

export { newInstallationId } from '../teams/coder.js';

/** 8 lower-case hex digits, random, made once per machine (kept in the app settings). */
export const INSTALLATION_ID = /^[0-9a-f]{8}$/;

/** What a store writes as: its writer folder's id, and the coder it records on what it writes. */
export interface WriterIdentity {
  writerId: string;
  coder: Coder;
}

/** The name used when none was given: the OS user, else "Coder". */
export function defaultCoderName(): string {
  try {
    const name = userInfo().username.trim();
    if (name) return name;
  } catch {
    // No user entry for this uid (some containers): fall through.
  }
  return 'Coder';
}

/** The coder name to use: the one given (`--coder`, GLOSS_CODER, the preference), else the default. */
export function coderNameOf(...given: (string | null | undefined)[]): string {
  for (const name of given) if (name && name.trim()) return name.trim();
  return defaultCoderName();
}

export function writerIdentity(name: string, installationId: string): WriterIdentity {
  const coder = { id: coderIdOf(name), name };
  return { writerId: writerIdOf(coder.id, installationId), coder };
}

/** Writer id for highlights imported from a colleague's export: theirs, kept apart per importing machine. */
export function importWriterId(theirCoderId: string, installationId: string): string {
  return writerIdOf(theirCoderId, `import-${installationId}`);
}
