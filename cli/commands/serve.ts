/** `gloss serve [folder]`: the Gloss UI in a browser, on 127.0.0.1 with a per-run token. */
import { existsSync } from 'node:fs';
import { createService } from '../../core/api/service.js';
import { appDataDir, packageVersion, sampleLibraryDir, uiDir } from '../app-paths.js';
import { startOnStablePort } from '../serve/stable-port.js';
import { openBrowser } from '../serve/open-browser.js';
import { newToken } from '../serve/http-guard.js';
import { CliError } from '../cli-error.js';
import { terminalSafe } from '../terminal-text.js';
import { ensureSampleLibrary } from '../../core/settings/sample-library.js';
import { cliCoder } from './open-for-cli.js';

export interface ServeCommandOptions {
  /** Else the last port used when free, else a free one. */
  port?: number;
  /** Open the system browser on the address. */
  open?: boolean;
  /** Who is coding (else GLOSS_CODER); given, the UI does not ask on first run. */
  coder?: string;
}

function coderFor(option: string | undefined) {
  const coder = cliCoder(option);
  return coder ? { ...coder, asked: true } : null;
}

export async function serveCommand(folder: string | undefined, options: ServeCommandOptions): Promise<void> {
  const staticDir = uiDir();
  if (!existsSync(staticDir)) throw new CliError('The UI is not built yet. Run: npm run build');
  const service = await createService({
    host: 'browser',
    version: packageVersion(),
    appDataDir: appDataDir(),
    warmUpCleaner: true,
    coder: coderFor(options.coder),
  });
  const dataDir = appDataDir();
  await service.open(
    folder ??
      lastLibrary(service.ctx.settings.recent) ??
      (await ensureSampleLibrary(dataDir, sampleLibraryDir())),
  );
  const server = await startOnStablePort(
    { service, token: newToken(), staticDir, ...(options.port ? { port: options.port } : {}) },
    dataDir,
  );
  process.stdout.write(
    `Gloss is serving ${terminalSafe(service.ctx.session?.info.root ?? '')}\nOpen this address in your browser:\n\n  ${server.url}\n\nPress Ctrl+C to stop.\n`,
  );
  if (options.open) await openBrowser(server.url, { dir: dataDir });
  const stop = async () => {
    await server.close();
    await service.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The most recent library that still exists. */
export function lastLibrary(recent: string[]): string | undefined {
  return recent.find((dir) => existsSync(dir));
}
