// `gloss import DIR FILE.qdpx|FILE.qdc` (in process), and a .qdc codebook merged by name path.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCommand } from '../../../cli/commands/import.js';
import type { CommandOutput } from '../../../cli/commands/export.js';
import { importCodebookFile } from '../../../core/interop/import/import-codebook.js';
import { articleText, highlightsOf, newLibrary, openSession, tempDir } from './import-library.js';
import { buildQdpx } from './qdpx-fixtures.js';

function capture(): CommandOutput & { out: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stdout: sink, stderr: sink, out: () => chunks.join('') };
}

let savedDataDir: string | undefined;
beforeEach(async () => {
  savedDataDir = process.env.GLOSS_DATA_DIR;
  process.env.GLOSS_DATA_DIR = await tempDir();
});
afterEach(() => {
  if (savedDataDir === undefined) delete process.env.GLOSS_DATA_DIR;
  else process.env.GLOSS_DATA_DIR = savedDataDir;
});

const USER = '1f0e0000-0000-4000-8000-000000000001';
const CODE = 'c0de0000-0000-4000-8000-000000000001';

const codebook = (codes: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA 2024"><Codes>${codes}</Codes></CodeBook>`;

describe('gloss import with a REFI-QDA file', () => {
  it('imports a .qdpx, reports it, and changes nothing the second time', async () => {
    const root = await newLibrary();
    const probe = await openSession(root);
    const gov = await articleText(probe, 'news/gov.html');
    await probe.close();
    const bytes = buildQdpx('qualcoder', {
      name: 'Thesis',
      users: [{ guid: USER, name: '李老师' }],
      codes: [{ guid: CODE, name: '就业', color: '#009E73' }],
      sources: [
        {
          guid: '50c0e000-0000-4000-8000-000000000001',
          name: 'gov.txt',
          text: gov.text,
          selections: [
            {
              guid: '5e1e0000-0000-4000-8000-000000000001',
              quote: '城镇新增就业',
              codes: [CODE],
              user: USER,
            },
          ],
        },
      ],
    });
    // The extension says what it is, whatever the name: here none at all (by content).
    const file = path.join(await tempDir(), 'thesis-export');
    await writeFile(file, bytes);

    const dry = capture();
    await importCommand(root, file, dry, undefined, true);
    expect(dry.out()).toMatch(/^Would import thesis-export \(Thesis, from QualCoder 3\.6\)/);
    expect(dry.out()).toMatch(/placed +1/);

    const first = capture();
    await importCommand(root, file, first);
    expect(first.out()).toMatch(/^Imported thesis-export/);
    expect(first.out()).toMatch(/tags created +1: 就业/);
    expect(first.out()).toMatch(/coders +李老师/);
    expect(first.out()).toMatch(/highlights written 1/);

    const second = capture();
    await importCommand(root, file, second);
    expect(second.out()).toMatch(/highlights written 0/);
    expect(second.out()).toMatch(/tags created +0/);

    const session = await openSession(root);
    const highlights = await highlightsOf(session, gov.id);
    expect(highlights.map((h) => [h.quote, h.coder, h.tags])).toEqual([['城镇新增就业', '李老师', ['就业']]]);
  });

  it('imports a .qdc codebook by name path', async () => {
    const root = await newLibrary();
    const file = path.join(await tempDir(), 'book.qdc');
    await writeFile(
      file,
      '\uFEFF' +
        codebook(
          `<Code guid="${CODE}" name="经济" isCodable="true" color="#e69f00"><Code guid="c0de0000-0000-4000-8000-000000000002" name="增长" isCodable="true"/></Code>`,
        ),
    );
    const out = capture();
    await importCommand(root, file, out);
    expect(out.out()).toMatch(/tags created +2: 经济, 经济\/增长/);
    const session = await openSession(root);
    const tags = await session.annotations.listTags();
    expect(tags.map((t) => [t.name, t.color])).toEqual([
      ['经济', '#E69F00'],
      ['增长', expect.stringMatching(/^#[0-9A-F]{6}$/)],
    ]);
  });
});

describe('a .qdc codebook', () => {
  it('merges by name path: existing tags keep theirs, missing ones are created, odd names renamed and reported', async () => {
    const session = await openSession(await newLibrary());
    const economy = await session.annotations.createTag({
      name: '经济',
      color: '#111111',
      description: 'mine',
    });
    const xml = codebook(
      `<Code guid="${CODE}" name=" 经济 " isCodable="false" color="#E69F00"><Description>theirs</Description>` +
        `<Code guid="c0de0000-0000-4000-8000-000000000002" name="增长/衰退" isCodable="true"/></Code>` +
        `<Code guid="c0de0000-0000-4000-8000-000000000003" name="" isCodable="true"/>`,
    );
    const file = { bytes: new TextEncoder().encode(xml), fileName: 'book.qdc' };

    const dry = await importCodebookFile(session.annotations, file, { dryRun: true });
    expect((await session.annotations.listTags()).map((t) => t.name)).toEqual(['经济']);

    const report = await importCodebookFile(session.annotations, file, { dryRun: false });
    expect({ ...dry, dryRun: false }).toEqual(report);
    expect(report.existing).toEqual(['经济']);
    expect(report.created).toEqual(['经济/增长／衰退', '(unnamed code)']);
    expect(report.renamed).toEqual([
      { from: ' 经济 ', to: '经济' },
      { from: '增长/衰退', to: '增长／衰退' },
      { from: '', to: '(unnamed code)' },
    ]);
    const tags = await session.annotations.listTags();
    // The library's tag keeps its colour and description.
    expect(tags.find((t) => t.id === economy.id)).toMatchObject({ color: '#111111', description: 'mine' });
    expect(tags.find((t) => t.name === '增长／衰退')?.parentId).toBe(economy.id);

    const again = await importCodebookFile(session.annotations, file, { dryRun: false });
    expect(again.created).toEqual([]);
    expect(await session.annotations.listTags()).toHaveLength(3);
  });

  it('says what is wrong with a file that is not a codebook', async () => {
    const session = await openSession(await newLibrary());
    const file = (text: string) => ({ bytes: new TextEncoder().encode(text), fileName: 'x.qdc' });
    await expect(
      importCodebookFile(session.annotations, file('<Other/>'), { dryRun: false }),
    ).rejects.toThrow(/no REFI-QDA codebook/);
    await expect(
      importCodebookFile(session.annotations, file('<CodeBook><Codes>'), { dryRun: false }),
    ).rejects.toThrow(/not well-formed/);
  });
});
