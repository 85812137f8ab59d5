/** Opens a library for a one-shot CLI command: no file watching, scan finished before use. */
import { createService, type GlossService } from '../../core/api/service.js';
import { appDataDir, packageVersion } from '../app-paths.js';

export async function openLibraryForCli(dir: string): Promise<GlossService> {
  const service = await createService({
    host: 'browser',
    version: packageVersion(),
    appDataDir: appDataDir(),
    watch: false,
  });
  try {
    await service.open(dir);
    await service.ctx.session!.library.whenScanned();
  } catch (err) {
    await service.close();
    throw err;
  }
  return service;
}

/** Runs `body` with the library open, and closes it whatever happens. */
export async function withLibrary<T>(dir: string, body: (service: GlossService) => Promise<T>): Promise<T> {
  const service = await openLibraryForCli(dir);
  try {
    return await body(service);
  } finally {
    await service.close();
  }
}
