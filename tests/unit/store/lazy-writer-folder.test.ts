/**
 * Opening a library (the app, `gloss index`, an export) leaves no writer folder of this machine's
 * coder: other coders would see it as a coder with no highlights. It is made at the first write,
 * and a second window of the same writer, open before it existed, still hears of that write.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { writerIdentity } from '../../../core/settings/coder-identity.js';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { writerFolder } from '../../../core/store/writer-folders.js';
import { eventually, highlightOf, tempDataDir } from './helpers.js';

const ana = writerIdentity('Ana', 'aaaa0001');
const open = (dataDir: string, watch = true) =>
  openAnnotationService(dataDir, { writerFolders: true, writer: () => ana, watch });

describe('the own writer folder', () => {
  it('is not made by opening and reading, only by the first write', async () => {
    const dir = await tempDataDir();
    const folder = writerFolder(dir, ana.writerId);
    const reader = await open(dir, false);
    expect(await reader.counts()).toEqual({});
    expect((await reader.coders()).map((c) => [c.name, c.mine])).toEqual([['Ana', true]]);
    await reader.queryAnnotations({ limit: 10 });
    await reader.close();
    expect(existsSync(folder.dir)).toBe(false);

    const s = await open(dir);
    const window2 = await open(dir);
    const told: string[] = [];
    window2.onExternalChange((c) => told.push(c.kind));
    await window2.counts();
    expect(existsSync(folder.dir)).toBe(false);
    const made = await s.create(highlightOf('a1', '新华社'));
    expect(JSON.parse(await readFile(folder.writerFile, 'utf8'))).toMatchObject({
      writerId: ana.writerId,
      coder: { id: 'ana', name: 'Ana' },
    });
    expect((await s.list('a1')).map((a) => a.id)).toEqual([made.id]);
    // The other window was open before the folder existed: it hears of the write all the same.
    await eventually(() => told.includes('annotations'), 5000);
    expect(await window2.counts()).toEqual({ a1: 1 });
    await Promise.all([s.close(), window2.close()]);
  });
});
