// Files that sync tools leave in a writer folder: live files stay live, conflict copies are traced
// back to their live file, temp files are ignored, and no name makes the classifier throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleFileName } from '../../../core/store/store-layout.js';
import { classifySyncFile } from '../../../core/teams/sync-files.js';

const liveName = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,99}\.json$/),
  fc.string().map((id) => articleFileName(`https://example.com/${id}`)),
);
const stemOf = (name: string) => name.slice(0, -'.json'.length);

/** Writers' names as they appear in copies: any script, odd spacing, apostrophes of both kinds. */
const person = fc.oneof(
  fc.constantFrom('Ana', '李 伟', 'José  María', 'Zoë\u00a0K', 'O’Brien', ''),
  fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !/[()]/.test(s)),
);
const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true });
const ymd = (d: Date) => d.toISOString().slice(0, 10);
const compact = (d: Date) => d.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/** Copy names each tool makes of a live file, built from the tool's documented pattern. */
const copyOf: Record<string, (base: string) => fc.Arbitrary<string>> = {
  syncthing: (base) =>
    fc
      .tuple(date, fc.stringMatching(/^[A-Z2-7]{7}$/))
      .map(([d, device]) => `${stemOf(base)}.sync-conflict-${compact(d)}-${device}.json`),
  dropbox: (base) =>
    fc
      .tuple(person, date, fc.constantFrom("'s", '’s'), fc.option(fc.integer({ min: 1, max: 9 })))
      .map(([who, d, s, n]) =>
        who.trim()
          ? `${stemOf(base)} (${who}${s} conflicted copy ${ymd(d)}${n ? ` (${n})` : ''}).json`
          : `${stemOf(base)} (conflicted copy ${ymd(d)}).json`,
      ),
  nextcloud: (base) =>
    date.map((d) => `${stemOf(base)} (conflicted copy ${ymd(d)} ${compact(d).slice(9)}).json`),
  dropboxChinese: (base) => person.map((who) => `${stemOf(base)} (${who} 的冲突副本).json`),
  duplicate: (base) =>
    fc
      .tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom(' ', '', '  '))
      .map(([n, sp]) => `${stemOf(base)}${sp}(${n}).json`),
  onedrive: (base) =>
    fc.constantFrom('DESKTOP-7Q2K1LM', 'MacBook-Pro', 'LAPTOP').map((m) => `${stemOf(base)}-${m}.json`),
};

describe('classifySyncFile', () => {
  it('names real-world examples', () => {
    const cases: [string, ReturnType<typeof classifySyncFile>][] = [
      ['p-abc.json', { kind: 'live' }],
      ['codebook.json', { kind: 'live' }],
      ['p-abc.sync-conflict-20261203-121314-ABCDEFG.json', { kind: 'conflict-copy', base: 'p-abc.json' }],
      ["p-abc (Ana Lí's conflicted copy 2026-12-03).json", { kind: 'conflict-copy', base: 'p-abc.json' }],
      ['p-abc (conflicted copy 2026-12-03 121314).json', { kind: 'conflict-copy', base: 'p-abc.json' }],
      ['p-abc (1).json', { kind: 'conflict-copy', base: 'p-abc.json' }],
      ['p-abc (1) (1).json', { kind: 'conflict-copy', base: 'p-abc.json' }],
      ['p-abc - Copy.json', { kind: 'conflict-copy', base: 'p-abc.json' }],
      [
        'codebook.sync-conflict-20261203-121314-ABCDEFG.json',
        { kind: 'conflict-copy', base: 'codebook.json' },
      ],
      ['.syncthing.p-abc.json.tmp', { kind: 'sync-temp' }],
      ['~syncthing~p-abc.json.tmp', { kind: 'sync-temp' }],
      ['.p-abc.json.4242.0a1b2c3d.tmp', { kind: 'sync-temp' }],
      ['~$p-abc.json', { kind: 'sync-temp' }],
      ['.p-abc.json.icloud', { kind: 'sync-temp' }],
      ['.~lock.p-abc.json#', { kind: 'sync-temp' }],
      ['p-abc.corrupt-2026-12-03T12-00-00-000Z.json', { kind: 'other' }],
      ['P-ABC (1).json', { kind: 'other' }],
      ['notes (1).txt', { kind: 'other' }],
      ['.DS_Store', { kind: 'other' }],
      ['', { kind: 'other' }],
    ];
    for (const [name, kind] of cases) expect([name, classifySyncFile(name)]).toEqual([name, kind]);
  });

  it('never calls a live article file anything but live', () => {
    fc.assert(
      fc.property(liveName, (name) => {
        expect(classifySyncFile(name)).toEqual({ kind: 'live' });
      }),
    );
  });

  for (const [tool, copy] of Object.entries(copyOf)) {
    it(`traces a ${tool} copy back to its live file`, () => {
      fc.assert(
        fc.property(
          liveName.chain((base) => copy(base).map((name) => [base, name] as const)),
          ([base, name]) => {
            expect(classifySyncFile(name)).toEqual({ kind: 'conflict-copy', base });
          },
        ),
      );
    });
  }

  it('ignores the temp files of every tool for any live file', () => {
    const temp = liveName.chain((base) =>
      fc.constantFrom(
        `.syncthing.${base}.tmp`,
        `~syncthing~${base}.tmp`,
        `~$${base}`,
        `.${base}.icloud`,
        `.~lock.${base}#`,
      ),
    );
    fc.assert(
      fc.property(temp, (name) => {
        expect(classifySyncFile(name)).toEqual({ kind: 'sync-temp' });
      }),
    );
  });

  it('takes any string without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        const c = classifySyncFile(name);
        if (c.kind === 'conflict-copy') expect(classifySyncFile(c.base)).toEqual({ kind: 'live' });
      }),
    );
  });
});
