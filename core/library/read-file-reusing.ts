/**
 * Whole-file synchronous reads into one buffer reused from file to file (one per thread). A scan
 * reads thousands of small files: a fresh Buffer for each leaves megabytes of garbage outside the
 * heap until the next GC, and on virtual machines touching fresh memory (page faults) costs about
 * as much as the read itself. The bytes are valid only until the next call: decode them first.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** A buffer grown for a bigger file is kept for the next ones only up to this size. */
const KEEP_BYTES = 4 * 1024 * 1024;

let shared = Buffer.allocUnsafeSlow(256 * 1024);

/** Reads at most `limit + 1` bytes (so the caller can tell a file that grew past its limit). */
export function readFileReusing(absPath: string, sizeHint: number, limit: number): Buffer {
  const max = limit + 1;
  let buf = shared.length > sizeHint ? shared : Buffer.allocUnsafeSlow(Math.min(sizeHint + 1, max));
  const fd = openSync(absPath, 'r');
  let length = 0;
  try {
    while (length < max) {
      if (length === buf.length) {
        const bigger = Buffer.allocUnsafeSlow(Math.min(buf.length * 2, max));
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
      }
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
    }
  } finally {
    closeSync(fd);
  }
  if (buf !== shared && buf.length <= KEEP_BYTES) shared = buf;
  return buf.subarray(0, length);
}
