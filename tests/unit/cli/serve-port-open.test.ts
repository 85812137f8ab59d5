/**
 * `gloss serve` comes back on the port it used last when that is free, and `--open` hands the
 * address to the system's opener (injected here) without putting the token on a command line.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn as realSpawn, type ChildProcess } from 'node:child_process';
import { createService, type GlossService } from '../../../core/api/service.js';
import { newToken } from '../../../cli/serve/http-guard.js';
import { lastPort, startOnStablePort } from '../../../cli/serve/stable-port.js';
import { openBrowser, openerFor, type Spawn } from '../../../cli/serve/open-browser.js';

const work = mkdtempSync(path.join(tmpdir(), 'gloss-port-'));
const dataDir = path.join(work, 'data');
const staticDir = path.join(work, 'static');
let service: GlossService;

beforeAll(async () => {
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  service = await createService({ host: 'browser', version: 't', appDataDir: dataDir, watch: false });
});
afterAll(async () => {
  await service?.close();
  rmSync(work, { recursive: true, force: true });
});

const start = (port?: number) =>
  startOnStablePort({ service, token: newToken(), staticDir, ...(port ? { port } : {}) }, dataDir);

function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const blocker = createServer();
    blocker.once('error', reject);
    blocker.listen(port, '127.0.0.1', () => resolve(blocker));
  });
}

describe('gloss serve: a stable port', () => {
  it('reuses the last port when it is free, and takes another when it is not', async () => {
    const first = await start();
    const port = first.port;
    expect(await lastPort(dataDir)).toBe(port);
    await first.close();

    const second = await start();
    expect(second.port).toBe(port);
    await second.close();

    const blocker = await occupy(port);
    try {
      const third = await start();
      expect(third.port).not.toBe(port);
      expect(await lastPort(dataDir)).toBe(third.port);
      const reply = await fetch(`http://127.0.0.1:${third.port}/`);
      expect(reply.status).toBe(200);
      await third.close();
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('refuses a port the user named that is taken, rather than serve elsewhere', async () => {
    const blocker = await occupy(0);
    const taken = (blocker.address() as { port: number }).port;
    try {
      await expect(start(taken)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('takes no preference from a mangled file', async () => {
    writeFileSync(path.join(dataDir, 'serve.json'), '{"port": "eighty"}');
    expect(await lastPort(dataDir)).toBeNull();
  });
});

/** A spawn that records its call and behaves as a started opener, or as a missing one. */
function fakeSpawn(
  outcome: 'spawn' | 'missing' | 'fails',
  calls: { command: string; args: string[] }[],
): Spawn {
  return (command, args) => {
    calls.push({ command, args });
    const child = new EventEmitter() as ChildProcess;
    child.unref = () => child;
    queueMicrotask(() => {
      if (outcome !== 'missing') child.emit('spawn');
      if (outcome === 'fails') setTimeout(() => child.emit('exit', 3), 5);
      if (outcome === 'missing')
        child.emit('error', Object.assign(new Error(`spawn ${command} ENOENT`), { code: 'ENOENT' }));
    });
    return child;
  };
}

describe('gloss serve --open', () => {
  const url = 'http://127.0.0.1:4321/#token=secret-token';

  it('picks the opener of each platform', () => {
    expect(openerFor('linux').command).toBe('xdg-open');
    expect(openerFor('darwin').command).toBe('open');
    expect(openerFor('win32')).toEqual({ command: 'rundll32', args: ['url.dll,FileProtocolHandler'] });
  });

  it('opens a private page that goes on to the address, keeping the token off the command line', async () => {
    const calls: { command: string; args: string[] }[] = [];
    const dir = path.join(work, 'open-ok');
    mkdirSync(dir);
    const opened = await openBrowser(url, { dir, platform: 'linux', spawn: fakeSpawn('spawn', calls) });
    expect(opened).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.command).toBe('xdg-open');
    expect(calls[0]!.args.join(' ')).not.toContain('secret-token');
    const page = fileURLToPath(calls[0]!.args[0]!);
    expect(readFileSync(page, 'utf8')).toContain(`url=${url}`);
    if (process.platform !== 'win32') expect(statSync(page).mode & 0o077).toBe(0);
  });

  it('says so when the opener is missing, removes the page and does not throw', async () => {
    const calls: { command: string; args: string[] }[] = [];
    const said: string[] = [];
    const dir = path.join(work, 'open-missing');
    mkdirSync(dir);
    const opened = await openBrowser(url, {
      dir,
      platform: 'linux',
      spawn: fakeSpawn('missing', calls),
      say: (m) => said.push(m),
    });
    expect(opened).toBe(false);
    expect(said.join('\n')).toMatch(/xdg-open is not installed\. Open the address above yourself/);
    await expect.poll(() => readdirSync(dir)).toEqual([]);
  });

  it('says so when the opener finds no browser and ends with an error', async () => {
    const said: string[] = [];
    const dir = path.join(work, 'open-fails');
    mkdirSync(dir);
    const opened = await openBrowser(url, {
      dir,
      platform: 'linux',
      spawn: fakeSpawn('fails', []),
      say: (m) => said.push(m),
    });
    expect(opened).toBe(true);
    await expect
      .poll(() => said)
      .toEqual(['Could not open a browser: xdg-open ended with code 3. Open the address above yourself.']);
  });

  it('survives a real spawn of an opener that does not exist', async () => {
    const said: string[] = [];
    const dir = path.join(work, 'open-real');
    mkdirSync(dir);
    const opened = await openBrowser(url, {
      dir,
      platform: 'linux',
      spawn: (_command, args, options) => realSpawn('gloss-no-such-opener', args, options),
      say: (m) => said.push(m),
    });
    expect(opened).toBe(false);
    expect(said).toHaveLength(1);
  });
});
