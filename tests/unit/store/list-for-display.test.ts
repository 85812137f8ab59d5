import { describe, expect, it } from 'vitest';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { highlightOf, tempDataDir } from './helpers.js';

async function eventually(check: () => Promise<void>, ms = 8000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe('listForDisplay: the highlights shown when an article opens', () => {
  it('equals list() after own writes, and shows another process’s writes', async () => {
    const dir = await tempDataDir();
    const app = await openAnnotationService(dir, { creator: () => 'app' });
    const a = await app.create({ ...highlightOf('art', '国务院'), note: 'first' });
    await app.counts(); // the library list builds the index at the start of a session
    await app.update('art', a.id, { note: 'edited' });
    await app.create(highlightOf('art', '政府工作报告'));
    expect(await app.listForDisplay('art')).toEqual(await app.list('art'));

    const script = await openAnnotationService(dir, { creator: () => 'script', watch: false });
    const b = await script.create({ ...highlightOf('art', '预期目标'), note: 'from a script' });
    await script.close();
    await eventually(async () => {
      expect((await app.listForDisplay('art')).map((x) => x.id)).toContain(b.id);
    });
    expect(await app.listForDisplay('art')).toEqual(await app.list('art'));
    expect(await app.listForDisplay('none')).toEqual([]);
    await app.close();
  });

  it('reads the file when the store does not watch', async () => {
    const dir = await tempDataDir();
    const store = await openAnnotationService(dir, { watch: false });
    const other = await openAnnotationService(dir, { watch: false });
    await store.counts();
    const c = await other.create(highlightOf('art', '国务院'));
    expect((await store.listForDisplay('art')).map((x) => x.id)).toEqual([c.id]);
    await other.close();
    await store.close();
  });
});
