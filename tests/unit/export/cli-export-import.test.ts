// `gloss export` and `gloss import`, run in-process on a library annotated through the store.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { exportCommand, parseContextOption, type CommandOutput } from '../../../cli/commands/export.js';
import { importCommand } from '../../../cli/commands/import.js';
import {
  BLOG,
  copyLibrary,
  GOV,
  highlight,
  openTestSession,
  tempDir,
  useTempAppData,
} from './test-library.js';

function capture(): CommandOutput & { out: () => string; err: () => string } {
  const chunks = { out: [] as string[], err: [] as string[] };
  const sink = (into: string[]) =>
    new Writable({
      write(chunk: Buffer | string, _enc, done) {
        into.push(chunk.toString());
        done();
      },
    });
  return {
    stdout: sink(chunks.out),
    stderr: sink(chunks.err),
    out: () => chunks.out.join(''),
    err: () => chunks.err.join(''),
  };
}

useTempAppData();

/** A library with a tag tree and three highlights, written to its `.gloss` folder and closed. */
async function annotatedLibrary(): Promise<string> {
  const root = await copyLibrary();
  const session = await openTestSession(root);
  const topic = await session.annotations.createTag({ name: '经济' });
  const growth = await session.annotations.createTag({ name: '增长', parentId: topic.id });
  const policy = await session.annotations.createTag({ name: '政策' });
  const other = await session.annotations.createTag({ name: '增长', parentId: policy.id }); // same name, elsewhere
  await highlight(session, GOV, '国务院总理', { tagIds: [growth.id] });
  await highlight(session, GOV, '城镇新增就业', { tagIds: [topic.id, other.id] });
  await highlight(session, BLOG, 'with a comma');
  await session.close();
  return root;
}

describe('gloss export / import', () => {
  it('streams CSV to standard output, filtered by tag path, without a BOM when asked', async () => {
    const root = await annotatedLibrary();
    const io = capture();
    await exportCommand(root, { format: 'csv', tag: ['经济'], bom: false, layout: 'tidy', context: 5 }, io);
    const raw = io.out();
    expect(raw.startsWith('annotation_id,')).toBe(true);
    const rows: Record<string, string>[] = parse(raw, { columns: true });
    expect(rows.map((r) => r.tag_paths)).toEqual(['经济/增长', '经济', '政策/增长']);
    expect(rows[0]!.context_before).toBe('5日电🚀 ');

    const byPath = capture();
    await exportCommand(root, { format: 'csv', tag: ['经济/增长'] }, byPath);
    expect(parse(byPath.out(), { bom: true, columns: true })).toHaveLength(1);
    const byName = capture();
    await exportCommand(root, { format: 'csv', tag: ['政策'] }, byName);
    expect(parse(byName.out(), { bom: true, columns: true })).toHaveLength(1);
    await expect(exportCommand(root, { format: 'csv', tag: ['增长'] }, capture())).rejects.toThrow(
      'Several tags are called "增长"; give the path instead: 经济/增长, 政策/增长',
    );
    await expect(exportCommand(root, { format: 'csv', tag: ['nope'] }, capture())).rejects.toThrow(
      /No tag "nope"/,
    );
    // A filter that matches nothing says so, and no file is written.
    const out = path.join(await tempDir(), 'none.csv');
    await expect(
      exportCommand(root, { format: 'csv', tag: ['经济'], folder: 'blog', out }, capture()),
    ).rejects.toThrow(/No highlights match this filter/);
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(exportCommand(root, { format: 'json', layout: 'tidy' }, capture())).rejects.toThrow(
      /CSV and Excel exports only/,
    );
    await expect(exportCommand(root, { format: 'xlsx', bom: false }, capture())).rejects.toThrow(
      /CSV exports only/,
    );
  });

  it('writes an Excel workbook to a file, and refuses to print one on a terminal', async () => {
    const root = await annotatedLibrary();
    const file = path.join(await tempDir(), 'export.xlsx');
    const io = capture();
    await exportCommand(root, { format: 'xlsx', out: file, layout: 'tidy' }, io);
    expect(io.err()).toBe(`Exported 4 rows to ${file}\n`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.getWorksheet('Highlights')!.rowCount).toBe(5);

    const tty = capture();
    Object.assign(tty.stdout, { isTTY: true });
    await expect(exportCommand(root, { format: 'xlsx' }, tty)).rejects.toThrow(/binary: give --out FILE/);
    // Redirected standard output takes the bytes.
    const piped: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        piped.push(chunk);
        done();
      },
    });
    await exportCommand(root, { format: 'xlsx' }, { stdout: sink, stderr: capture().stderr });
    const fromPipe = new ExcelJS.Workbook();
    await fromPipe.xlsx.load(Buffer.concat(piped) as unknown as ArrayBuffer);
    expect(fromPipe.getWorksheet('Highlights')!.rowCount).toBe(4);
  });

  it('writes JSON to a file and imports it into another copy of the library', async () => {
    const root = await annotatedLibrary();
    const file = path.join(await tempDir(), 'export.json');
    const io = capture();
    await exportCommand(root, { format: 'json', out: file }, io);
    expect(io.err()).toBe(`Exported 3 highlights to ${file}\n`);
    expect(JSON.parse(await readFile(file, 'utf8')).total).toBe(3);

    const other = await copyLibrary();
    const first = capture();
    await importCommand(other, file, first);
    expect(first.out()).toContain(`Imported ${file} into ${other}\n  added          3\n`);
    expect(first.out()).toContain('tags created   4: 经济, 政策, 经济/增长, 政策/增长');
    const second = capture();
    await importCommand(other, file, second);
    expect(second.out()).toContain('  added          0\n  updated        0\n  unchanged      3\n');

    await expect(importCommand(other, path.join(other, 'missing.json'), capture())).rejects.toThrow(
      /no such file/,
    );
  });

  it('parses --context', () => {
    expect(parseContextOption('sentence')).toBe('sentence');
    expect(parseContextOption('40')).toBe(40);
    expect(() => parseContextOption('-1')).toThrow(/number of characters/);
    expect(() => parseContextOption('ten')).toThrow(/number of characters/);
  });
});
