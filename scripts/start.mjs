// `npm start`: build, then open the desktop app; where Electron's binary cannot be had (an
// offline install), say so in one line and start the browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
const build = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = findElectronBinary();
if (electron) {
  const child = spawn(electron, ['.', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    "Electron's binary is not installed (offline install), so Gloss starts in browser mode instead.",
  );
  const child = spawn(process.execPath, ['bin/gloss.js', 'serve', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

/** The Electron executable, fetching it once if allowed; null when it cannot be had. */
function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const locate = () => {
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  };
  const found = locate();
  if (found || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return found;
  // Electron 45 fetches its binary lazily; try once, briefly, and fall back when offline.
  spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  return locate();
}
