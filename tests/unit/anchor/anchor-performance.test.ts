// Re-anchoring a heavily annotated long article after an edit must feel instant (target ≤ 200 ms).
import { describe, expect, it } from 'vitest';
import { anchorAll, describeRange } from '../../../core/anchor/index.js';

function longArticle(paragraphs: number): string {
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    out.push(
      `第${i}段：据报道，当地政府第${i * 7}次会议讨论了经济发展、民生保障与环境治理等议题，与会代表${i % 13}人发言。😀`,
    );
  }
  return out.join('\n\n');
}

describe('anchorAll performance', () => {
  it('re-anchors 1,000 highlights after an edit near the top within budget', () => {
    const text = longArticle(1500); // ~100k UTF-16 units
    const highlights = Array.from({ length: 1000 }, (_, i) => {
      const start = Math.floor((i / 1000) * (text.length - 40));
      return describeRange(text, { start, end: start + 12 + (i % 20) });
    });
    // An edit near the top (moves everything), and one inside the 500th highlight.
    const h500 = highlights[500]!.position;
    let edited = text.slice(0, h500.start + 3) + '新增' + text.slice(h500.start + 5);
    edited = '【更正】本文第二段数字有误。\n\n' + edited;

    anchorAll(edited, highlights); // warm up the JIT
    const started = performance.now();
    const results = anchorAll(edited, highlights);
    const ms = performance.now() - started;
    console.log(`anchorAll: 1000 highlights in ${text.length} units after edit: ${ms.toFixed(1)} ms`);

    expect(results.filter((r) => r.status === 'orphan')).toHaveLength(0);
    expect(results.filter((r) => r.status === 'fuzzy').length).toBeLessThanOrEqual(3);
    // Budget is 200 ms on a developer machine; leave room for a loaded CI runner.
    expect(ms).toBeLessThan(600);
  });
});
