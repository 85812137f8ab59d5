// Temporary library folders for tests: a copy of the fixture folder plus whatever a test adds.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir } from './corpus-path.js';

export interface TempLibrary {
  root: string;
  cacheDir: string;
  cleanup(): void;
}

export function tempLibrary(withFixtures = true): TempLibrary {
  const base = mkdtempSync(join(tmpdir(), 'gloss-lib-'));
  const root = join(base, 'library');
  if (withFixtures) cpSync(join(fixturesDir, 'folder'), root, { recursive: true });
  else
    cpSync(join(fixturesDir, 'folder'), root, {
      recursive: true,
      filter: (src) => !/\.(txt|md|markdown|html?)$/.test(src),
    });
  return {
    root,
    cacheDir: join(base, 'cache'),
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** Poll until `check` passes (watch events arrive asynchronously). */
export async function eventually(check: () => void, timeoutMs = 8000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (err) {
      if (Date.now() - start > timeoutMs) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
