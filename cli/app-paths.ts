/**
 * Where things are, for the CLI and the desktop host alike: the package's own folder (the built
 * UI, the sample library, the version) and the app's data folder (settings, fallback stores).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding Gloss's package.json, found by walking up from this module. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'gloss') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Gloss package folder.');
    dir = parent;
  }
}

export function packageVersion(): string {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version as string;
}

export function uiDir(): string {
  return join(packageRoot(), 'dist', 'renderer');
}

export function sampleLibraryDir(): string {
  return join(packageRoot(), 'assets', 'sample-library');
}

/** The same folder Electron's `app.getPath('userData')` uses for an app named Gloss. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.GLOSS_DATA_DIR) return env.GLOSS_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Gloss');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Gloss');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Gloss');
}
