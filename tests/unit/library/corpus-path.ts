// Where the shared corpus lives (../shared/corpus next to the repo), and whether it is there.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const corpusDir = resolve(repoRoot, '../shared/corpus/articles');
export const hasCorpus = existsSync(corpusDir);
export const fixturesDir = join(repoRoot, 'tests/fixtures/library');
