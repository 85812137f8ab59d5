/**
 * The hosts under attack, beyond tests/unit/security/ (pure guard functions) and the e2e Host/Origin
 * checks: real symbolic links out of the UI folder, the real HTTP server (loopback only, no CORS
 * on any reply, request size limit, malformed JSON), and API inputs that try to leave the library.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { Server } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createService, type GlossService } from '../../../core/api/service.js';
import { showArticle } from '../../../core/library/library-commands.js';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { describeRange } from '../../../core/anchor/index.js';
import { MAX_REQUEST_BYTES, newToken } from '../../../cli/serve/http-guard.js';
import { startServer, type RunningServer } from '../../../cli/serve/http-server.js';
import { readStatic, resolveStaticPath } from '../../../cli/serve/static-files.js';
import { resolveAppPath } from '../../../electron/security.js';

const work = mkdtempSync(path.join(tmpdir(), 'gloss-hosts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('symbolic links in the UI folder', () => {
  const ui = path.join(work, 'ui');
  const outside = path.join(work, 'outside');
  beforeAll(() => {
    mkdirSync(path.join(ui, 'assets'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>ui</title>');
    writeFileSync(path.join(ui, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(outside, 'secret.txt'), 'SECRET');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(ui, 'leak.txt'));
    symlinkSync(outside, path.join(ui, 'out'));
    symlinkSync('/etc', path.join(ui, 'etc'));
    // A link that stays inside the folder is fine.
    symlinkSync(path.join(ui, 'assets', 'app.js'), path.join(ui, 'alias.js'));
  });

  it.each(['/leak.txt', '/out/secret.txt', '/etc/passwd', '/etc/hostname'])(
    'the static server refuses %s',
    async (url) => {
      expect(resolveStaticPath(ui, url)).toBeNull();
      expect(await readStatic(ui, url)).toBeNull();
    },
  );

  it.each(['app://gloss/leak.txt', 'app://gloss/out/secret.txt', 'app://gloss/etc/passwd'])(
    'the desktop protocol refuses %s',
    (url) => {
      expect(resolveAppPath(ui, url)).toBeNull();
    },
  );

  it('still serves real files and links that stay inside', async () => {
    expect((await readStatic(ui, '/assets/app.js'))?.body.toString()).toBe('console.log(1)');
    expect((await readStatic(ui, '/alias.js'))?.body.toString()).toBe('console.log(1)');
    expect(resolveAppPath(ui, 'app://gloss/alias.js')).toBe(path.join(ui, 'alias.js'));
    expect(resolveAppPath(ui, 'app://gloss/')).toBe(path.join(ui, 'index.html'));
  });
});

describe('the browser-mode HTTP server', () => {
  let server: RunningServer;
  let service: GlossService;
  const token = newToken();
  const listenHosts: unknown[] = [];
  const library = path.join(work, 'library');

  beforeAll(async () => {
    mkdirSync(library, { recursive: true });
    writeFileSync(path.join(library, 'a.txt'), 'Hello from the library.\n');
    mkdirSync(path.join(work, 'static'), { recursive: true });
    writeFileSync(path.join(work, 'static', 'index.html'), '<!doctype html><title>ui</title>');
    const listen = Server.prototype.listen;
    const spy = vi.spyOn(Server.prototype, 'listen').mockImplementation(function (
      this: Server,
      ...args: unknown[]
    ) {
      listenHosts.push(args[1]);
      return (listen as (...a: unknown[]) => Server).apply(this, args);
    });
    service = await createService({
      host: 'browser',
      version: 'test',
      appDataDir: path.join(work, 'app-data'),
      watch: false,
    });
    await service.open(library);
    await service.ctx.session!.library.whenScanned();
    server = await startServer({ service, token, staticDir: path.join(work, 'static') });
    spy.mockRestore();
  });
  afterAll(async () => {
    await server?.close();
    await service?.close();
  });

  const base = () => `http://127.0.0.1:${server.port}`;
  const op = (name: string, body: string | Blob, headers: Record<string, string> = {}) =>
    fetch(`${base()}/api/op/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token, ...headers },
      body,
    });

  it('listens on the loopback address only', async () => {
    expect(listenHosts).toEqual(['127.0.0.1']);
    expect(server.url.startsWith(`http://127.0.0.1:${server.port}/`)).toBe(true);
    // Another address of this machine gets no answer.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (external) {
      const reached = await fetch(`http://${external.address}:${server.port}/`, {
        signal: AbortSignal.timeout(2000),
      }).then(
        () => true,
        () => false,
      );
      expect(reached).toBe(false);
    }
  });

  it('sends no Access-Control-Allow-* header on any reply, preflights included', async () => {
    const replies = await Promise.all([
      fetch(`${base()}/`),
      fetch(`${base()}/index.html`, { headers: { Origin: 'https://evil.example' } }),
      op('getAppState', '{}'),
      op('getAppState', '{}', { 'X-Gloss-Token': 'wrong' }),
      op('getAppState', '{}', { Origin: 'https://evil.example' }),
      fetch(`${base()}/api/op/getAppState`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://evil.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'x-gloss-token, content-type',
        },
      }),
      fetch(`${base()}/api/op/getAppState`, {
        method: 'OPTIONS',
        headers: { Origin: base(), 'Access-Control-Request-Method': 'POST' },
      }),
      fetch(`${base()}/api/events?token=${token}`, { signal: AbortSignal.timeout(500) }).catch(() => null),
    ]);
    for (const reply of replies) {
      if (!reply) continue;
      const cors = [...reply.headers.keys()].filter((h) => h.startsWith('access-control-'));
      expect(cors, `${reply.url} ${reply.status}`).toEqual([]);
      await reply.body?.cancel();
    }
    // The foreign preflight is refused outright; the same-origin one finds nothing to allow.
    expect(replies[5]!.status).toBe(403);
    expect(replies[6]!.ok).toBe(false);
    expect(replies[2]!.status).toBe(200);
  });

  it('answers 413 to a body over the limit and keeps serving', async () => {
    const huge = new Blob([Buffer.alloc(MAX_REQUEST_BYTES + 1024 * 1024, 0x20)]);
    const status = await op('search', huge).then(
      (r) => r.status,
      (err: Error) => `connection closed: ${err.message}`,
    );
    // Either the 413 arrives, or the server cut the upload short; it must not have accepted it.
    if (typeof status === 'number') expect(status).toBe(413);
    // The next requests (on whatever connection the client pool reuses) are answered at once: the
    // half-read connection must not linger (it used to hang ~6 s, then ECONNRESET).
    for (let i = 0; i < 4; i++) {
      const started = Date.now();
      const after = await op('search', '{', {});
      expect(after.status).toBe(400);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('answers 400 to malformed JSON, 415 to other types, and keeps serving', async () => {
    for (const body of ['{', '{"query":', '\u0000', '{"query":"x"}}', 'null,']) {
      const reply = await op('search', body);
      expect(reply.status, body).toBe(400);
      expect(((await reply.json()) as { error: { code: string } }).error.code).toBe('invalid-input');
    }
    const form = await op('search', 'query=x', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect((await op('getAppState', '{}')).status).toBe(200);
  });

  it.each([
    '../../etc/passwd',
    '/etc/passwd',
    '..%2f..%2fetc%2fpasswd',
    'p-0000000000000000',
    'a.txt',
    '__proto__',
    'constructor',
  ])('getArticle %j reads nothing outside and says not-found', async (id) => {
    const reply = await op('getArticle', JSON.stringify({ id }));
    const body = (await reply.json()) as { ok: boolean; error?: { code: string; message: string } };
    expect(reply.status).toBe(404);
    expect(body.error?.code).toBe('not-found');
    expect(body.error?.message).not.toMatch(/root:|SECRET/);
  });
});

describe('paths that try to leave the library', () => {
  const library = path.join(work, 'lib2');
  beforeAll(() => {
    mkdirSync(path.join(library, 'news'), { recursive: true });
    writeFileSync(path.join(library, 'news', 'a.txt'), 'Article A.\n');
    writeFileSync(path.join(work, 'outside.txt'), 'SECRET outside the library\n');
  });

  it.each([
    '../outside.txt',
    '../../etc/passwd',
    '/etc/passwd',
    'news/../../outside.txt',
    path.join(work, 'outside.txt'),
  ])('showArticle refuses %s as outside the library', async (p) => {
    await expect(showArticle(library, p, { cacheDir: path.join(work, 'cache') })).rejects.toMatchObject({
      code: 'outside-library',
    });
  });

  it('showArticle gives a clear not-found for unknown paths and ids, and reads a real one', async () => {
    await expect(
      showArticle(library, 'news/missing.txt', { cacheDir: path.join(work, 'cache') }),
    ).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('news/missing.txt'),
    });
    const a = await showArticle(library, 'news/a.txt', { cacheDir: path.join(work, 'cache') });
    expect(a.doc.text).toBe('Article A.');
  });

  it('annotation files of hostile article ids stay inside the data folder', async () => {
    const dataDir = path.join(work, 'store');
    const s = await openAnnotationService(dataDir, { watch: false });
    const text = 'Hostile ids.';
    for (const articleId of [
      '../../../evil',
      '/etc/passwd',
      'CON',
      'a/../../b',
      '..',
      'x\u0000y',
      'Ａ'.repeat(300),
    ]) {
      await s.create({ articleId, ...describeRange(text, { start: 0, end: 7 }) });
      expect((await s.list(articleId)).length).toBe(1);
    }
    await s.close();
    const { readdirSync } = await import('node:fs');
    const names = readdirSync(path.join(dataDir, 'annotations'));
    expect(names.every((n) => /^(?:[a-z0-9][a-z0-9_-]*|h\.[0-9a-f]{40})\.json$/.test(n))).toBe(true);
    expect(readdirSync(work).filter((n) => n.includes('evil'))).toEqual([]);
  });
});
