// The marks files on disk: mine written under a lock and durably, every writer's read and merged,
// a bad file of another writer reported and left as it is, a bad file of mine never replaced.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  marksFileOf,
  readDoneMarks,
  setDoneMark,
  type MarksProblem,
} from '../../../core/store/done-marks-file.js';
import { writerFolder } from '../../../core/store/writer-folders.js';

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gloss-marks-'));
  for (const w of ['ann.aaaa', 'ann.bbbb', 'bo.cccc'])
    await mkdir(writerFolder(dir, w).dir, { recursive: true });
  return dir;
}

describe('done marks files', () => {
  it('marks and unmarks in my own file and merges two writers per coder', async () => {
    const dir = await dataDir();
    await setDoneMark(dir, 'ann.aaaa', 'a1', true);
    await setDoneMark(dir, 'ann.aaaa', 'a2', true);
    await setDoneMark(dir, 'ann.bbbb', 'a3', true);
    await setDoneMark(dir, 'bo.cccc', 'a1', true);
    await setDoneMark(dir, 'ann.aaaa', 'a2', false);
    const merged = await readDoneMarks([dir]);
    expect([...merged.get('ann')!].sort()).toEqual(['a1', 'a3']);
    expect([...merged.get('bo')!]).toEqual(['a1']);
    const own = JSON.parse(await readFile(marksFileOf(dir, 'ann.aaaa'), 'utf8'));
    expect(own.articles.a2.done).toBe(false);
  });

  it('keeps every mark when many are made at once (one lock)', async () => {
    const dir = await dataDir();
    const ids = Array.from({ length: 20 }, (_, i) => `x${i}`);
    await Promise.all(ids.map((id) => setDoneMark(dir, 'bo.cccc', id, true)));
    expect([...(await readDoneMarks([dir])).get('bo')!].sort()).toEqual([...ids].sort());
  });

  it('reports another writer’s broken file, leaves it as it is, and refuses to replace my own', async () => {
    const dir = await dataDir();
    await writeFile(marksFileOf(dir, 'bo.cccc'), '{"schemaVersion":1,"articles":{"a":{"done":1}}}');
    await writeFile(marksFileOf(dir, 'ann.aaaa'), 'not json');
    await setDoneMark(dir, 'ann.bbbb', 'a1', true);
    const problems: MarksProblem[] = [];
    const merged = await readDoneMarks([dir], problems);
    expect([...merged.get('ann')!]).toEqual(['a1']);
    expect(merged.has('bo')).toBe(false);
    expect(problems.map((p) => path.basename(path.dirname(p.file))).sort()).toEqual(['ann.aaaa', 'bo.cccc']);
    await expect(setDoneMark(dir, 'ann.aaaa', 'a2', true)).rejects.toThrow(/not JSON/);
    expect(await readFile(marksFileOf(dir, 'ann.aaaa'), 'utf8')).toBe('not json');
  });
});
