/**
 * `gloss serve` listens on the port it used last time when that is free, so a bookmarked or
 * still-open tab finds it again (with the new token pasted), else on a free one. The port is kept
 * in a small file of the app's data folder; a missing or mangled file means no preference.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../../core/files/durable-write.js';
import { startServer, type RunningServer, type ServeOptions } from './http-server.js';

const FILE = 'serve.json';
const stored = z.object({ port: z.number().int().min(1).max(65535) });

export async function lastPort(dataDir: string): Promise<number | null> {
  try {
    return stored.parse(JSON.parse(await readFile(join(dataDir, FILE), 'utf8'))).port;
  } catch {
    return null;
  }
}

export async function rememberPort(dataDir: string, port: number): Promise<void> {
  await writeFileDurable(join(dataDir, FILE), JSON.stringify({ port }));
}

/** Whether listening failed because the port is someone else's (not a fault to report). */
function portTaken(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES';
}

/**
 * Starts the server on `options.port` when given (a taken port is then an error: the user asked
 * for it), else on the last port used when it is free, else on a free port; remembers the port.
 */
export async function startOnStablePort(options: ServeOptions, dataDir: string): Promise<RunningServer> {
  let server: RunningServer;
  const preferred = options.port ? null : await lastPort(dataDir);
  try {
    server = await startServer({ ...options, port: options.port ?? preferred ?? 0 });
  } catch (err) {
    if (preferred === null || !portTaken(err)) throw err;
    server = await startServer({ ...options, port: 0 });
  }
  // Not remembering it only costs the next run its old port.
  await rememberPort(dataDir, server.port).catch(() => undefined);
  return server;
}
