/**
 * The bundled sample library is copied into the app's data folder on first use, so that the
 * user can annotate it without Gloss ever writing into its own installation.
 */
import { cp, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

export async function ensureSampleLibrary(appDataDir: string, bundledDir: string): Promise<string> {
  const target = join(appDataDir, 'sample-library');
  const exists = await stat(target).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) {
    // Copy the articles only, never a `.gloss` folder a developer's run left in the bundle.
    await cp(bundledDir, target, { recursive: true, filter: (src) => basename(src) !== '.gloss' });
  }
  return target;
}
