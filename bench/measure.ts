// Measuring helpers: percentiles, wall-clock timing, peak-memory sampling, and running a bench
// task in a fresh child process (so caches and memory figures of one measure don't leak into another).
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import v8 from 'node:v8';

export const now = (): number => performance.now();

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export function summarize(values: readonly number[]): {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
} {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : NaN,
    mean: values.length ? values.reduce((s, v) => s + v, 0) / values.length : NaN,
  };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = now();
  const value = await fn();
  return { ms: now() - t0, value };
}

/** Samples heap and RSS every `everyMs` (timers run between the library's scan slices). */
export class MemorySampler {
  peakHeap = 0;
  peakRss = 0;
  peakExternal = 0;
  private timer: NodeJS.Timeout | null = null;

  start(everyMs = 20): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    return this;
  }

  sample(): void {
    const heap = v8.getHeapStatistics().used_heap_size;
    const m = process.memoryUsage();
    this.peakHeap = Math.max(this.peakHeap, heap);
    this.peakRss = Math.max(this.peakRss, m.rss);
    this.peakExternal = Math.max(this.peakExternal, m.external + m.arrayBuffers);
  }

  stop(): { peakHeapMB: number; peakRssMB: number; peakExternalMB: number; maxRssMB: number } {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    return {
      peakHeapMB: this.peakHeap / 1048576,
      peakRssMB: this.peakRss / 1048576,
      peakExternalMB: this.peakExternal / 1048576,
      // The kernel's high-water mark for the whole process (includes start-up), in KB.
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    };
  }
}

export const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * Lets the machine settle before a timed case: this process collects its garbage, the kernel
 * writes out what earlier cases wrote (the seeded 100,000-highlight store is ~80 MB), and the
 * machine rests. Why the rest: on this kind of VM, work that allocates a lot (cleaning, the
 * browser) runs ~40% slower for about a minute after sustained load on both CPUs, while plain
 * arithmetic does not slow down (a CPU probe showed nothing, so this is not clock throttling).
 * Cleaning 80 articles gave p95 < 20 KB of 26 ms 20 s after a 45 s load, and 15-17 ms after a
 * minute's rest or when run alone. Each case should see the machine as a user's session does.
 */
export async function settle(restMs = REST_MS): Promise<void> {
  gc();
  try {
    execFileSync('sync');
  } catch {
    // No sync command: only the rest.
  }
  await new Promise((resolve) => setTimeout(resolve, restMs));
}

export const REST_MS = 45_000;

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const CHILD_BUNDLE_DIR = fileURLToPath(new URL('./.cache/child/', import.meta.url));

let childBundle: Promise<string> | null = null;

/**
 * bench/child.ts built the way scripts/build.mjs builds the app: an esbuild bundle whose npm
 * packages stay external, loaded by Node itself (with the scan's parse worker beside it, where
 * parse-pool.ts looks for it). Why not run it under tsx: tsx rewrites the ES-module packages that
 * jsdom require()s (parse5) to CommonJS with a getter per export, and parse5's tokenizer reads its
 * character constants through them, so every jsdom parse ran about a third slower than in the app.
 */
function buildChild(): Promise<string> {
  childBundle ??= build({
    entryPoints: {
      child: CHILD,
      'parse-worker': fileURLToPath(new URL('../core/library/parse-worker.ts', import.meta.url)),
    },
    outdir: CHILD_BUNDLE_DIR,
    bundle: true,
    splitting: true, // each task loads only its own modules (jsdom is slow to load)
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  }).then(() => join(CHILD_BUNDLE_DIR, 'child.js'));
  return childBundle;
}

export interface ChildOptions {
  /** Kill the child after this long; its last progress line is returned with `timedOut`. */
  timeoutMs?: number;
  extraNodeArgs?: string[];
}

/**
 * Runs `bench/child.ts <task> <json>` (built, see buildChild) in a fresh Node process and returns
 * the JSON it prints on its last `RESULT ` line (or the last `PROGRESS ` line, with timedOut, when
 * it ran out of time).
 */
export async function runChild<T>(
  task: string,
  args: unknown,
  opts: ChildOptions = {},
): Promise<T & { timedOut?: boolean }> {
  const entry = await buildChild();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', ...(opts.extraNodeArgs ?? []), entry, task, JSON.stringify(args)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, opts.timeoutMs)
      : null;
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const lines = out.split('\n');
      const result = lines.filter((l) => l.startsWith('RESULT ')).pop();
      if (result) return resolve(JSON.parse(result.slice(7)) as T & { timedOut?: boolean });
      const progress = lines.filter((l) => l.startsWith('PROGRESS ')).pop();
      if (timedOut && progress) return resolve({ ...(JSON.parse(progress.slice(9)) as T), timedOut: true });
      reject(
        new Error(
          `bench child "${task}" failed (exit ${code}${timedOut ? ', timed out' : ''}):\n${err.slice(-3000)}`,
        ),
      );
    });
  });
}
