// The lock between processes: a save waits for a live holder, takes over at once a lock whose holder
// is gone (a lock file, or the lock folder older versions made), and leaves no lock behind.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { articleFileName } from '../../../core/store/store-layout.js';
import { highlightOf, tempDataDir } from './helpers.js';

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

async function setUp() {
  const dir = await tempDataDir();
  const s = await openAnnotationService(dir, { watch: false });
  const locks = path.join(dir, 'locks');
  const lock = path.join(locks, `${articleFileName('art').replace(/\.json$/, '')}.lock`);
  return { s, locks, lock };
}

async function timedSave(s: Awaited<ReturnType<typeof setUp>>['s']) {
  const started = Date.now();
  const a = await s.create(highlightOf('art', '新华社'));
  return { a, ms: Date.now() - started };
}

describe('the lock of an article file', () => {
  it('waits while another live process holds it', async () => {
    const { s, locks, lock } = await setUp();
    await writeFile(lock, `${hostname()}\n${process.ppid}\n`);
    setTimeout(() => void rm(lock), 400);
    const { a, ms } = await timedSave(s);
    expect(ms).toBeGreaterThanOrEqual(350);
    expect((await s.list('art')).map((x) => x.id)).toEqual([a.id]);
    expect(await readdir(locks)).toEqual([]);
    await s.close();
  });

  it('takes over at once a lock left by a process that died', async () => {
    const { s, locks, lock } = await setUp();
    await writeFile(lock, `${hostname()}\n${deadPid()}\n`);
    const { a, ms } = await timedSave(s);
    expect(ms).toBeLessThan(1000); // not the 5 s a lock takes to go stale
    expect((await s.list('art')).map((x) => x.id)).toEqual([a.id]);
    expect(await readdir(locks)).toEqual([]);
    await s.close();
  });

  it('takes over the lock folder an older Gloss left when it died', async () => {
    const { s, locks, lock } = await setUp();
    await mkdir(lock);
    await writeFile(path.join(lock, 'owner'), `${hostname()}\n${deadPid()}\n`);
    const { a, ms } = await timedSave(s);
    expect(ms).toBeLessThan(1000);
    expect((await s.list('art')).map((x) => x.id)).toEqual([a.id]);
    expect(await readdir(locks)).toEqual([]);
    await s.close();
  });
});
