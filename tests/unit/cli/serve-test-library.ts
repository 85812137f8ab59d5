// Starts the browser-mode host in-process on a library of the given files, for tests of what it
// sends over HTTP. The UI is a one-line stand-in page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createService, type GlossService } from '../../../core/api/service.js';
import { newToken } from '../../../cli/serve/http-guard.js';
import { startServer, type RunningServer } from '../../../cli/serve/http-server.js';

export interface ServedLibrary {
  service: GlossService;
  server: RunningServer;
  token: string;
  close(): Promise<void>;
}

export async function serveTestLibrary(files: Record<string, string>): Promise<ServedLibrary> {
  const work = mkdtempSync(path.join(tmpdir(), 'gloss-serve-'));
  const library = path.join(work, 'library');
  mkdirSync(library);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(library, name), text);
  mkdirSync(path.join(work, 'static'));
  writeFileSync(path.join(work, 'static', 'index.html'), '<!doctype html><title>t</title>');
  const service = await createService({
    host: 'browser',
    version: 'test',
    appDataDir: path.join(work, 'data'),
    watch: false,
  });
  await service.open(library);
  await service.ctx.session!.library.whenScanned();
  const token = newToken();
  const server = await startServer({ service, token, staticDir: path.join(work, 'static') });
  return {
    service,
    server,
    token,
    async close() {
      await server.close();
      await service.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
