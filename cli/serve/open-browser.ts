/**
 * `gloss serve --open`: the system browser on the served address. The address carries the per-run
 * token, and a program's arguments are visible to every user of the machine (the process list),
 * so the opener is given a private file (mode 0600, in the app's data folder) that sends the
 * browser on to the address; the file is removed once the browser has had time to read it.
 * Openers are spawned without a shell; a missing one is a message, never a crash.
 */
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Spawn = (command: string, args: string[], options: SpawnOptions) => ChildProcess;

/** The program (and its leading arguments) that opens a file or address in the default browser. */
export function openerFor(platform: NodeJS.Platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [] };
  // `start` is a cmd.exe built-in, which would need a shell; the URL handler of Windows does not.
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler'] };
  return { command: 'xdg-open', args: [] };
}

/** A page that sends the browser on to `url` (escaped for an HTML attribute). */
export function redirectPage(url: string): string {
  const attr = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${attr}"><title>Gloss</title>\n`;
}

export interface OpenBrowserOptions {
  /** Where the private redirect file is written (the app's data folder). */
  dir: string;
  platform?: NodeJS.Platform;
  spawn?: Spawn;
  /** How long the redirect file is kept for the browser to read. */
  keepMs?: number;
  /** Where failures are told (stderr). */
  say?: (message: string) => void;
}

/** Opens `url` in the system browser; resolves true once the opener started, false on failure. */
export async function openBrowser(url: string, options: OpenBrowserOptions): Promise<boolean> {
  const say = options.say ?? ((message: string) => process.stderr.write(`${message}\n`));
  const { command, args } = openerFor(options.platform ?? process.platform);
  const file = join(options.dir, `open-${randomBytes(8).toString('hex')}.html`);
  // Removed when the browser has had its time, when the opener fails, or when Gloss stops first.
  const cleanUp = () => {
    process.off('exit', cleanUp);
    try {
      rmSync(file, { force: true });
    } catch {
      // a file left in the app's data folder holds a token that dies with this run
    }
  };
  try {
    await writeFile(file, redirectPage(url), { mode: 0o600 });
    process.once('exit', cleanUp);
  } catch (err) {
    say(`Could not prepare the browser page (${(err as Error).message}). Open the address above yourself.`);
    return false;
  }
  const started = await new Promise<boolean>((resolve) => {
    let child: ChildProcess;
    try {
      child = (options.spawn ?? nodeSpawn)(command, [...args, pathToFileURL(file).href], {
        stdio: 'ignore',
        detached: true,
        shell: false,
      });
    } catch (err) {
      say(missingOpener(command, err));
      resolve(false);
      return;
    }
    child.once('error', (err) => {
      say(missingOpener(command, err));
      resolve(false);
    });
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
    // An opener that runs but finds no browser (xdg-open on a server) exits with an error code.
    child.once('exit', (code) => {
      if (!code) return;
      cleanUp();
      say(`Could not open a browser: ${command} ended with code ${code}. Open the address above yourself.`);
    });
  });
  if (!started) cleanUp();
  else setTimeout(cleanUp, options.keepMs ?? 30_000).unref();
  return started;
}

function missingOpener(command: string, err: unknown): string {
  const reason = (err as { code?: string }).code === 'ENOENT' ? 'is not installed' : 'failed';
  return `Could not open a browser: ${command} ${reason}. Open the address above yourself.`;
}
