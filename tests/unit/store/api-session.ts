// A real Gloss service on a library folder in a temp dir, called as the hosts call it (dispatch:
// validated inputs, defaults filled in). For tests of behaviour through the API.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { OpOutput, OperationName } from '../../../core/api/contract.js';
import { dispatch } from '../../../core/api/dispatch.js';
import { createService, type GlossService } from '../../../core/api/service.js';
import { selectionInput } from '../../support/selection-input.js';
import { tempDataDir } from './helpers.js';

const open: GlossService[] = [];

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

export interface ApiSession {
  service: GlossService;
  call<K extends OperationName>(name: K, input?: unknown): Promise<OpOutput<K>>;
  /** Closes the service (as quitting the app does). */
  close(): Promise<void>;
}

/** A library folder holding `files` (relative path → content), and an app data folder beside it. */
export async function makeLibrary(files: Record<string, string>): Promise<{ root: string; appData: string }> {
  const work = await tempDataDir();
  const root = path.join(work, 'library');
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  await mkdir(root, { recursive: true });
  return { root, appData: path.join(work, 'app-data') };
}

/** Opens `root` in a new service and waits for its scan. */
export async function openApi(root: string, appData: string): Promise<ApiSession> {
  const service = await createService({
    host: 'browser',
    version: 'test',
    appDataDir: appData,
    watch: false,
    // One person on both sides (the script runs as another OS user, whose name would differ).
    coder: { name: 'Tester' },
  });
  open.push(service);
  await service.open(root);
  await service.ctx.session!.library.whenScanned();
  return {
    service,
    call: (name, input) => dispatch(service.handlers, name, input ?? {}) as never,
    async close() {
      open.splice(open.indexOf(service), 1);
      await service.close();
    },
  };
}

/** Highlights `quote` in the article's current text through the API. */
export async function highlight(api: ApiSession, articleId: string, quote: string, tagIds: string[] = []) {
  const article = await api.call('getArticle', { id: articleId });
  const start = article.doc.text.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return api.call('createAnnotation', selectionInput(article, start, start + quote.length, { tagIds }));
}
