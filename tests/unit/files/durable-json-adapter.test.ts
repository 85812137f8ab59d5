/** lowdb's `Low` over our adapter: what it writes is whole, durable JSON; a missing file is the default. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { DurableJsonAdapter } from '../../../core/files/durable-json-adapter.js';

interface Doc {
  items: string[];
}

function adapterFor(file: string, events: string[] = []) {
  return new DurableJsonAdapter<Doc>(file, {
    read: async () => {
      const text = await readFile(file, 'utf8').catch(() => null);
      return text === null ? null : (JSON.parse(text) as Doc);
    },
    beforeWrite: () => events.push('before'),
    afterWrite: () => void events.push('after'),
  });
}

describe('DurableJsonAdapter', () => {
  it('starts from the default when the file is missing, then writes what was changed, whole', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gloss-lowdb-'));
    const file = path.join(dir, 'doc.json');
    const events: string[] = [];
    const db = new Low<Doc>(adapterFor(file, events), { items: [] });
    await db.read();
    expect(db.data).toEqual({ items: [] });
    db.data.items.push('一');
    await db.write();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ items: ['一'] });
    expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
    expect(events).toEqual(['before', 'after']);
    // No temp file is left beside it.
    expect(readdirSync(dir)).toEqual(['doc.json']);

    const again = new Low<Doc>(adapterFor(file), { items: [] });
    await again.read();
    expect(again.data).toEqual({ items: ['一'] });
  });

  it('tells about a failed write too, and leaves the old content', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gloss-lowdb-'));
    const file = path.join(dir, 'doc.json');
    const db = new Low<Doc>(adapterFor(file), { items: ['old'] });
    await db.write();
    const events: string[] = [];
    const broken = new DurableJsonAdapter<Doc>(path.join(dir, 'missing-folder', 'doc.json'), {
      read: async () => null,
      beforeWrite: () => events.push('before'),
      afterWrite: () => void events.push('after'),
    });
    await expect(broken.write({ items: [] })).rejects.toThrow();
    expect(events).toEqual(['before', 'after']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ items: ['old'] });
  });
});
