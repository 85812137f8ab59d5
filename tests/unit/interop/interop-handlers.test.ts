// The import API as the Import dialog calls it: a file chosen with the open dialog (desktop) or
// uploaded as base64 (browser), a dry run first, events for the UI after a real import.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GlossEvent } from '../../../core/api/contract.js';
import { interopContract } from '../../../core/api/interop-contract.js';
import { interopHandlers } from '../../../core/api/interop-handlers.js';
import type { HostDialogs, ServiceContext } from '../../../core/api/service-context.js';
import { AppSettings } from '../../../core/settings/app-settings.js';
import { articleText, newLibrary, openSession, tempDir, type TestSession } from './import-library.js';
import { buildQdpx } from './qdpx-fixtures.js';

async function context(session: TestSession, dialogs: HostDialogs | null, events: GlossEvent[]) {
  const appDataDir = await tempDir();
  const ctx: ServiceContext = {
    host: dialogs ? 'desktop' : 'browser',
    version: '9.9.9',
    appDataDir,
    settings: await AppSettings.load(appDataDir),
    emit: (e) => events.push(e),
    session: {
      info: { root: session.root, name: '库', dataDir: '', dataDirFallback: false, loadRemoteImages: false },
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

const USER = '1f0e0000-0000-4000-8000-000000000001';
const CODE = 'c0de0000-0000-4000-8000-000000000001';

async function project(session: TestSession): Promise<Uint8Array> {
  const gov = await articleText(session, 'news/gov.html');
  return buildQdpx('standard', {
    name: 'P',
    users: [{ guid: USER, name: 'Ann' }],
    codes: [{ guid: CODE, name: 'Jobs' }],
    sources: [
      {
        guid: '50c0e000-0000-4000-8000-000000000001',
        name: 'gov',
        text: gov.text,
        selections: [
          { guid: '5e1e0000-0000-4000-8000-000000000001', quote: '城镇新增就业', codes: [CODE], user: USER },
        ],
      },
    ],
  });
}

const parse = (input: unknown) => interopContract.importProject.input.parse(input);

describe('interop API', () => {
  it('takes a path or base64 bytes with a name, nothing else', () => {
    const check = (input: unknown) => interopContract.importProject.input.safeParse(input).success;
    expect(check({ path: '/x.qdpx' })).toBe(true);
    expect(check({ bytes: 'UEsDBA==', fileName: 'x.qdpx', dryRun: true })).toBe(true);
    expect(check({ bytes: 'not base64!', fileName: 'x.qdpx' })).toBe(false);
    expect(check({ bytes: 'UEsDBA==' })).toBe(false);
    expect(check({ path: '/x.qdpx', bytes: 'UEsDBA==' })).toBe(false);
    expect(parse({ path: '/x' })).toEqual({ path: '/x', dryRun: false });
  });

  it('imports uploaded bytes: a dry run changes nothing, the real import tells the UI', async () => {
    const session = await openSession(await newLibrary());
    const events: GlossEvent[] = [];
    const handlers = interopHandlers(await context(session, null, events));
    const bytes = Buffer.from(await project(session)).toString('base64');
    const dry = await handlers.importProject(parse({ bytes, fileName: 'p.qdpx', dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, placed: 1, codes: { created: ['Jobs'] } });
    expect(events).toEqual([]);
    expect(await session.annotations.listTags()).toEqual([]);
    const real = await handlers.importProject(parse({ bytes, fileName: 'p.qdpx' }));
    expect(real).toMatchObject({ dryRun: false, placed: 1, highlightsWritten: 1, coders: ['Ann'] });
    expect(events).toEqual([
      { type: 'tags-changed' },
      { type: 'annotations-changed', articleId: null },
      { type: 'coders-changed' },
    ]);
  });

  it('reads a path only once the user chose it with the open dialog', async () => {
    const session = await openSession(await newLibrary());
    const file = path.join(await tempDir(), 'chosen.qdpx');
    await writeFile(file, await project(session));
    const offered: string[][] = [];
    const dialogs: HostDialogs = {
      pickFolder: async () => null,
      pickSaveFile: async () => null,
      pickOpenFile: async (extensions) => (offered.push(extensions), file),
      showInFolder: () => undefined,
    };
    const handlers = interopHandlers(await context(session, dialogs, []));
    await expect(handlers.importProject(parse({ path: file }))).rejects.toThrow(/open dialog/);
    expect(await handlers.pickInteropFile({ kind: 'qdpx' })).toEqual({ path: file, fileName: 'chosen.qdpx' });
    expect(offered).toEqual([['qdpx']]);
    expect(await handlers.importProject(parse({ path: file }))).toMatchObject({
      placed: 1,
      fileName: 'chosen.qdpx',
    });
  });

  it('has no open dialog in the browser: the page uploads the file instead', async () => {
    const session = await openSession(await newLibrary());
    const handlers = interopHandlers(await context(session, null, []));
    await expect(handlers.pickInteropFile({ kind: 'qdc' })).rejects.toThrow(/upload/);
  });
});
