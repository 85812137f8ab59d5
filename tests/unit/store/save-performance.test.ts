// Saving a highlight costs the same in a small and a huge library (one file per article), and is quick.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { highlightOf, tempDataDir } from './helpers.js';

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)]!;
}

async function saveTimes(dir: string, n: number): Promise<number[]> {
  const s = await openAnnotationService(dir, {});
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await s.create(highlightOf('the-article', '新华社'));
    times.push(performance.now() - started);
  }
  await s.close();
  return times;
}

describe('save performance', () => {
  it('p95 of a save does not grow with the size of the library', async () => {
    const small = await tempDataDir();
    const huge = await tempDataDir();
    // 5,000 other annotated articles (written directly: their content does not matter here).
    await mkdir(path.join(huge, 'annotations'), { recursive: true });
    const other = JSON.stringify({
      schemaVersion: 1,
      articleId: 'x',
      path: null,
      fingerprint: null,
      memo: '',
      annotations: [],
    });
    for (let i = 0; i < 5000; i++) {
      await writeFile(
        path.join(huge, 'annotations', `other-${i}.json`),
        other.replace('"x"', `"other-${i}"`),
      );
    }
    const smallP95 = p95(await saveTimes(small, 60));
    const hugeP95 = p95(await saveTimes(huge, 60));
    console.log(
      `save p95: small library ${smallP95.toFixed(1)} ms, 5,000-article library ${hugeP95.toFixed(1)} ms`,
    );
    expect(hugeP95).toBeLessThan(smallP95 * 3 + 10);
    expect(hugeP95).toBeLessThan(250);
  }, 60_000);
});
