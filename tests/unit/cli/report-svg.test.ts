import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { gloss } from './run-gloss.js';

/**
 * `gloss report --svg FILE` writes the chart the Analysis area shows, as a standalone SVG: well-
 * formed, named, no styles, the Chinese codes as text in their codebook colours; the table still
 * goes to stdout.
 */
describe('gloss report --svg', () => {
  let work: string;
  let library: string;
  let env: Record<string, string>;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'gloss-report-svg-'));
    library = join(work, 'library');
    mkdirSync(library, { recursive: true });
    writeFileSync(
      join(library, 'a.md'),
      "---\ntitle: '充电桩'\ndate: 2024-03-05\n---\n\n<p>到2024年底，全省公共充电桩总量达到12万台以上。</p>\n<p>充电难主要集中在老旧小区，补贴为每千瓦200元。</p>\n",
    );
    env = { GLOSS_DATA_DIR: join(work, 'data') };
    for (const [quote, tag] of [
      ['全省公共充电桩总量达到12万台以上', '目标'],
      ['补贴为每千瓦200元', '补贴'],
    ] as const) {
      const r = gloss(
        ['annotate', library, '--coder', 'Alice', '--article', 'a.md', '--quote', quote, '--tag', tag],
        env,
      );
      expect(r.code, r.stderr).toBe(0);
    }
  }, 240_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(['frequencies', 'timeline'])(
    'writes the %s chart as a standalone SVG',
    (kind) => {
      const file = join(work, `${kind}.svg`);
      const r = gloss(['report', library, '--kind', kind, '--json', '--svg', file], env);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).not.toHaveLength(0);
      expect(r.stderr).toContain('chart written to');
      const text = readFileSync(file, 'utf8');
      const doc = new JSDOM(text, { contentType: 'image/svg+xml' }).window.document;
      expect(doc.querySelector('parsererror')).toBeNull();
      const svg = doc.documentElement;
      expect(svg.getAttribute('aria-label')).toBeTruthy();
      expect(text).not.toMatch(/<style|style=/);
      expect(svg.textContent).toContain('目标');
      expect(svg.textContent).toContain('补贴');
    },
    120_000,
  );
});
