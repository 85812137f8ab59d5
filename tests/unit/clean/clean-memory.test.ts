// Cleaning must not hold on to articles (see core/clean/dom-window.ts for the jsdom mechanism).
// Heap figures are taken after full GCs, with margins of several times the noise seen; ~5-15 s.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../../../core/clean/clean-article.js';
import { CONTAINERS_PER_WINDOW } from '../../../core/clean/dom-window.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Heap in MB after full GCs; with `settle`, after the pending FinalizationRegistry tasks ran too. */
async function heapMB(settle: boolean): Promise<number> {
  gc();
  if (settle) {
    await macrotask();
    gc();
    await macrotask();
    gc();
  }
  return process.memoryUsage().heapUsed / 1048576;
}

/** A news-like body of `paragraphs` paragraphs, with markup and boilerplate the cleaner removes. */
function article(seed: number, paragraphs: number): string {
  let html = `<div class="article" id="a${seed}"><!-- ad -->`;
  for (let i = 0; i < paragraphs; i++) {
    html +=
      `<p cms-style="font-L">\u3000\u3000第${seed}篇第${i}段：市场<b>观察</b>与` +
      `<a href="https://example.com/${i}">评论</a>，<font>数据</font>显示增长。</p>\n`;
    if (i % 10 === 0) html += `<p><img src="https://img.example.com/${seed}/${i}.jpg" alt="图${i}"></p>`;
  }
  return `${html}<p class="article-editor">责任编辑：王五</p><script>track()</script></div>`;
}

describe('cleaning memory', () => {
  it('keeps no article tree alive during a synchronous run of cleanings', async () => {
    const body = article(1, 20); // ~2.5 KB of HTML
    for (let i = 0; i < 5; i++) cleanHtml(body); // JIT, first window
    const before = await heapMB(true);
    // No await in the loop: jsdom's WeakRefs keep their targets until this job ends, so whatever the
    // cleaner leaves reachable from its NodeIterators counts here. Before the fix that was every
    // article's tree: +60 MB for these 150 cleanings (+250 MB for 300 of twice this size).
    let chars = 0;
    const runs = 150;
    for (let i = 0; i < runs; i++) chars += cleanHtml(body).doc.text.length;
    const during = await heapMB(false);
    expect(chars).toBeGreaterThan(0);
    // Allowed: a few KB per cleaning and the windows replaced during the run (~3 MB each).
    const windowsReplaced = Math.ceil(runs / CONTAINERS_PER_WINDOW);
    expect(during - before).toBeLessThan(12 + 4 * windowsReplaced);
  }, 60_000);

  it('gives everything back: heap after 1,000 cleanings stays within a few MB of the start', async () => {
    const bodies = Array.from({ length: 50 }, (_, i) => article(i, 3));
    for (const b of bodies) cleanHtml(b);
    const before = await heapMB(true);
    for (let i = 0; i < 1000; i++) {
      cleanHtml(bodies[i % bodies.length] as string);
      if (i % 50 === 49) await macrotask(); // as an export does between files
    }
    const after = await heapMB(true);
    expect(after - before).toBeLessThan(8);
  }, 60_000);
});
