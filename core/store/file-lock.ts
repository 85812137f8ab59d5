/**
 * Mutual exclusion for read-modify-write of one store file, within this process (a promise queue)
 * and across processes (proper-lockfile, e.g. the desktop app and a `gloss annotate` script).
 * Locks live in `<dataDir>/locks/`, away from the data, so listings and watchers ignore them.
 *
 * Each lock names its holder's host and pid. A lock whose holder is a process of this machine that
 * no longer exists (crashed, killed) is taken over at once, instead of after the stale time:
 * otherwise the first save after a crash waits 5-10 s.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import lockfile from 'proper-lockfile';
import path from 'node:path';
import { ApiError } from '../errors.js';

/** A lock older than this whose holder stopped refreshing it is taken over (holder crashed). */
const STALE_MS = 5000;
/** Inside a lock that is a folder (see createLock). */
const OWNER_FILE = 'owner';
const HOST = hostname();
const OWNER_LINE = `${HOST}\n${process.pid}\n`;
/** What link() says on file systems without hard links (FAT, exFAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** What the system says when a folder refuses writes: permissions, or a read-only mount. */
export function isReadOnlyError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

type Owner = { host: string; pid: number } | null;

function readOwner(lock: string): Owner {
  try {
    let text: string;
    try {
      text = fs.readFileSync(lock, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EISDIR') throw err;
      text = fs.readFileSync(path.join(lock, OWNER_FILE), 'utf8');
    }
    const [host = '', pid = ''] = text.split('\n');
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

const isLock = (p: string): boolean => p.endsWith('.lock');

type Callback<T> = (err: NodeJS.ErrnoException | null, value?: T) => void;

/**
 * Runs `op` at once and answers on the next tick, as proper-lockfile expects of a callback API.
 * Locks see only metadata calls of tens of microseconds; each trip through libuv's thread pool
 * instead costs two thread hand-offs (milliseconds on a busy machine), and taking and releasing a
 * lock took eight such trips.
 */
function answer<T>(cb: Callback<T>, op: () => T): void {
  let value: T;
  try {
    value = op();
  } catch (err) {
    process.nextTick(cb, err as NodeJS.ErrnoException);
    return;
  }
  process.nextTick(cb, null, value);
}

const withCode = (err: unknown, code: string): NodeJS.ErrnoException => Object.assign(err as Error, { code });

/**
 * Takes the lock `p`, with the owner already in it, so there is no moment when a live lock has no
 * owner: a temp file holding the owner is hard-linked to `p` (link fails if `p` exists, a file or
 * a folder). A file, because creating and removing a folder costs a data block each time, about
 * 1-2 ms against 50 µs. Where hard links are unsupported, the lock is a folder holding an owner
 * file, made under a temp name and renamed into place (which fails if the lock exists).
 */
function createLock(p: string): void {
  if (fs.existsSync(p)) throw withCode(new Error(`EEXIST: ${p}`), 'EEXIST');
  const temp = path.join(
    path.dirname(p),
    `.${path.basename(p)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    fs.writeFileSync(temp, OWNER_LINE, { flag: 'wx' });
    try {
      fs.linkSync(temp, p);
      return;
    } catch (err) {
      if (!NO_HARD_LINKS.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
    }
    fs.rmSync(temp);
    fs.mkdirSync(temp);
    fs.writeFileSync(path.join(temp, OWNER_FILE), OWNER_LINE);
    try {
      fs.renameSync(temp, p);
    } catch (err) {
      // Linux says ENOTEMPTY, Windows EPERM: either way, if the lock is there someone holds it.
      throw fs.existsSync(p) ? withCode(err, 'EEXIST') : err;
    }
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** A lock whose holder is dead looks stale, so proper-lockfile's own take-over path removes it. */
function statLock(p: string): fs.Stats {
  const st = fs.statSync(p);
  if (!holderIsDead(readOwner(p))) return st;
  return Object.assign(Object.create(Object.getPrototypeOf(st) as object) as fs.Stats, st, {
    mtime: new Date(0),
  });
}

/**
 * Removes a lock (file or folder), but not while it names another live process and is fresh: that
 * narrows the race of two waiters taking over the same stale lock.
 */
function removeLock(p: string): void {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(p);
  } catch {
    st = undefined;
  }
  const owner = readOwner(p);
  const fresh = st !== undefined && st.mtimeMs > Date.now() - STALE_MS;
  if (fresh && owner && owner.host === HOST && owner.pid !== process.pid && !holderIsDead(owner)) {
    throw withCode(new Error('Lock is held by a live process'), 'ELOCKED');
  }
  fs.rmSync(p, { recursive: true });
}

/** The file system proper-lockfile sees: its "lock folder" is whatever createLock made. */
const lockFs = {
  ...fs,
  mkdir(p: string, cb: Callback<void>): void {
    if (!isLock(p)) return fs.mkdir(p, cb);
    answer(cb, () => createLock(p));
  },
  stat(p: string, cb: Callback<fs.Stats>): void {
    if (!isLock(p)) return fs.stat(p, cb);
    answer(cb, () => statLock(p));
  },
  rmdir(p: string, cb: Callback<void>): void {
    if (!isLock(p)) return fs.rmdir(p, cb);
    answer(cb, () => removeLock(p));
  },
  rmdirSync(p: string): void {
    if (isLock(p)) fs.rmSync(p, { recursive: true, force: true });
    else fs.rmdirSync(p);
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
      // proper-lockfile retries every error for ~10 s; a folder that refuses writes will not change
      // its mind, so that is found out first (one syscall).
      fs.accessSync(this.locksDir, fs.constants.W_OK);
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
      // A lock that cannot be made because the folder refuses writes is not a busy lock.
      if (isReadOnlyError(err)) {
        throw new ApiError(
          'read-only',
          `Cannot save ${path.basename(file)}: the folder ${this.locksDir} is read-only ` +
            `(no permission, or a read-only disk) (${(err as NodeJS.ErrnoException).code}).`,
        );
      }
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
