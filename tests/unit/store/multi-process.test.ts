// Two processes (the app and a `gloss annotate` script) on one library: nobody's highlights get lost,
// and each hears about the other's changes.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openAnnotationService, type ExternalChange } from '../../../core/store/annotation-service.js';
import { eventually, highlightOf, tempDataDir } from './helpers.js';

const WRITE_LOOP = fileURLToPath(new URL('../../fixtures/store/write-loop.ts', import.meta.url));

function runWriter(dir: string, articleId: string, count: number, label: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WRITE_LOOP, dir, articleId, String(count), label],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      const lines = out.split('\n').filter(Boolean);
      if (code !== 0 || lines.pop() !== 'done') reject(new Error(`writer ${label} failed (${code}): ${err}`));
      else resolve(lines);
    });
  });
}

describe('several processes on one library', () => {
  it('two processes adding to the same article concurrently lose nothing', async () => {
    const dir = await tempDataDir();
    const [a, b] = await Promise.all([runWriter(dir, 'shared', 40, 'a'), runWriter(dir, 'shared', 40, 'b')]);
    const s = await openAnnotationService(dir, {});
    const ids = (await s.list('shared')).map((x) => x.id).sort();
    expect(ids).toEqual([...a, ...b].sort());
    expect(ids).toHaveLength(80);
    await s.close();
  }, 60_000);

  it('reports changes made by another process, and not its own', async () => {
    const dir = await tempDataDir();
    const app = await openAnnotationService(dir, {});
    const changes: ExternalChange[] = [];
    app.onExternalChange((c) => changes.push(c));

    await app.create(highlightOf('mine', '新华社'));
    await app.createTag({ name: '自己的' });
    await new Promise((r) => setTimeout(r, 400));
    expect(changes).toEqual([]);

    await runWriter(dir, 'https://news.example/1', 2, 'script');
    await eventually(() =>
      changes.some((c) => c.kind === 'annotations' && c.articleId === 'https://news.example/1'),
    );

    const other = await openAnnotationService(dir, { watch: false });
    await other.createTag({ name: '别人的' });
    await eventually(() => changes.some((c) => c.kind === 'codebook'));
    expect((await app.listTags()).map((t) => t.name).sort()).toEqual(['自己的', '别人的'].sort());
    expect(await app.counts()).toEqual({ mine: 1, 'https://news.example/1': 2 });
    await other.close();
    await app.close();
  }, 30_000);
});
