// The codebook shared by several coders: each records stamped changes in its own file, and every
// reader merges all files into the same tag tree, with concurrent edits reported, never lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTag, deleteTag, mergeTags, updateTag } from '../../../core/store/codebook.js';
import { emptyCodebook, type CodebookFile } from '../../../core/store/store-schema.js';
import { setOwn } from '../../../core/own-keys.js';
import { HlcClock, parseStamp } from '../../../core/teams/hlc.js';
import {
  fromLegacyCodebook,
  mergeCodebooks,
  readWriterCodebook,
  writerCodebookSchema,
} from '../../../core/teams/writer-codebook.js';
import { Replica } from './codebook-replica.js';

let time = 1_764_000_000_000;
const now = (): number => ++time;

function pair(): [Replica, Replica] {
  return [new Replica('ana.aaaaaaaa', now), new Replica('bo.bbbbbbbb', now)];
}

function exchange(...replicas: Replica[]): void {
  for (const from of replicas) for (const to of replicas) to.receive(from.publish());
}

const names = (book: CodebookFile): string[] => book.tags.map((t) => t.name);

describe('merging writers’ codebooks', () => {
  it('shows one writer’s tags, renamed by another, in creation order', () => {
    const [ana, bo] = pair();
    ana.edit((b) => createTag(b, { name: '经济' }, 'econ'));
    ana.edit((b) => createTag(b, { name: '增长', parentId: 'econ' }, 'growth'));
    exchange(ana, bo);
    bo.edit((b) => updateTag(b, 'econ', { name: 'Economy', color: '#0072b2' }));
    exchange(ana, bo);
    for (const r of [ana, bo]) {
      const { view, conflicts } = r.merged();
      expect(names(view)).toEqual(['Economy', '增长']);
      expect(view.tags[0]!.color).toBe('#0072B2');
      expect(view.tags[1]!.parentId).toBe('econ');
      expect(conflicts).toEqual([]);
    }
  });

  it('lets the later of two concurrent renames win and reports the other, until someone decides', () => {
    const [ana, bo] = pair();
    ana.edit((b) => createTag(b, { name: 'Policy' }, 'p'));
    exchange(ana, bo);
    ana.edit((b) => updateTag(b, 'p', { name: 'Public policy' }));
    bo.edit((b) => updateTag(b, 'p', { name: 'Government policy' }));
    exchange(ana, bo);
    const { view, conflicts } = ana.merged();
    expect(names(view)).toEqual(['Government policy']);
    expect(conflicts).toEqual([
      {
        kind: 'field',
        tagId: 'p',
        field: 'name',
        winner: expect.objectContaining({ writerId: 'bo.bbbbbbbb', value: 'Government policy' }),
        losers: [expect.objectContaining({ writerId: 'ana.aaaaaaaa', value: 'Public policy' })],
      },
    ]);
    expect(bo.merged()).toEqual(ana.merged());
    // Ana has now seen Bo's name and chooses her own again: a decision, not a conflict.
    ana.edit((b) => updateTag(b, 'p', { name: 'Public policy' }));
    exchange(ana, bo);
    expect(names(bo.merged().view)).toEqual(['Public policy']);
    expect(bo.merged().conflicts).toEqual([]);
  });

  it('puts a sub-tag made under a parent deleted meanwhile at the top, not under a ghost', () => {
    const [ana, bo] = pair();
    ana.edit((b) => createTag(b, { name: 'Frames' }, 'frames'));
    exchange(ana, bo);
    ana.edit((b) => deleteTag(b, 'frames'));
    bo.edit((b) => createTag(b, { name: 'Conflict frame', parentId: 'frames' }, 'cf'));
    exchange(ana, bo);
    const { view } = ana.merged();
    expect(view.tags).toEqual([expect.objectContaining({ id: 'cf', parentId: null })]);
    expect(view.retired).toEqual({ frames: null });
  });

  it('moves sub-tags of a tag merged meanwhile under the tag it was merged into', () => {
    const [ana, bo] = pair();
    ana.edit((b) => createTag(b, { name: 'Econ' }, 'econ'));
    ana.edit((b) => createTag(b, { name: 'Economy' }, 'economy'));
    exchange(ana, bo);
    ana.edit((b) => mergeTags(b, 'econ', 'economy'));
    bo.edit((b) => createTag(b, { name: 'Jobs', parentId: 'econ' }, 'jobs'));
    exchange(ana, bo);
    const { view } = bo.merged();
    expect(view.tags.find((t) => t.id === 'jobs')!.parentId).toBe('economy');
    expect(view.retired).toEqual({ econ: 'economy' });
  });

  it('breaks a loop of concurrent merges, keeping one tag and reporting it', () => {
    const [ana, bo] = pair();
    ana.edit((b) => createTag(b, { name: 'A' }, 'a'));
    ana.edit((b) => createTag(b, { name: 'B' }, 'b'));
    exchange(ana, bo);
    ana.edit((b) => mergeTags(b, 'a', 'b'));
    bo.edit((b) => mergeTags(b, 'b', 'a'));
    exchange(ana, bo);
    const { view, conflicts } = ana.merged();
    expect(view.tags).toHaveLength(1);
    const kept = view.tags[0]!.id;
    const gone = kept === 'a' ? 'b' : 'a';
    expect(view.retired).toEqual({ [gone]: kept });
    expect(conflicts).toContainEqual({ kind: 'merge-cycle', tagId: kept, tagIds: ['a', 'b'] });
  });

  it('breaks a loop of concurrent moves by putting the later-moved tag at the top', () => {
    const [ana, bo] = pair();
    ana.edit((b) => createTag(b, { name: 'A' }, 'a'));
    ana.edit((b) => createTag(b, { name: 'B' }, 'b'));
    exchange(ana, bo);
    ana.edit((b) => updateTag(b, 'a', { parentId: 'b' }));
    bo.edit((b) => updateTag(b, 'b', { parentId: 'a' })); // later stamp
    exchange(ana, bo);
    const { view, conflicts } = ana.merged();
    expect(view.tags.map((t) => [t.id, t.parentId])).toEqual([
      ['a', 'b'],
      ['b', null],
    ]);
    expect(conflicts).toContainEqual({ kind: 'parent-cycle', tagId: 'b', tagIds: ['a', 'b'] });
  });

  it('keeps both of two tags created with one name at the same time, and reports them', () => {
    const [ana, bo] = pair();
    ana.edit((b) => createTag(b, { name: 'Media' }, 'm1'));
    bo.edit((b) => createTag(b, { name: 'media' }, 'm2'));
    exchange(ana, bo);
    const { view, conflicts } = bo.merged();
    expect(view.tags.map((t) => t.id)).toEqual(['m1', 'm2']);
    expect(conflicts).toEqual([{ kind: 'duplicate-name', parentId: null, tagIds: ['m1', 'm2'] }]);
  });

  it('waits for a tag’s creation before showing edits of it that arrived first', () => {
    const [ana, bo] = pair();
    const carol = new Replica('carol.cccccccc', now);
    ana.edit((b) => createTag(b, { name: 'Source' }, 's'));
    exchange(ana, bo);
    bo.edit((b) => updateTag(b, 's', { description: 'who is quoted' }));
    carol.receive(bo.publish());
    expect(carol.merged().view.tags).toEqual([]);
    carol.receive(ana.publish());
    expect(carol.merged().view.tags).toEqual([
      { id: 's', name: 'Source', parentId: null, color: expect.any(String), description: 'who is quoted' },
    ]);
  });

  it('restores a deleted tag completely when its deletion is undone', () => {
    const [ana] = pair();
    ana.edit((b) => createTag(b, { name: 'Tone', color: '#009E73' }, 't'));
    const original = ana.merged().view.tags[0]!;
    ana.edit((b) => deleteTag(b, 't'));
    expect(ana.merged().view).toEqual({ ...emptyCodebook(), retired: { t: null } });
    ana.edit((b) => {
      b.tags.push(original);
      delete b.retired.t;
    });
    expect(ana.merged().view).toEqual({ ...emptyCodebook(), tags: [original] });
  });

  it('settles the same way everywhere when one writer id on two machines edits at the same instant', () => {
    const fixed = () => 1_764_000_000_000;
    const laptop = new Replica('ana.aaaaaaaa', fixed, 'laptop');
    const desktop = new Replica('ana.aaaaaaaa', fixed, 'desktop');
    laptop.edit((b) => createTag(b, { name: 'Tone' }, 't'));
    exchange(laptop, desktop);
    laptop.edit((b) => updateTag(b, 't', { name: 'Mood' }));
    desktop.edit((b) => updateTag(b, 't', { name: 'Voice' }));
    // Same writer, same millisecond, same counter: the stamps are equal, the values are not.
    expect(laptop.own.tags.t!.fields.name!.stamp).toBe(desktop.own.tags.t!.fields.name!.stamp);
    exchange(laptop, desktop);
    expect(laptop.merged()).toEqual(desktop.merged());
    expect(names(laptop.merged().view)).toEqual(['Voice']);
    expect(laptop.merged().conflicts).toEqual([
      expect.objectContaining({ field: 'name', losers: [expect.objectContaining({ value: 'Mood' })] }),
    ]);
  });

  it('records nothing when a rule changes nothing', () => {
    const [ana] = pair();
    ana.edit((b) => createTag(b, { name: 'X' }, 'x'));
    const own = ana.own;
    ana.edit((b) => updateTag(b, 'x', { name: 'X' }));
    expect(ana.own).toBe(own);
  });
});

describe('the legacy codebook', () => {
  it('becomes a writer book whose merged view is the same codebook, order and retired ids kept', () => {
    const legacy: CodebookFile = {
      schemaVersion: 1,
      tags: [
        { id: 'z', name: 'Zeta', parentId: null, color: '#E69F00', description: 'first' },
        { id: 'a', name: 'Alpha', parentId: 'z', color: '#56B4E9', description: '', key: 3 } as never,
      ],
      retired: { old: 'a', gone: null },
    };
    const clock = new HlcClock('ana.aaaaaaaa', () => 5);
    const book = fromLegacyCodebook(legacy, 'ana.aaaaaaaa', clock);
    expect(Object.keys(book.tags)).toEqual(['z', 'a', 'old', 'gone']);
    for (const entry of Object.values(book.tags)) expect(parseStamp(entry.created)).not.toBeNull();
    expect(mergeCodebooks([book]).view).toEqual(legacy);
  });
});

describe('reading a writer codebook from disk', () => {
  const stamp = '001764000000000:0000:bo.bbbbbbbb';
  const field = (value: unknown) => ({ value, stamp, seen: null });

  it('drops a bad tag entry or field with a message naming where, and keeps the rest', () => {
    const raw = JSON.parse(
      JSON.stringify({
        schemaVersion: 1,
        writerId: 'bo.bbbbbbbb',
        extra: 'kept',
        tags: {
          good: {
            created: stamp,
            fields: { name: field('Good'), color: field('#E69F00'), future: field([1]) },
          },
          badStamp: { created: 'yesterday', fields: {} },
          badField: {
            created: stamp,
            fields: { name: field(''), color: field('#E69F00'), parentId: field(7) },
          },
          notAnObject: 'x',
        },
      }),
    );
    const read = readWriterCodebook(raw);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Object.keys(read.book.tags)).toEqual(['good', 'badField']);
    expect(Object.keys(read.book.tags.badField!.fields)).toEqual(['color']);
    expect(read.book.tags.good!.fields.future!.value).toEqual([1]);
    expect((read.book as unknown as { extra: string }).extra).toBe('kept');
    expect(read.problems).toHaveLength(4);
    expect(read.problems.join('\n')).not.toContain('yesterday');
    expect(writerCodebookSchema.safeParse(raw).success).toBe(true);
  });

  it('keeps a tag id like __proto__ as a plain key', () => {
    const raw = JSON.parse(
      `{"schemaVersion":1,"writerId":"bo.bbbbbbbb","tags":{"__proto__":{"created":"${stamp}","fields":{"name":${JSON.stringify(field('P'))},"color":${JSON.stringify(field('#E69F00'))}}}}}`,
    );
    const read = readWriterCodebook(raw);
    expect(read.ok && Object.hasOwn(read.book.tags, '__proto__')).toBe(true);
    if (read.ok) expect(mergeCodebooks([read.book]).view.tags.map((t) => t.id)).toEqual(['__proto__']);
  });

  it('survives any damage to entries: keeps every untouched one and merges what is left', () => {
    const legacy: CodebookFile = {
      ...emptyCodebook(),
      tags: [
        { id: 'a', name: 'A', parentId: null, color: '#E69F00', description: '' },
        { id: 'b', name: 'B', parentId: 'a', color: '#56B4E9', description: 'x' },
        { id: 'c', name: 'C', parentId: 'b', color: '#009E73', description: '' },
      ],
      retired: { d: 'a' },
    };
    const good = fromLegacyCodebook(legacy, 'bo.bbbbbbbb', new HlcClock('bo.bbbbbbbb', () => 9));
    const damage = fc.record({
      tag: fc.constantFrom('a', 'b', 'c', 'd', '__proto__', 'new'),
      field: fc.option(fc.constantFrom('name', 'parentId', 'color', 'deleted', 'mergedInto', 'created', 'x')),
      value: fc.jsonValue(),
    });
    fc.assert(
      fc.property(fc.array(damage, { maxLength: 4 }), (damages) => {
        const raw = JSON.parse(JSON.stringify(good)) as { tags: Record<string, Record<string, unknown>> };
        const touched = new Set<string>();
        for (const d of damages) {
          touched.add(d.tag);
          const entry = Object.hasOwn(raw.tags, d.tag) ? raw.tags[d.tag] : undefined;
          const fields = entry?.fields;
          if (d.field === null || typeof fields !== 'object' || fields === null) {
            setOwn(raw.tags, d.tag, d.value as never);
          } else if (d.field === 'created') entry!.created = d.value;
          else setOwn(fields as Record<string, unknown>, d.field, d.value);
        }
        const read = readWriterCodebook(raw);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        for (const id of ['a', 'b', 'c', 'd']) {
          if (!touched.has(id)) expect(read.book.tags[id]).toEqual(good.tags[id]);
        }
        const { view } = mergeCodebooks([read.book]);
        for (const t of view.tags)
          expect(t.parentId === null || view.tags.some((p) => p.id === t.parentId)).toBe(true);
      }),
    );
  });

  it('refuses what is not a writer codebook at all', () => {
    for (const raw of [
      null,
      [],
      { schemaVersion: 2, writerId: 'bo.b', tags: {} },
      { schemaVersion: 1, writerId: 'Bo', tags: {} },
      { schemaVersion: 1, writerId: 'bo.b', tags: [] },
    ]) {
      const read = readWriterCodebook(raw);
      expect(read.ok).toBe(false);
      expect(writerCodebookSchema.safeParse(raw).success).toBe(false);
    }
  });
});
