// Large API replies of the browser mode travel gzipped when the browser accepts it (an article's
// thousand highlights are ~255 KB of JSON), small ones and clients without gzip get plain JSON.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type GlossService } from '../../../core/api/service.js';
import { newToken } from '../../../cli/serve/http-guard.js';
import { startServer, type RunningServer } from '../../../cli/serve/http-server.js';

let work: string;
let service: GlossService;
let server: RunningServer;
const token = newToken();

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'gloss-gzip-'));
  const library = path.join(work, 'library');
  mkdirSync(library);
  for (let i = 0; i < 300; i++) {
    writeFileSync(
      path.join(library, `a${i}.md`),
      `---\ntitle: 第${i}篇文章\ndate: 2024-01-02\n---\n\n正文${i}\n`,
    );
  }
  mkdirSync(path.join(work, 'static'));
  writeFileSync(path.join(work, 'static', 'index.html'), '<!doctype html><title>t</title>');
  service = await createService({
    host: 'browser',
    version: 'test',
    appDataDir: path.join(work, 'data'),
    watch: false,
  });
  await service.open(library);
  await service.ctx.session!.library.whenScanned();
  server = await startServer({ service, token, staticDir: path.join(work, 'static') });
});

afterAll(async () => {
  await server?.close();
  await service?.close();
  rmSync(work, { recursive: true, force: true });
});

function call(
  op: string,
  acceptEncoding?: string,
): Promise<{ encoding?: string; length?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/op/${op}`,
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Gloss-Token': token,
          ...(acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            encoding: res.headers['content-encoding'],
            length: res.headers['content-length'],
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('gloss serve: reply compression', () => {
  it('gzips a large reply for a client that accepts gzip, with the same JSON inside', async () => {
    const plain = await call('listArticles');
    const zipped = await call('listArticles', 'gzip, deflate, br');
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(32 * 1024);
    expect(zipped.encoding).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    const list = JSON.parse(gunzipSync(zipped.body).toString('utf8'));
    expect(list).toEqual(JSON.parse(plain.body.toString('utf8')));
    expect(list.result.articles).toHaveLength(300);
    // Sized, not chunked: Chromium takes a sized reply in sooner.
    expect([plain.length, zipped.length]).toEqual([String(plain.body.length), String(zipped.body.length)]);
  });

  it('sends small replies as they are', async () => {
    const small = await call('getAppState', 'gzip');
    expect(small.encoding).toBeUndefined();
    expect(small.length).toBe(String(small.body.length));
    expect(JSON.parse(small.body.toString('utf8')).ok).toBe(true);
  });
});
