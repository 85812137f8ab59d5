// Shared set-up for the store tests: a fresh data folder per test, and highlight inputs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { describeRange } from '../../../core/anchor/index.js';
import type { NewAnnotation } from '../../../core/store/annotation-service.js';

const dirs: string[] = [];

/** A new empty folder, removed after the test. */
export async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gloss-store-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

export const TEXT =
  '新华社北京3月5日电 国务院总理作政府工作报告时说，今年发展主要预期目标是：国内生产总值增长5%左右。🚀';

/** Input for a highlight of `quote` in TEXT. */
export function highlightOf(
  articleId: string,
  quote: string,
  extra: Partial<NewAnnotation> = {},
): NewAnnotation {
  const start = TEXT.indexOf(quote);
  if (start < 0) throw new Error(`not in TEXT: ${quote}`);
  return { articleId, ...describeRange(TEXT, { start, end: start + quote.length }), ...extra };
}

/** Resolves when `predicate` holds, polling; fails after `ms`. */
export async function eventually(predicate: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
