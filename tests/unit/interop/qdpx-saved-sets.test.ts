/**
 * The library's saved sets travel in the `.qdpx` project as Sets whose MemberSources are the
 * exported sources (a sample also says how it was drawn), from both the Export dialog's API and
 * `gloss export`; the other formats are unchanged.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../core/api/client.js';
import { createService } from '../../../core/api/service.js';
import { exportCommand } from '../../../cli/commands/export.js';
import { inProcessHost } from '../../support/in-process-client.js';
import {
  PROJECT_XSD,
  parseRefiXml,
  schemaErrors,
  unzipQdpx,
  xmllint,
  type XmlNode,
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

useTempAppData();

/** Runs `body` with the API of a service that has `root` open. */
async function withApi<T>(
  root: string,
  body: (api: ReturnType<typeof createClient>) => Promise<T>,
): Promise<T> {
  const service = await createService({
    host: 'browser',
    version: '1.0.0',
    appDataDir: await tempDir(),
    watch: false,
  });
  try {
    const api = createClient(inProcessHost(service).call);
    await api.openLibrary({ path: root });
    return await body(api);
  } finally {
    await service.close();
  }
}

/** A library with a highlight, a hand-made set of two articles and a drawn sample of one. */
async function libraryWithSets(): Promise<string> {
  const root = await copyLibrary();
  const session = await openTestSession(root);
  await highlight(session, GOV, '城镇新增就业');
  await highlight(session, BLOG, 'with a comma');
  await session.close();
  await withApi(root, async (api) => {
    await api.saveSet({ name: '政府与博客', articleIds: [GOV, BLOG] });
    const sample = { seed: 7, size: 1, filter: {} };
    await api.saveSet({ name: 'Sample & "one"', articleIds: [BLOG], sample });
  });
  return root;
}

/** The project's Sets, and its sources' GUIDs by article title. */
function setsOf(zip: Uint8Array) {
  const xml = Buffer.from(unzipQdpx(zip).get('project.qde')!).toString('utf8');
  expect(schemaErrors(xml, PROJECT_XSD)).toBe('');
  const project = parseRefiXml(xml).Project as XmlNode;
  const guids = new Map<string, string>(
    (project.Sources.TextSource as XmlNode[]).map((s) => [s['@name'], s['@guid']]),
  );
  const sets = ((project.Sets?.Set ?? []) as XmlNode[]).map((s) => ({
    name: s['@name'] as string,
    description: s.Description?.['#text'] as string | undefined,
    members: ((s.MemberSource ?? []) as XmlNode[]).map((m) => m['@targetGUID'] as string).sort(),
  }));
  return { sets, guids };
}

function expectTheSets(zip: Uint8Array): void {
  const { sets, guids } = setsOf(zip);
  const gov = guids.get('政府工作报告要点')!;
  const blog = guids.get('Quotes, commas "and" more');
  expect(gov).toBeDefined();
  expect(blog).toBeDefined();
  const byName = new Map(sets.map((s) => [s.name, s]));
  expect([...byName.keys()].sort()).toEqual(['Sample & "one"', '政府与博客'].sort());
  expect(byName.get('政府与博客')).toMatchObject({ members: [gov, blog].sort(), description: undefined });
  expect(byName.get('Sample & "one"')).toMatchObject({
    members: [blog],
    description: 'Random sample of 1 articles, seed 7',
  });
}

describe('saved sets in the .qdpx export', () => {
  reportMissingTool(xmllint);

  it.skipIf(!xmllint.available)('the Export dialog’s project has the library’s sets', async () => {
    const root = await libraryWithSets();
    const project = await withApi(root, (api) => api.exportAnnotations({ format: 'qdpx' }));
    expectTheSets(Buffer.from(project.content, 'base64'));
  });

  it.skipIf(!xmllint.available)('gloss export --format qdpx writes the library’s sets', async () => {
    const root = await libraryWithSets();
    const out = path.join(await tempDir(), 'sets.qdpx');
    const sink = () => new Writable({ write: (_c, _e, done) => done() });
    await exportCommand(root, { format: 'qdpx', out }, { stdout: sink(), stderr: sink() });
    expectTheSets(await readFile(out));
  });
});
