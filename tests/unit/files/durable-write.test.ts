/**
 * The one durable writer (store, settings, exports, parse cache): the target holds the old or the
 * new content, never half of it, and no temp file is left behind, whether the content is written
 * at once or streamed and whether the write succeeds or fails.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isTempFile,
  isTempFileOf,
  removeStaleTempFiles,
  writeFileDurable,
  writeStreamDurable,
} from '../../../core/files/durable-write.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gloss-durable-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function* chunks(parts: (string | Uint8Array | Error)[]) {
  for (const part of parts) {
    if (part instanceof Error) throw part;
    yield part;
  }
}

describe('writeFileDurable', () => {
  it('replaces a file whole and leaves only the file', async () => {
    const file = path.join(dir, 'art.json');
    writeFileSync(file, 'old');
    await writeFileDurable(file, '{"新":1}');
    await writeFileDurable(file, new TextEncoder().encode('{"新":2}'));
    expect(readFileSync(file, 'utf8')).toBe('{"新":2}');
    expect(readdirSync(dir)).toEqual(['art.json']);
  });
});

describe('writeStreamDurable', () => {
  it('writes a stream of text and bytes as it comes', async () => {
    const file = path.join(dir, 'export.csv');
    await writeStreamDurable(
      file,
      chunks(['\uFEFFquote,tag\r\n', new TextEncoder().encode('“引文”,经济\r\n')]),
    );
    expect(readFileSync(file, 'utf8')).toBe('\uFEFFquote,tag\r\n“引文”,经济\r\n');
    expect(readdirSync(dir)).toEqual(['export.csv']);
  });

  it('keeps the old file and leaves no temp file when the stream fails half way', async () => {
    const file = path.join(dir, 'export.csv');
    writeFileSync(file, 'the previous export');
    await expect(
      writeStreamDurable(file, chunks(['half a', new Error('the export failed')])),
    ).rejects.toThrow('the export failed');
    expect(readFileSync(file, 'utf8')).toBe('the previous export');
    expect(readdirSync(dir)).toEqual(['export.csv']);
  });

  it('writes its temp file hidden, so a file manager does not show half an export', async () => {
    const file = path.join(dir, 'export.csv');
    const seen: string[] = [];
    async function* watching() {
      yield 'a,b\r\n';
      seen.push(...readdirSync(dir));
      yield '1,2\r\n';
    }
    await writeStreamDurable(file, watching());
    expect(seen).toHaveLength(1);
    expect(isTempFile(seen[0]!)).toBe(true);
    expect(isTempFileOf(file)(seen[0]!)).toBe(true);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes one target’s old temp files (hidden, or named as earlier versions did) and nothing else', async () => {
    const file = path.join(dir, 'settings.json');
    const names = {
      oldHidden: '.settings.json.41.a1b2c3d4.tmp',
      oldLegacy: 'settings.json.42.a1b2c3d4e5f6.tmp',
      young: '.settings.json.43.0123abcd.tmp',
      otherTarget: '.window-state.json.44.aa.tmp',
      notTemp: 'settings.json',
    };
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const name of Object.values(names)) writeFileSync(path.join(dir, name), '{');
    for (const name of [names.oldHidden, names.oldLegacy, names.otherTarget, names.notTemp])
      utimesSync(path.join(dir, name), twoHoursAgo, twoHoursAgo);
    expect(await removeStaleTempFiles(dir, undefined, isTempFileOf(file))).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([names.otherTarget, names.young, names.notTemp].sort());
    expect(existsSync(file)).toBe(true);
  });
});
