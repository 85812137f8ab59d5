// Large API replies of the browser mode travel gzipped when the browser accepts it (an article's
// thousand highlights are ~255 KB of JSON), small ones and clients without gzip get plain JSON.
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestLibrary, type ServedLibrary } from './serve-test-library.js';

let served: ServedLibrary;

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++)
    files[`a${i}.md`] = `---\ntitle: 第${i}篇文章\ndate: 2024-01-02\n---\n\n正文${i}\n`;
  served = await serveTestLibrary(files);
});

afterAll(async () => {
  await served?.close();
});

function call(
  op: string,
  acceptEncoding?: string,
): Promise<{ encoding?: string; length?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: served.server.port,
        path: `/api/op/${op}`,
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Gloss-Token': served.token,
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
    // The list carries the progress of the background cleaning: compare two replies once it is done.
    for (let tries = 0; tries < 600; tries++) {
      const { progress } = JSON.parse((await call('listArticles')).body.toString('utf8')).result;
      if (!progress.scanning && progress.phase !== 'cleaning') break;
      await new Promise((r) => setTimeout(r, 100));
    }
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
