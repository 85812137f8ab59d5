/**
 * The annotation store when the disk misbehaves mid-session. We run as root here, so chmod cannot
 * make a folder read-only: instead `node:fs/promises` and the synchronous `openSync` and
 * `writeFileSync` of `node:fs` (durable writes use those) are wrapped (vi.mock) so that, while a
 * fault is armed, opening a file for writing in the data folder fails with EROFS (a folder turned
 * read-only), or writing to it stores half the bytes and then fails with ENOSPC (the disk filled
 * up). Also: truncated, empty, zero-filled, odd and future-version files.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { toErrorPayload } from '../../../core/errors.js';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { articleFileName } from '../../../core/store/store-layout.js';
import { highlightOf, tempDataDir } from '../store/helpers.js';

type Fault = { code: 'EROFS' | 'ENOSPC'; under: string } | null;
const faults = vi.hoisted(() => ({ current: null as Fault, hits: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const errno = (code: string, syscall: string, file: string) =>
    Object.assign(new Error(`${code}: simulated failure, ${syscall} '${file}'`), {
      code,
      syscall,
      path: file,
    });
  const open: typeof real.open = async (file, flags, mode) => {
    const fault = faults.current;
    const writing = typeof flags === 'string' && /[wa+]/.test(flags);
    if (!fault || !writing || !String(file).startsWith(fault.under)) return real.open(file, flags, mode);
    faults.hits++;
    if (fault.code === 'EROFS') throw errno('EROFS', 'open', String(file));
    const handle = await real.open(file, flags, mode);
    // The disk fills up part-way: half the bytes land, then the write fails.
    handle.writeFile = async (data: unknown) => {
      const text = String(data);
      await real.writeFile(file, text.slice(0, Math.floor(text.length / 2)));
      throw errno('ENOSPC', 'write', String(file));
    };
    return handle;
  };
  return { ...real, open, default: { ...real, open } };
});

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  /** Descriptors opened while ENOSPC was armed: writes to them fail half-way. */
  const filling = new Map<number, string>();
  const errno = (code: string, syscall: string, file: string) =>
    Object.assign(new Error(`${code}: simulated failure, ${syscall} '${file}'`), {
      code,
      syscall,
      path: file,
    });
  const openSync = ((file: string, flags: string, mode?: number) => {
    const fault = faults.current;
    const writing = typeof flags === 'string' && /[wa+]/.test(flags);
    if (!fault || !writing || !String(file).startsWith(fault.under)) return real.openSync(file, flags, mode);
    faults.hits++;
    if (fault.code === 'EROFS') throw errno('EROFS', 'open', String(file));
    const fd = real.openSync(file, flags, mode);
    filling.set(fd, String(file));
    return fd;
  }) as typeof real.openSync;
  const writeFileSync = ((target: number | string, data: string, options?: unknown) => {
    const file = typeof target === 'number' ? filling.get(target) : undefined;
    if (file === undefined) return real.writeFileSync(target, data, options as never);
    filling.delete(target as number);
    real.writeSync(target as number, data.slice(0, Math.floor(data.length / 2)));
    throw errno('ENOSPC', 'write', file);
  }) as typeof real.writeFileSync;
  // Only the named exports: the lock's `fs.writeFileSync` (default import) is left alone, as before.
  return { ...real, openSync, writeFileSync };
});

async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

describe('a data folder that turns read-only mid-session', () => {
  it('refuses the write with a clear read-only error, keeps every earlier change, and recovers', async () => {
    const dir = await tempDataDir();
    const s = await openAnnotationService(dir, { watch: false });
    const a = await s.create(highlightOf('art', '新华社', { note: 'before' }));
    const tag = await s.createTag({ name: '经济' });
    const before = await readFile(path.join(dir, 'annotations', articleFileName('art')), 'utf8');

    faults.current = { code: 'EROFS', under: dir };
    const error = await s.create(highlightOf('art', '国务院')).then(
      () => null,
      (err: unknown) => err,
    );
    await expect(s.update('art', a.id, { note: 'after' })).rejects.toBeTruthy();
    await expect(s.createTag({ name: '政治' })).rejects.toBeTruthy();
    faults.current = null;

    expect(faults.hits).toBeGreaterThan(0);
    const payload = toErrorPayload(error);
    expect(payload.code).toBe('read-only');
    expect(payload.message).toMatch(/read-only/);
    // Reads still work and show exactly what was saved before.
    expect((await s.list('art')).map((x) => [x.id, x.note])).toEqual([[a.id, 'before']]);
    expect((await s.listTags()).map((t) => t.id)).toEqual([tag.id]);
    expect(await readFile(path.join(dir, 'annotations', articleFileName('art')), 'utf8')).toBe(before);
    expect((await filesIn(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // Writable again: saving works and nothing was lost on the way.
    await s.update('art', a.id, { note: 'after' });
    await s.create(highlightOf('art', '国务院'));
    await s.close();
    const again = await openAnnotationService(dir, { watch: false });
    expect((await again.list('art')).map((x) => x.note)).toEqual(['after', '']);
    expect(again.problems()).toEqual([]);
    await again.close();
  });
});

describe('the disk filling up during a write', () => {
  it('leaves the earlier file whole, no half-written file, and says the disk is full', async () => {
    const dir = await tempDataDir();
    const s = await openAnnotationService(dir, { watch: false });
    const saved: Awaited<ReturnType<typeof s.create>>[] = [];
    for (const quote of ['新华社', '国务院', '政府工作报告'])
      saved.push(await s.create(highlightOf('art', quote)));
    await s.createTag({ name: '经济' });
    const file = path.join(dir, 'annotations', articleFileName('art'));
    const before = await readFile(file, 'utf8');
    const codebookBefore = await readFile(path.join(dir, 'codebook.json'), 'utf8');

    faults.current = { code: 'ENOSPC', under: dir };
    const errors: unknown[] = [];
    for (const attempt of [
      () => s.create(highlightOf('art', '增长5%左右', { note: 'x'.repeat(10_000) })),
      () => s.update('art', saved[0]!.id, { note: 'changed' }),
      () => s.setMemo('art', 'memo'),
      () => s.createTag({ name: '政治' }),
      () => s.create(highlightOf('new-article', '新华社')),
    ]) {
      errors.push(
        await attempt().then(
          () => null,
          (err: unknown) => err,
        ),
      );
    }
    faults.current = null;

    for (const err of errors) {
      expect(err).not.toBeNull();
      const payload = toErrorPayload(err);
      expect(payload.code).toBe('io');
      expect(payload.message).toMatch(/disk is full/);
    }
    // Byte for byte what was there, no temp files, no file for the new article.
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await readFile(path.join(dir, 'codebook.json'), 'utf8')).toBe(codebookBefore);
    const files = await filesIn(dir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files).not.toContain(path.join('annotations', articleFileName('new-article')));
    expect((await s.list('art')).map((a) => a.id)).toEqual(saved.map((a) => a.id));
    expect(await s.getMemo('art')).toBe('');
    await s.close();

    const again = await openAnnotationService(dir, { watch: false });
    expect(again.problems()).toEqual([]);
    expect((await again.list('art')).length).toBe(3);
    await again.create(highlightOf('art', '增长5%左右'));
    expect((await again.list('art')).length).toBe(4);
    await again.close();
  });
});

describe('broken files on disk', () => {
  async function storeWith(name: string, content: string | Buffer) {
    const dir = await tempDataDir();
    const s = await openAnnotationService(dir, { watch: false });
    await s.create(highlightOf('art', '新华社'));
    await s.close();
    const file = path.join(dir, 'annotations', name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    return { dir, file };
  }

  it('a file truncated at any point is set aside and reported, and the article can be annotated again', async () => {
    const dir0 = await tempDataDir();
    const s0 = await openAnnotationService(dir0, { watch: false });
    for (const q of ['新华社', '国务院', '政府工作报告']) await s0.create(highlightOf('victim', q));
    await s0.close();
    const full = await readFile(path.join(dir0, 'annotations', 'victim.json'));
    const cuts = [0, 1, 2, 10, 50, Math.floor(full.length / 3), Math.floor(full.length / 2), full.length - 2];
    for (const cut of cuts) {
      const { dir } = await storeWith('victim.json', full.subarray(0, cut));
      const s = await openAnnotationService(dir, { watch: false });
      const listed = await s.list('victim');
      expect(listed.length, `cut at ${cut}`).toBeLessThanOrEqual(3);
      const problems = s.problems();
      expect(
        problems.map((p) => p.kind),
        `cut at ${cut}`,
      ).toEqual(['corrupt']);
      expect(problems[0]!.message).toMatch(/could not be read/);
      expect(await readFile(problems[0]!.movedTo!)).toEqual(full.subarray(0, cut));
      // The rest of the store is untouched and the article takes new highlights.
      expect((await s.list('art')).length).toBe(1);
      await s.create(highlightOf('victim', '新华社'));
      expect((await s.list('victim')).length).toBe(listed.length + 1);
      await s.close();
    }
  });

  it.each([
    ['empty', ''],
    ['zero-filled (a crash before the data reached the disk)', Buffer.alloc(512)],
    ['a JSON array', '[]'],
    ['a JSON string', '"annotations"'],
    ['a fractional schema version', '{"schemaVersion":1.5,"articleId":"victim","annotations":[]}'],
    ['a negative schema version', '{"schemaVersion":-1,"articleId":"victim","annotations":[]}'],
    ['annotations that are not a list', '{"schemaVersion":1,"articleId":"victim","annotations":{"a":1}}'],
    [
      'a prototype-polluting key',
      '{"schemaVersion":1,"articleId":"victim","__proto__":{"polluted":1},"annotations":[]}',
    ],
    ['deeply nested JSON', `{"schemaVersion":1,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`],
  ])('%s: read as corrupt or empty, never crashes, never pollutes', async (_label, content) => {
    const { dir } = await storeWith('victim.json', content);
    const s = await openAnnotationService(dir, { watch: false });
    const listed = await s.list('victim');
    expect(Array.isArray(listed)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await s.create(highlightOf('victim', '国务院'));
    expect((await s.list('art')).length).toBe(1);
    await s.close();
  });

  it('a file from a far-future Gloss with unknown shapes is shown read-only and left byte-identical', async () => {
    const content = JSON.stringify({
      schemaVersion: 1e9,
      articleId: 'victim',
      annotations: 'a new format',
      v2: {},
    });
    const { file, dir } = await storeWith('victim.json', content);
    const s = await openAnnotationService(dir, { watch: false });
    expect(await s.list('victim')).toEqual([]);
    await expect(s.create(highlightOf('victim', '新华社'))).rejects.toMatchObject({ code: 'read-only' });
    expect(s.problems().map((p) => p.kind)).toEqual(['future-version']);
    expect(await readFile(file, 'utf8')).toBe(content);
    await s.close();
  });
});
