/**
 * Mutual exclusion for read-modify-write of one store file, within this process (a promise queue)
 * and across processes (proper-lockfile, e.g. the desktop app and a `gloss annotate` script).
 * Lock folders live in `<dataDir>/locks/`, away from the data, so listings and watchers ignore them.
 *
 * Each lock folder holds an `owner` file with the holder's host and pid. A lock whose holder is a
 * process of this machine that no longer exists (crashed, killed) is taken over at once, instead of
 * after the stale time: otherwise the first save after a crash waits 5-10 s.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import lockfile from 'proper-lockfile';
import path from 'node:path';
import { ApiError } from '../api/errors.js';

/** A lock older than this whose holder stopped refreshing it is taken over (holder crashed). */
const STALE_MS = 5000;
const OWNER_FILE = 'owner';
const HOST = hostname();

type Owner = { host: string; pid: number } | null;

function readOwner(lockDir: string): Owner {
  try {
    const [host = '', pid = ''] = fs.readFileSync(path.join(lockDir, OWNER_FILE), 'utf8').split('\n');
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { host, pid: n } : null;
  } catch {
    return null;
  }
}

/** True only when we know the holder is gone: same machine, and no process with its pid. */
function holderIsDead(owner: Owner): boolean {
  if (!owner || owner.host !== HOST || owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const isLockDir = (p: string): boolean => p.endsWith('.lock');

/**
 * The file system proper-lockfile sees. A lock folder is created with its owner file already inside
 * (made under a temp name, then renamed into place, which fails if the lock exists), so there is no
 * moment when a live lock has no owner. A lock whose holder is dead looks stale, so proper-lockfile's
 * own take-over path removes it. A lock is removed with its owner file, but not while that file
 * names another live process and the lock is fresh (narrows the race of two waiters taking over).
 */
const lockFs = {
  ...fs,
  mkdir(p: string, cb: (err: NodeJS.ErrnoException | null) => void): void {
    if (!isLockDir(p)) return fs.mkdir(p, cb);
    if (fs.existsSync(p)) return cb(Object.assign(new Error(`EEXIST: ${p}`), { code: 'EEXIST' }));
    const temp = path.join(
      path.dirname(p),
      `.${path.basename(p)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    const cleanUp = (err: NodeJS.ErrnoException | null): void => {
      fs.rmSync(path.join(temp, OWNER_FILE), { force: true });
      fs.rmdir(temp, () => cb(err));
    };
    fs.mkdir(temp, (err) => {
      if (err) return cb(err);
      fs.writeFile(path.join(temp, OWNER_FILE), `${HOST}\n${process.pid}\n`, (err) => {
        if (err) return cleanUp(err);
        fs.rename(temp, p, (err) => {
          if (!err) return cb(null);
          // Linux says ENOTEMPTY, Windows EPERM: either way, if the lock is there someone holds it.
          cleanUp(fs.existsSync(p) ? Object.assign(err, { code: 'EEXIST' }) : err);
        });
      });
    });
  },
  stat(p: string, cb: (err: NodeJS.ErrnoException | null, st?: fs.Stats) => void): void {
    fs.stat(p, (err, st) => {
      if (err || !isLockDir(p) || !holderIsDead(readOwner(p))) return cb(err, st);
      cb(
        null,
        Object.assign(Object.create(Object.getPrototypeOf(st) as object) as fs.Stats, st, {
          mtime: new Date(0),
        }),
      );
    });
  },
  rmdir(p: string, cb: (err: NodeJS.ErrnoException | null) => void): void {
    if (!isLockDir(p)) return fs.rmdir(p, cb);
    fs.stat(p, (err, st) => {
      const owner = readOwner(p);
      const fresh = !err && st.mtimeMs > Date.now() - STALE_MS;
      if (fresh && owner && owner.host === HOST && owner.pid !== process.pid && !holderIsDead(owner)) {
        return cb(Object.assign(new Error('Lock is held by a live process'), { code: 'ELOCKED' }));
      }
      fs.unlink(path.join(p, OWNER_FILE), () => fs.rmdir(p, cb));
    });
  },
  rmdirSync(p: string): void {
    if (isLockDir(p)) fs.rmSync(path.join(p, OWNER_FILE), { force: true });
    fs.rmdirSync(p);
  },
};

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
    const lockfilePath = path.join(this.locksDir, `${name}.lock`);
    try {
      release = await lockfile.lock(file, {
        realpath: false,
        lockfilePath,
        stale: STALE_MS,
        fs: lockFs,
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
