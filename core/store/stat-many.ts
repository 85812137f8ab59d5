/**
 * The signatures of many files of one folder, for telling which changed since they were read.
 * Synchronous stats in small batches with a yield between: 30,000 asynchronous ones cost a
 * thread-pool round trip and a promise each (about a second of waiting and main-thread work), the
 * synchronous ones a few microseconds each, and the batches keep other work interleaved.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { signatureOf, type FileSignature } from './read-document.js';

const BATCH = 200;

/** Name → signature of each regular file among `names` in `dir` (missing ones and others left out). */
export async function statMany(dir: string, names: readonly string[]): Promise<Map<string, FileSignature>> {
  const out = new Map<string, FileSignature>();
  for (let i = 0; i < names.length; i += BATCH) {
    if (i > 0) await yieldToOthers();
    for (const name of names.slice(i, i + BATCH)) {
      // lstat: a link is not a file the store reads (read-document refuses it too).
      try {
        const info = lstatSync(path.join(dir, name), { throwIfNoEntry: false });
        if (info?.isFile()) out.set(name, signatureOf(info));
      } catch {
        // Not readable as a file (permissions, a folder gone meanwhile): left out, as if missing.
      }
    }
  }
  return out;
}
