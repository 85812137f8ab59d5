/**
 * A few worker threads that read and parse article files for a scan (parse-worker.ts), so a cold
 * open uses every core. Best effort by design: a worker that cannot start (no worker file, no
 * TypeScript loader…) or that fails drops out, and its batches are
 * rejected so that the caller parses them on the main thread: nothing is lost, only speed.
 */
import { Worker } from 'node:worker_threads';
import { unpackFiles, type PackedFiles, type ParsedFile } from './pack-texts.js';
import type { FileInfo } from './read-article.js';

export type { ParsedFile } from './pack-texts.js';

export interface ParseJobFile extends FileInfo {
  absPath: string;
}

export interface ParseJob {
  id: number;
  files: ParseJobFile[];
  /** Clean each article for its canonical text (slow) rather than take its quick text. */
  clean?: boolean;
}

export type ParseReply = { ready: true } | { id: number; files: PackedFiles } | { id: number; error: string };

/** How to start the worker: its file, or (from TypeScript sources) a script that loads it. */
export interface WorkerSpec {
  source: URL | string;
  eval: boolean;
}

/** Batches a worker holds at once: one it parses, one waiting, so it never idles on the main thread. */
const PER_WORKER = 2;

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  jobs: Map<number, { resolve(files: ParsedFile[]): void; reject(err: Error): void }>;
}

/**
 * The worker next to this module: parse-worker.js beside the esbuild bundle (scripts/build.mjs
 * builds it next to each), or parse-worker.ts from the sources. Workers do not inherit the tsx
 * loader the sources run under, so that script registers tsx first. Null when neither can work.
 */
export function defaultWorkerSpec(): WorkerSpec | null {
  if (!import.meta.url.endsWith('.ts')) {
    // Packaged, this stays inside the asar archive (covered by its integrity check): Electron's
    // worker threads read the archive, and the worker has its packages bundled in.
    return { source: new URL('./parse-worker.js', import.meta.url), eval: false };
  }
  try {
    const tsx = import.meta.resolve('tsx/esm/api');
    const file = new URL('./parse-worker.ts', import.meta.url).href;
    const script = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file)}); });`;
    return { source: script, eval: true };
  } catch {
    return null;
  }
}

export class ParsePool {
  private readonly workers = new Set<PoolWorker>();
  private nextId = 0;
  private closed = false;

  constructor(size: number, spec: WorkerSpec) {
    for (let i = 0; i < size; i++) this.spawn(spec);
  }

  /** True when a started worker can take another batch now. */
  get hasRoom(): boolean {
    return this.pick() !== undefined;
  }

  /** Parse (or `clean`) `files` in a worker; rejects when no worker is free or the worker fails. */
  parse(files: ParseJobFile[], clean = false): Promise<ParsedFile[]> {
    const w = this.pick();
    if (!w) return Promise.reject(new Error('No parse worker is free'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      w.jobs.set(id, { resolve, reject });
      try {
        w.worker.postMessage({ id, files, clean } satisfies ParseJob);
      } catch (err) {
        w.jobs.delete(id);
        reject(err as Error);
      }
    });
  }

  /** Stop every worker; batches still out are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.workers];
    for (const w of workers) this.drop(w, new Error('The parse pool was closed'));
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }

  private pick(): PoolWorker | undefined {
    let best: PoolWorker | undefined;
    for (const w of this.workers) {
      if (w.ready && w.jobs.size < PER_WORKER && (!best || w.jobs.size < best.jobs.size)) best = w;
    }
    return best;
  }

  private spawn(spec: WorkerSpec): void {
    let worker: Worker;
    try {
      worker = new Worker(spec.source, { eval: spec.eval });
    } catch {
      return; // e.g. worker threads unavailable: the main thread parses everything
    }
    const w: PoolWorker = { worker, ready: false, jobs: new Map() };
    this.workers.add(w);
    worker.on('message', (reply: ParseReply) => {
      if ('ready' in reply) {
        w.ready = !this.closed;
        return;
      }
      const job = w.jobs.get(reply.id);
      w.jobs.delete(reply.id);
      try {
        if ('error' in reply) throw new Error(reply.error);
        job?.resolve(unpackFiles(reply.files));
      } catch (err) {
        job?.reject(err as Error); // a malformed answer: the batch is parsed again
      }
    });
    worker.on('error', (err) => this.drop(w, err));
    worker.on('exit', (code) => this.drop(w, new Error(`A parse worker stopped (exit code ${code})`)));
  }

  private drop(w: PoolWorker, err: Error): void {
    if (!this.workers.delete(w)) return;
    for (const job of w.jobs.values()) job.reject(err);
    w.jobs.clear();
    void w.worker.terminate();
  }
}
