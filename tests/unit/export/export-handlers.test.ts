// The export API as the UI calls it: validated inputs, the browser download, the desktop save dialog.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportContract } from '../../../core/api/export-contract.js';
import { exportHandlers } from '../../../core/api/export-handlers.js';
import type { GlossEvent } from '../../../core/api/contract.js';
import type { HostDialogs, ServiceContext } from '../../../core/api/service-context.js';
import { AppSettings } from '../../../core/settings/app-settings.js';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  datedLibrarySession,
  GOV,
  highlight,
  newSession,
  tempDir,
  type TestSession,
} from './test-library.js';

async function context(session: TestSession | null, dialogs: HostDialogs | null, events: GlossEvent[] = []) {
  const appDataDir = await tempDir();
  const ctx: ServiceContext = {
    host: dialogs ? 'desktop' : 'browser',
    version: '9.9.9',
    appDataDir,
    settings: await AppSettings.load(appDataDir),
    emit: (e) => events.push(e),
    session: session && {
      info: {
        root: session.root,
        name: '我的库',
        dataDir: '',
        dataDirFallback: false,
        loadRemoteImages: false,
      },
      library: session.library,
      annotations: session.annotations,
      close: () => session.close(),
    },
    watch: false,
    dialogs,
    coderName: null,
  };
  return ctx;
}

function fakeDialogs(saveAs: string | null) {
  const shown: string[] = [];
  const dialogs: HostDialogs = {
    pickFolder: async () => null,
    pickSaveFile: async () => saveAs,
    showInFolder: (p) => void shown.push(p),
  };
  return { dialogs, shown };
}

const parse = <K extends keyof typeof exportContract>(name: K, input: unknown) =>
  exportContract[name].input.safeParse(input);
/** Inputs as the dispatcher hands them to the handlers: validated, defaults filled in. */
const asText = (input: unknown) => exportContract.exportAnnotations.input.parse(input);
const asFile = (input: unknown) => exportContract.exportAnnotationsToFile.input.parse(input);

describe('export API', () => {
  it('validates its inputs strictly and fills in the defaults', () => {
    expect(parse('exportAnnotations', { format: 'csv' })).toMatchObject({
      success: true,
      data: { format: 'csv', scope: { kind: 'library' }, layout: 'wide', context: 100, bom: true },
    });
    expect(parse('exportAnnotations', { format: 'pdf' }).success).toBe(false);
    expect(parse('exportAnnotations', { format: 'csv', extra: 1 }).success).toBe(false);
    expect(parse('exportAnnotations', { format: 'csv', context: -1 }).success).toBe(false);
    expect(parse('exportAnnotations', { format: 'csv', context: 'sentence' }).success).toBe(true);
    expect(
      parse('exportAnnotations', { format: 'csv', scope: { kind: 'filter', from: '5 March' } }).success,
    ).toBe(false);
    expect(parse('exportAnnotations', { format: 'csv', scope: { kind: 'article' } }).success).toBe(false);
    expect(parse('importAnnotations', { json: '' }).success).toBe(false);
  });

  it('returns the file for the browser to download', async () => {
    const session = await newSession();
    await highlight(session, GOV, '国务院总理');
    const handlers = exportHandlers(await context(session, null));
    const out = await handlers.exportAnnotations(asText({ format: 'csv' }));
    expect(out.fileName).toMatch(/^我的库-annotations-\d{4}-\d{2}-\d{2}-wide\.csv$/);
    expect(out.mimeType).toBe('text/csv;charset=utf-8');
    expect(out.content.startsWith('\uFEFFannotation_id')).toBe(true);
    const json = await handlers.exportAnnotations(asText({ format: 'json' }));
    expect(JSON.parse(json.content).generator).toEqual({ type: 'Software', name: 'Gloss', version: '9.9.9' });
  });

  it('hands a workbook to the browser as base64 bytes, and saves it to a file as bytes', async () => {
    const session = await newSession();
    await highlight(session, GOV, '国务院总理');
    const handlers = exportHandlers(await context(session, null));
    const out = await handlers.exportAnnotations(asText({ format: 'xlsx' }));
    expect(out.fileName).toMatch(/^我的库-annotations-\d{4}-\d{2}-\d{2}-wide\.xlsx$/);
    expect(out.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(out.encoding).toBe('base64');
    const bytes = Buffer.from(out.content, 'base64');
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    // Text formats stay text.
    expect((await handlers.exportAnnotations(asText({ format: 'csv' }))).encoding).toBeUndefined();

    const target = path.join(await tempDir(), 'out.xlsx');
    const desktop = exportHandlers(await context(session, fakeDialogs(target).dialogs));
    expect(await desktop.exportAnnotationsToFile(asFile({ format: 'xlsx' }))).toEqual({
      path: target,
      rows: 1,
    });
    const saved = await readFile(target);
    expect(saved.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(saved.length).toBeGreaterThan(3000);
  });

  it('saves through the desktop dialog, atomically, and may save again to the chosen file', async () => {
    const session = await newSession();
    await highlight(session, GOV, '国务院总理');
    await highlight(session, GOV, '国内生产总值');
    const target = path.join(await tempDir(), 'out.csv');
    const { dialogs, shown } = fakeDialogs(target);
    const handlers = exportHandlers(await context(session, dialogs));
    const input = asFile({ format: 'csv', layout: 'tidy' });

    expect(await handlers.exportAnnotationsToFile(input)).toEqual({ path: target, rows: 2 });
    const written = await readFile(target, 'utf8');
    expect(written.startsWith('\uFEFFannotation_id')).toBe(true);
    expect(await handlers.exportAnnotationsToFile({ ...input, path: target })).toEqual({
      path: target,
      rows: 2,
    });
    await expect(handlers.exportAnnotationsToFile({ ...input, path: '/etc/passwd' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(await handlers.showInFolder({ path: target })).toEqual({ shown: true });
    expect(shown).toEqual([target]);
    await expect(handlers.showInFolder({ path: '/etc' })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('returns null when the dialog is cancelled, and refuses file saving without dialogs', async () => {
    const session = await newSession();
    const input = asFile({ format: 'md' });
    expect(
      await exportHandlers(await context(session, fakeDialogs(null).dialogs)).exportAnnotationsToFile(input),
    ).toBe(null);
    await expect(
      exportHandlers(await context(session, null)).exportAnnotationsToFile(input),
    ).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('imports a JSON export and tells the UI what changed', async () => {
    const source = await newSession();
    const tag = await source.annotations.createTag({ name: '经济' });
    await highlight(source, GOV, '国务院总理', { tagIds: [tag.id] });
    const { content } = await exportHandlers(await context(source, null)).exportAnnotations(
      asText({ format: 'json' }),
    );
    const events: GlossEvent[] = [];
    const target = await newSession();
    const handlers = exportHandlers(await context(target, null, events));
    expect(await handlers.importAnnotations({ json: content })).toMatchObject({
      added: 1,
      tagsCreated: ['经济'],
    });
    expect(events).toEqual([{ type: 'tags-changed' }, { type: 'annotations-changed', articleId: null }]);
  });

  it('needs an open library', async () => {
    const handlers = exportHandlers(await context(null, null));
    await expect(handlers.exportAnnotations(asText({ format: 'csv' }))).rejects.toMatchObject({
      code: 'no-library',
    });
  });
});

describe('export API: filters and file names', () => {
  /** The dated library coded with a nested codebook: 政策 › 货币 on two articles, 市场 on one. */
  async function coded() {
    const session = await datedLibrarySession();
    const policy = await session.annotations.createTag({ name: '政策' });
    const money = await session.annotations.createTag({ name: '货币', parentId: policy.id });
    const market = await session.annotations.createTag({ name: '市场' });
    await highlight(session, 'cn-zoned', '此举将释放长期资金约一万亿元。', { tagIds: [money.id] });
    await highlight(session, 'cn-naive', '其中税收收入增长较快？', { tagIds: [policy.id] });
    await highlight(session, 'en-gmt', 'Investors bet that rates would fall soon.', { tagIds: [market.id] });
    await highlight(session, 'en-day', 'Shipping costs eased.', { tagIds: [money.id] });
    return { session, policy, money, market, handlers: exportHandlers(await context(session, null)) };
  }

  const rowsOf = (content: string) =>
    parseCsv(content, { bom: true, columns: true }) as Record<string, string>[];

  it('counts and exports by tag with its sub-tags, folder and dates together', async () => {
    const { policy, handlers } = await coded();
    const scope = {
      kind: 'filter' as const,
      tagIds: [policy.id],
      folder: '政策',
      from: '2024-03-01',
      to: '2024-03-31',
    };
    expect(await handlers.countExport({ scope })).toEqual({ highlights: 2, articles: 2 });
    const out = await handlers.exportAnnotations(asText({ format: 'csv', scope }));
    expect(
      rowsOf(out.content)
        .map((r) => r.article_id)
        .sort(),
    ).toEqual(['cn-naive', 'cn-zoned']);
    // The dates narrow it further: only the article of April outside 政策 had 货币 too.
    const april = { kind: 'filter' as const, tagIds: [policy.id], from: '2024-04-01' };
    expect(await handlers.countExport({ scope: april })).toEqual({ highlights: 1, articles: 1 });
    const sub = { kind: 'filter' as const, folder: '政策/地方' };
    expect(await handlers.countExport({ scope: sub })).toEqual({ highlights: 1, articles: 1 });
  });

  it('refuses a filter that matches nothing with a clear message instead of an empty file', async () => {
    const { market, handlers } = await coded();
    const scope = { kind: 'filter' as const, tagIds: [market.id], folder: '政策' };
    expect(await handlers.countExport({ scope })).toEqual({ highlights: 0, articles: 0 });
    for (const format of ['csv', 'json', 'md', 'xlsx', 'qdpx'] as const) {
      await expect(handlers.exportAnnotations(asText({ format, scope }))).rejects.toMatchObject({
        code: 'not-found',
        message: expect.stringContaining('No highlights match this filter'),
      });
    }
    // The whole library is never "nothing matches", even with no highlights.
    const empty = exportHandlers(await context(await newSession(), null));
    expect((await empty.exportAnnotations(asText({ format: 'csv' }))).content).toContain('annotation_id');
  });

  it('names each file by what it holds: format, and layout for tables', async () => {
    const { handlers } = await coded();
    const name = async (input: object) => (await handlers.exportAnnotations(asText(input))).fileName;
    const day = String.raw`\d{4}-\d{2}-\d{2}`;
    expect(await name({ format: 'csv', layout: 'wide' })).toMatch(
      new RegExp(`^我的库-annotations-${day}-wide\\.csv$`),
    );
    expect(await name({ format: 'csv', layout: 'tidy' })).toMatch(
      new RegExp(`^我的库-annotations-${day}-tidy\\.csv$`),
    );
    expect(await name({ format: 'xlsx', layout: 'tidy' })).toMatch(
      new RegExp(`-annotations-${day}-tidy\\.xlsx$`),
    );
    expect(await name({ format: 'json' })).toMatch(new RegExp(`-annotations-${day}\\.json$`));
    expect(await name({ format: 'md' })).toMatch(new RegExp(`-annotations-${day}\\.md$`));
    expect(await name({ format: 'qdpx' })).toMatch(new RegExp(`-project-${day}\\.qdpx$`));
    expect(await name({ format: 'qdc' })).toMatch(new RegExp(`-codebook-${day}\\.qdc$`));
  });
});
