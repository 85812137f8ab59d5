/**
 * The REFI-QDA exports where users reach them: `gloss export --format qdpx|qdc` (to a file, or a
 * .qdpx to standard output only when that is not a terminal) and the API the Export dialog calls,
 * whose browser download carries the binary project in base64 over JSON.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../core/api/client.js';
import { createService } from '../../../core/api/service.js';
import { exportCommand, type CommandOutput } from '../../../cli/commands/export.js';
import { inProcessHost } from '../../support/in-process-client.js';
import {
  CODEBOOK_XSD,
  PROJECT_XSD,
  parseRefiXml,
  schemaErrors,
  unzipQdpx,
  xmllint,
} from '../../support/refi-qda.js';
import { reportMissingTool } from '../../support/required-tool.js';
import {
  BLOG,
  copyLibrary,
  GOV,
  highlight,
  openTestSession,
  tempDir,
  useTempAppData,
} from '../export/test-library.js';

function capture(isTTY = false): CommandOutput & { out: () => Buffer; err: () => string } {
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  const sink = (into: Buffer[]) =>
    Object.assign(
      new Writable({
        write(chunk: Buffer | string, _enc, done) {
          into.push(Buffer.from(chunk));
          done();
        },
      }),
      { isTTY },
    );
  return {
    stdout: sink(chunks.out),
    stderr: sink(chunks.err),
    out: () => Buffer.concat(chunks.out),
    err: () => Buffer.concat(chunks.err).toString('utf8'),
  };
}

useTempAppData();

/** A closed library with two tags and a highlight. */
async function codedLibrary(): Promise<string> {
  const root = await copyLibrary();
  const session = await openTestSession(root, 'Ana Lima');
  const topic = await session.annotations.createTag({ name: '经济', color: '#E69F00' });
  await session.annotations.createTag({ name: '就业', parentId: topic.id, description: '新增就业' });
  await highlight(session, GOV, '城镇新增就业', { tagIds: [topic.id], note: 'note' });
  await session.close();
  return root;
}

const projectOf = (zip: Uint8Array) => Buffer.from(unzipQdpx(zip).get('project.qde')!).toString('utf8');

describe('REFI-QDA export from the CLI and the API', () => {
  reportMissingTool(xmllint);

  it.skipIf(!xmllint.available)('gloss export --format qdpx --out writes a valid project', async () => {
    const root = await codedLibrary();
    const out = path.join(await tempDir(), 'project.qdpx');
    const io = capture(true);
    await exportCommand(root, { format: 'qdpx', out }, io);
    expect(io.err()).toMatch(/^Exported 1 highlights to .*project\.qdpx/);
    const xml = projectOf(await readFile(out));
    expect(schemaErrors(xml, PROJECT_XSD)).toBe('');
    expect(parseRefiXml(xml).Project.Users.User[0]['@name']).toBe('Ana Lima');
  });

  it('says what the project could not hold: highlights of an article whose file is gone', async () => {
    const root = await copyLibrary();
    const session = await openTestSession(root);
    await highlight(session, GOV, '城镇新增就业');
    await highlight(session, BLOG, 'with a comma');
    await session.close();
    await rm(path.join(root, 'blog/quotes-and-commas.md'));
    const io = capture();
    await exportCommand(root, { format: 'qdpx', out: path.join(await tempDir(), 'p.qdpx') }, io);
    expect(io.err()).toContain('Exported 1 highlights');
    expect(io.err()).toContain(
      'Left out of the project: 1 highlights of articles whose file is missing or unreadable',
    );
  });

  it('refuses to write a .qdpx to a terminal, and streams it to a pipe', async () => {
    const root = await codedLibrary();
    await expect(exportCommand(root, { format: 'qdpx' }, capture(true))).rejects.toThrow(/--out FILE/);
    const piped = capture(false);
    await exportCommand(root, { format: 'qdpx' }, piped);
    expect([...piped.out().subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // "PK\3\4": a ZIP
    expect(projectOf(piped.out())).toContain('城镇新增就业');
  });

  it.skipIf(!xmllint.available)(
    'gloss export --format qdc writes the codebook to standard output',
    async () => {
      const root = await codedLibrary();
      const io = capture(true);
      await exportCommand(root, { format: 'qdc' }, io);
      const xml = io.out().toString('utf8');
      expect(schemaErrors(xml, CODEBOOK_XSD)).toBe('');
      const code = parseRefiXml(xml).CodeBook.Codes.Code[0];
      expect(code).toMatchObject({ '@name': '经济', '@color': '#E69F00', '@isCodable': 'true' });
      expect(code.Code[0]).toMatchObject({ '@name': '就业', Description: { '#text': '新增就业' } });
    },
  );

  it('saves the project as a ZIP file through the desktop save dialog', async () => {
    const root = await codedLibrary();
    const target = path.join(await tempDir(), 'chosen.qdpx');
    const offered: string[] = [];
    const service = await createService({
      host: 'desktop',
      version: '3.4.5',
      appDataDir: await tempDir(),
      watch: false,
      dialogs: {
        pickFolder: async () => null,
        pickSaveFile: async (name) => (offered.push(name), target),
        showInFolder: () => undefined,
      },
    });
    try {
      const api = createClient(inProcessHost(service).call);
      await api.openLibrary({ path: root });
      expect(await api.exportAnnotationsToFile({ format: 'qdpx' })).toEqual({ path: target, rows: 1 });
      expect(offered[0]).toMatch(/-project-.*\.qdpx$/);
      expect(projectOf(await readFile(target))).toContain('城镇新增就业');
    } finally {
      await service.close();
    }
  });

  it('hands the browser the project in base64 and the codebook as text', async () => {
    const root = await codedLibrary();
    const service = await createService({
      host: 'browser',
      version: '3.4.5',
      appDataDir: await tempDir(),
      watch: false,
    });
    try {
      const api = createClient(inProcessHost(service).call);
      await api.openLibrary({ path: root });
      const project = await api.exportAnnotations({ format: 'qdpx' });
      expect(project).toMatchObject({ encoding: 'base64', mimeType: 'application/zip' });
      expect(project.fileName).toMatch(/^.+-project-\d{4}-\d{2}-\d{2}\.qdpx$/);
      const xml = projectOf(Buffer.from(project.content, 'base64'));
      expect(parseRefiXml(xml).Project['@origin']).toBe('Gloss 3.4.5');
      const codebook = await api.exportAnnotations({ format: 'qdc' });
      expect(codebook.encoding).toBeUndefined();
      expect(codebook.fileName).toMatch(/^.+-codebook-\d{4}-\d{2}-\d{2}\.qdc$/);
      expect(codebook.content).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Gloss 3.4.5">');
    } finally {
      await service.close();
    }
  });
});
