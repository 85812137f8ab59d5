// The bug this pins: an article open in the reader, its file edited on disk (a paragraph inserted
// at the top), then a passage selected in the old text and coded. The highlight must land on the
// selected words or be refused, never on whatever the old offsets point to in the new text.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../../core/anchor/describe-range.js';
import type { GlossEvent } from '../../../core/api/contract.js';
import { createService, type GlossService } from '../../../core/api/service.js';

const BODY = '第一段：会议在北京召开。\n\n第二段：代表们讨论了经济增长目标。\n\n第三段：会议闭幕。\n';
const QUOTE = '讨论了经济增长目标';

let work: string;
let service: GlossService;

beforeEach(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'gloss-changed-'));
  writeFileSync(path.join(work, 'lib-a.md'), `---\ntitle: 会议\n---\n${BODY}`);
  service = await createService({ host: 'browser', version: 'test', appDataDir: path.join(work, 'app') });
  await service.open(path.join(work));
  await service.ctx.session!.library.whenScanned();
});
afterEach(async () => {
  await service.close();
  rmSync(work, { recursive: true, force: true });
});

/** Writes the article's file and waits until the library has read it again. */
async function editFile(body: string): Promise<void> {
  const noticed = new Promise<void>((resolve) => {
    const stop = service.subscribe((e: GlossEvent) => {
      if (e.type === 'library-changed' && e.reason === 'watch') {
        stop();
        resolve();
      }
    });
  });
  writeFileSync(path.join(work, 'lib-a.md'), `---\ntitle: 会议\n---\n${body}`);
  await noticed;
}

describe('creating a highlight after the file changed on disk', () => {
  it('lands on the selected words, or is refused with text-changed', { timeout: 20_000 }, async () => {
    const { handlers } = service;
    const [summary] = (await handlers.listArticles({})).articles;
    const article = await handlers.getArticle({ id: summary!.id });
    const start = article.doc.text.indexOf(QUOTE);
    const { quote } = describeRange(article.doc.text, { start, end: start + QUOTE.length });
    const request = {
      id: '6f1c1f9e-2b7a-4c39-9a53-1f0f3f6d2a11',
      articleId: article.id,
      start,
      end: start + QUOTE.length,
      quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      textVersion: article.textVersion,
      tagIds: [],
      note: '',
      color: null,
    };

    await editFile(`插入的新段落，放在最前面。\n\n${BODY}`);
    const now = await handlers.getArticle({ id: article.id });
    expect(now.textVersion).not.toBe(article.textVersion);
    const created = await handlers.createAnnotation(request);
    const at = now.doc.text.indexOf(QUOTE);
    expect(created.placement).toBe('relocated');
    expect(created.quote.exact).toBe(QUOTE);
    expect(created.position).toMatchObject({ start: at, end: at + QUOTE.length });
    expect(now.doc.text.slice(created.position.start, created.position.end)).toBe(QUOTE);

    // The words themselves edited: refused, nothing stored.
    await editFile(BODY.replace('经济增长目标', '就业目标'));
    await expect(
      handlers.createAnnotation({ ...request, id: '0d6ad0c2-6e0e-4c53-8a0e-93a0b6e6a0c4' }),
    ).rejects.toMatchObject({ code: 'text-changed' });
    const stored = await handlers.listAllAnnotations({ offset: 0, limit: 10 });
    expect(stored.items.map((a) => a.quote.exact)).toEqual([QUOTE]);
  });
});
