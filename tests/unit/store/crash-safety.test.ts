// Crashes: a temp file left mid-write never hides the data, and a writer killed with SIGKILL
// loses none of the highlights it had reported as saved.
import { spawn } from 'node:child_process';
import { readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { writeFileDurable } from '../../../core/store/durable-write.js';
import { highlightOf, tempDataDir } from './helpers.js';

const WRITE_LOOP = fileURLToPath(new URL('../../fixtures/store/write-loop.ts', import.meta.url));

describe('crash safety', () => {
  it('reads the last complete version when a crash left a half-written temp file beside it', async () => {
    const dir = await tempDataDir();
    const s = await openAnnotationService(dir, {});
    const a = await s.create(highlightOf('art', '新华社'));
    await s.close();
    // What a crash between "write temp" and "rename" leaves behind.
    const annotations = path.join(dir, 'annotations');
    const temp = path.join(annotations, '.art.json.12345.deadbeef.tmp');
    await writeFile(temp, '{"schemaVersion":1,"articleId":"art","annotations":[{"id":"half');

    const again = await openAnnotationService(dir, {});
    expect((await again.list('art')).map((x) => x.id)).toEqual([a.id]);
    const b = await again.create(highlightOf('art', '国务院'));
    expect((await again.list('art')).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(again.problems()).toEqual([]);
    await again.close();

    // Old leftovers are cleaned up at open; recent ones may belong to a live writer and stay.
    expect(await readdir(annotations)).toContain(path.basename(temp));
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(temp, old, old);
    await (await openAnnotationService(dir, {})).close();
    expect(await readdir(annotations)).not.toContain(path.basename(temp));
  });

  it('leaves no temp file behind after a durable write, even when the rename fails', async () => {
    const dir = await tempDataDir();
    await writeFileDurable(path.join(dir, 'a.json'), '{}');
    await expect(writeFileDurable(path.join(dir, 'missing-folder', 'b.json'), '{}')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('keeps every acknowledged highlight when the writing process is killed with SIGKILL', async () => {
    const dir = await tempDataDir();
    const acknowledged: string[] = [];
    // Several writers in turn, each killed at a random moment after some acknowledged saves.
    for (let round = 0; round < 3; round++) {
      acknowledged.push(...(await writeUntilKilled(dir, 10 + Math.floor(Math.random() * 20))));
    }
    const s = await openAnnotationService(dir, {});
    const stored = new Set((await s.list('victim')).map((a) => a.id));
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(s.problems()).toEqual([]);
    await s.create(highlightOf('victim', '新华社'));
    await s.close();
  }, 60_000);
});

/** Runs the write loop until `acks` saves were acknowledged, then kills it 0–10 ms later. */
async function writeUntilKilled(dir: string, acks: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITE_LOOP, dir, 'victim', 'forever', 'k'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: string[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let buffer = '';
  let killing = false;
  await new Promise<void>((resolve, reject) => {
    child.on('exit', () => killing || reject(new Error(`writer exited early: ${stderr}`)));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      // Ids printed until the kill lands count as acknowledged too.
      acknowledged.push(...lines.filter(Boolean));
      if (acknowledged.length >= acks && !killing) {
        killing = true;
        setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, Math.random() * 10);
      }
    });
  });
  await new Promise((r) => child.once('close', r));
  // A last id without its newline was cut by the kill: it may or may not be saved, so not counted.
  return acknowledged;
}
