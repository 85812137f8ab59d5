/**
 * The typed client the UI uses (`createClient` over a host connection), driven in-process against
 * a real library: results arrive as the hosts send them, and a refused call is an `ApiError` with
 * the host's code, which the error banner words in the user's language.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../core/api/client.js';
import type { GlossEvent } from '../../../core/api/contract.js';
import { ApiError } from '../../../core/errors.js';
import { unwrap } from '../../../core/api/reply.js';
import { createService, type GlossService } from '../../../core/api/service.js';
import { bridgeOver, type HostBridge } from '../../../renderer/src/api/api-client.js';
import { errorText } from '../../../renderer/src/error-text.js';
import { inProcessHost } from '../../support/in-process-client.js';
import { uiI18n } from '../renderer/ui-i18n.js';

const work = mkdtempSync(path.join(tmpdir(), 'gloss-client-'));
const library = path.join(work, 'library');
let service: GlossService;
let bridge: HostBridge;

beforeAll(async () => {
  cpSync(path.join(import.meta.dirname, '../../fixtures/library/folder'), library, { recursive: true });
  service = await createService({
    host: 'browser',
    version: 'test',
    appDataDir: path.join(work, 'app-data'),
    watch: false,
  });
  bridge = bridgeOver(inProcessHost(service));
});
afterAll(async () => {
  await service?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the client over an in-process host', () => {
  it('opens a library, lists its articles and creates a tag, with the host announcing it', async () => {
    const { api } = bridge;
    const events: GlossEvent[] = [];
    const stop = bridge.onEvent((event) => events.push(event));
    const info = await api.openLibrary({ path: library });
    expect(info.root).toBe(library);
    await service.ctx.session!.library.whenScanned();

    const list = await api.listArticles({});
    const paths = list.articles.map((a) => a.path).sort();
    expect(paths).toContain('news/telegraph.txt');
    expect(paths).toContain('blog/with-front-matter.md');
    expect(list.articles.every((a) => a.annotationCount === 0)).toBe(true);

    const tag = await api.createTag({ name: '经济 economy' });
    expect(tag).toMatchObject({ name: '经济 economy', parentId: null });
    const { tags } = await api.listTags({});
    expect(tags.map((t) => t.id)).toContain(tag.id);
    expect(events).toContainEqual({ type: 'library-changed', reason: 'opened' });
    expect(events).toContainEqual({ type: 'tags-changed' });
    stop();
  });

  it('throws a refused call as an ApiError with the host’s code, worded by the error banner', async () => {
    const error = await bridge.api.createTag({ name: '' }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/createTag/) });
    const i18n = await uiI18n();
    expect(errorText(i18n.getFixedT('zh-CN'), 'zh-CN', error)).toMatch(
      /^请求无效（Invalid input for createTag/,
    );
  });

  it('throws what the handlers refuse with their code too', async () => {
    await expect(bridge.api.getArticle({ id: 'no-such-article' })).rejects.toMatchObject({
      name: 'ApiError',
      code: 'not-found',
    });
  });
});

describe('reply envelopes', () => {
  it('give the result, or the error as an ApiError; an unknown code is an internal error', () => {
    expect(unwrap({ ok: true, result: { n: 1 } })).toEqual({ n: 1 });
    expect(() => unwrap({ ok: false, error: { code: 'conflict', message: 'Changed meanwhile' } })).toThrow(
      expect.objectContaining({ code: 'conflict', message: 'Changed meanwhile' }),
    );
    expect(() => unwrap({ ok: false, error: { code: 'EVIL', message: 'x' } })).toThrow(
      expect.objectContaining({ code: 'internal', message: 'x' }),
    );
  });

  it('refuse anything that is not an envelope instead of passing it on as a result', () => {
    for (const reply of [null, undefined, 'ok', { result: 1 }, { ok: 'true', result: 1 }, { ok: false }])
      expect(() => unwrap(reply), JSON.stringify(reply)).toThrow(ApiError);
  });

  it('are what the client is built from: one function per operation, each sending its name', async () => {
    const sent: [string, unknown][] = [];
    const api = createClient(async (name, input) => {
      sent.push([name, input]);
      return { ok: true, result: name };
    });
    expect(await api.search({ query: 'x' })).toBe('search');
    expect(sent).toEqual([['search', { query: 'x' }]]);
    expect(typeof api.exportAnnotations).toBe('function');
  });
});
