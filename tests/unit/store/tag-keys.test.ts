// Number keys bound to tags: a new tag takes the lowest free key, keys never shift, a key given to
// another tag moves, a codebook from before keys shows them by tree order until something changes,
// and two coders who give one key to two tags see one keyboard binding and a reported clash.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deleteTag } from '../../../core/store/codebook.js';
import { emptyCodebook, type CodebookFile } from '../../../core/store/store-schema.js';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { createKeyedTag, keyBindings, updateKeyedTag } from '../../../core/store/tag-keys.js';
import { Replica } from '../teams/codebook-replica.js';
import { tempDataDir } from './helpers.js';

const keysOf = (book: CodebookFile) =>
  Object.fromEntries(book.tags.map((t) => [t.name, keyBindings(book).byTag.get(t.id) ?? null]));

describe('tag keys', () => {
  it('a new tag takes the lowest free key and existing keys stay', () => {
    const book = emptyCodebook();
    createKeyedTag(book, { name: 'A' }, 'a');
    createKeyedTag(book, { name: 'B' }, 'b');
    createKeyedTag(book, { name: 'C' }, 'c');
    deleteTag(book, 'b');
    createKeyedTag(book, { name: 'D' }, 'd');
    expect(keysOf(book)).toEqual({ A: '1', C: '3', D: '2' });
  });

  it('gives no key to a tenth tag', () => {
    const book = emptyCodebook();
    for (let i = 0; i < 10; i++) createKeyedTag(book, { name: `T${i}` }, `t${i}`);
    expect(keyBindings(book).byTag.get('t9')).toBeUndefined();
    expect(keyBindings(book).byTag.get('t8')).toBe('9');
  });

  it('a key given to another tag moves from the tag that held it; null clears it', () => {
    const book = emptyCodebook();
    createKeyedTag(book, { name: 'A' }, 'a');
    createKeyedTag(book, { name: 'B' }, 'b');
    updateKeyedTag(book, 'b', { key: '1' });
    expect(keysOf(book)).toEqual({ A: null, B: '1' });
    updateKeyedTag(book, 'b', { key: null });
    expect(keysOf(book)).toEqual({ A: null, B: null });
  });

  it('a codebook from before keys shows them by tree order, and keeps them on the first change', () => {
    const book: CodebookFile = {
      ...emptyCodebook(),
      tags: [
        { id: 'z', name: 'Zeta', parentId: null, color: '#000000', description: '' },
        { id: 'a', name: 'Alpha', parentId: null, color: '#000000', description: '' },
      ],
    };
    expect(keysOf(book)).toEqual({ Zeta: '2', Alpha: '1' });
    createKeyedTag(book, { name: 'Beta' }, 'b');
    // Tree order would now put Beta second; the keys the user knew stay.
    expect(keysOf(book)).toEqual({ Zeta: '2', Alpha: '1', Beta: '3' });
  });

  it('two coders giving one key to two tags: the earlier tag keeps it and the clash is reported', () => {
    let time = 1_764_000_000_000;
    const now = (): number => ++time;
    const ana = new Replica('ana.aaaaaaaa', now);
    const bo = new Replica('bo.bbbbbbbb', now);
    const exchange = () => {
      for (const from of [ana, bo]) for (const to of [ana, bo]) to.receive(from.publish());
    };
    ana.edit((b) => createKeyedTag(b, { name: 'A' }, 'a'));
    ana.edit((b) => createKeyedTag(b, { name: 'B' }, 'b'));
    ana.edit((b) => createKeyedTag(b, { name: 'C' }, 'c'));
    exchange();
    // Concurrently: Ana gives 5 to B, Bo gives 5 to C (each moving it within their own view).
    ana.edit((b) => updateKeyedTag(b, 'b', { key: '5' }));
    bo.edit((b) => updateKeyedTag(b, 'c', { key: '5' }));
    exchange();
    for (const r of [ana, bo]) {
      const { view } = r.merged();
      const { byTag, clashes } = keyBindings(view);
      expect(byTag.get('b')).toBe('5');
      expect(byTag.has('c')).toBe(false);
      expect([...clashes]).toEqual([['c', '5']]);
      expect(byTag.get('a')).toBe('1');
    }
  });

  it('the store lists each tag with its key, and an undone delete takes its key back', async () => {
    const s = await openAnnotationService(await tempDataDir(), {});
    const a = await s.createTag({ name: 'A' });
    const b = await s.createTag({ name: 'B' });
    await s.updateTag(a.id, { key: '7' });
    const removal = await s.deleteTag(a.id);
    const c = await s.createTag({ name: 'C' });
    expect(c.key).toBe('1');
    for (const tag of removal.previousTags) await s.restoreTag(tag);
    const listed = Object.fromEntries((await s.listTags()).map((t) => [t.name, t.key]));
    expect(listed).toEqual({ A: '7', B: '2', C: '1' });
    expect(b.key).toBe('2');
  });
});

describe('tag keys under concurrent edits', () => {
  type Step = { who: 0 | 1; op: 'create' | 'delete' | 'key'; tag: number; key: number | null };
  const step = fc.record({
    who: fc.constantFrom<0 | 1>(0, 1),
    op: fc.constantFrom<'create' | 'delete' | 'key'>('create', 'delete', 'key'),
    tag: fc.integer({ min: 0, max: 11 }),
    key: fc.option(fc.integer({ min: 1, max: 9 })),
  });

  it('every key acts on one tag, and both coders see the same bindings once they exchange', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(step, fc.boolean()), { maxLength: 30 }), (steps) => {
        let time = 1_764_000_000_000;
        const now = (): number => ++time;
        const coders = [new Replica('ana.aaaaaaaa', now), new Replica('bo.bbbbbbbb', now)];
        const exchange = () => {
          for (const from of coders) for (const to of coders) to.receive(from.publish());
        };
        for (const [s, sync] of steps as [Step, boolean][]) {
          const id = `t${s.tag}`;
          coders[s.who]!.edit((b) => {
            const exists = b.tags.some((t) => t.id === id);
            if (s.op === 'create' && !exists) createKeyedTag(b, { name: `${s.who}-${s.tag}` }, id);
            else if (s.op === 'delete' && exists) deleteTag(b, id);
            else if (s.op === 'key' && exists)
              updateKeyedTag(b, id, { key: s.key === null ? null : String(s.key) });
          });
          if (sync) exchange();
        }
        exchange();
        const [a, b] = coders.map((r) => keyBindings(r.merged().view));
        expect([...a!.byTag]).toEqual([...b!.byTag]);
        const keys = [...a!.byTag.values()];
        expect(new Set(keys).size).toBe(keys.length);
        // A tag that lost its key in a clash lost it to a tag that holds it.
        for (const key of a!.clashes.values()) expect(keys).toContain(key);
      }),
    );
  });
});

describe('a codebook from before keys', () => {
  it('keeps the keys it showed through a delete, a rename and an undo', async () => {
    const dir = await tempDataDir();
    const tag = (id: string, name: string) => ({
      id,
      name,
      parentId: null,
      color: '#E69F00',
      description: '',
    });
    const book = { ...emptyCodebook(), tags: [tag('c', 'Gamma'), tag('a', 'Alpha'), tag('b', 'Beta')] };
    await writeFile(path.join(dir, 'codebook.json'), JSON.stringify(book));
    const s = await openAnnotationService(dir, {});
    const listed = async () => Object.fromEntries((await s.listTags()).map((t) => [t.name, t.key]));
    expect(await listed()).toEqual({ Alpha: '1', Beta: '2', Gamma: '3' });
    const removal = await s.deleteTag('a');
    expect(await listed()).toEqual({ Beta: '2', Gamma: '3' });
    await s.updateTag('c', { name: 'Aardvark' });
    expect(await listed()).toEqual({ Beta: '2', Aardvark: '3' });
    for (const t of removal.previousTags) await s.restoreTag(t);
    expect(await listed()).toEqual({ Alpha: '1', Beta: '2', Aardvark: '3' });
  });
});
