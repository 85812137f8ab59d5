// The export API as the UI calls it: validated inputs, the browser download, the desktop save dialog.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportContract } from '../../../core/api/export-contract.js';
import { exportHandlers } from '../../../core/api/export-handlers.js';
import type { GlossEvent } from '../../../core/api/contract.js';
import type { HostDialogs, ServiceContext } from '../../../core/api/service-context.js';
import { AppSettings } from '../../../core/settings/app-settings.js';
import { GOV, highlight, newSession, tempDir, type TestSession } from './test-library.js';

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
    expect(parse('exportAnnotations', { format: 'xlsx' }).success).toBe(false);
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
    expect(out.fileName).toMatch(/^我的库-annotations-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(out.mimeType).toBe('text/csv;charset=utf-8');
    expect(out.content.startsWith('\uFEFFannotation_id')).toBe(true);
    const json = await handlers.exportAnnotations(asText({ format: 'json' }));
    expect(JSON.parse(json.content).generator).toEqual({ type: 'Software', name: 'Gloss', version: '9.9.9' });
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
