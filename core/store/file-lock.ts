/**
 * Mutual exclusion for read-modify-write of one store file, within this process (a promise queue)
 * and across processes (proper-lockfile, e.g. the desktop app and a `gloss annotate` script).
 * Lock folders live in `<dataDir>/locks/`, away from the data, so listings and watchers ignore them.
 */
import lockfile from 'proper-lockfile';
import path from 'node:path';
import { ApiError } from '../api/errors.js';

/** A lock older than this whose holder stopped refreshing it is taken over (holder crashed). */
const STALE_MS = 5000;

export class FileLocks {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly locksDir: string,
    /** Called when a lock we hold was taken over (e.g. the process was suspended too long). */
    private readonly onCompromised: (file: string, err: Error) => void,
  ) {}

  /** Runs `fn` while holding the lock for `file`; `name` names the lock folder. */
  async withLock<T>(file: string, name: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(file) ?? Promise.resolve();
    const run = previous.then(
      () => this.withProcessLock(file, name, fn),
      () => this.withProcessLock(file, name, fn),
    );
    const settled = run.catch(() => undefined);
    this.queues.set(file, settled);
    void settled.then(() => {
      if (this.queues.get(file) === settled) this.queues.delete(file);
    });
    return run;
  }

  private async withProcessLock<T>(file: string, name: string, fn: () => Promise<T>): Promise<T> {
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(file, {
        realpath: false,
        lockfilePath: path.join(this.locksDir, `${name}.lock`),
        stale: STALE_MS,
        // Up to ~10 s of waiting: longer than any honest write, shorter than a user's patience.
        retries: { retries: 100, factor: 1.2, minTimeout: 5, maxTimeout: 200, randomize: true },
        onCompromised: (err) => this.onCompromised(file, err),
      });
    } catch (err) {
      throw new ApiError(
        'conflict',
        `Another Gloss process is busy with ${path.basename(file)}: ${(err as Error).message}`,
      );
    }
    try {
      return await fn();
    } finally {
      await release().catch(() => undefined);
    }
  }
}
