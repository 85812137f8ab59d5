import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unitizingAlphaNaive } from '../../../core/agreement/unitizing-alpha.js';
import { gloss } from './run-gloss.js';

/**
 * Two coders code a small library through `gloss annotate --coder`; every figure `gloss agreement
 * --json` prints is then recomputed from what a reviewer has: the CSV export (creator, start, end,
 * tags) and the articles' texts (`gloss show --json`), by per-character loops and the all-pairs
 * definition of alpha_u.
 */
describe('gloss agreement', () => {
  let work: string;
  let library: string;
  let env: Record<string, string>;
  const articles = ['a-policy.md', 'b-trade.md'];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'gloss-agreement-'));
    library = join(work, 'library');
    mkdirSync(library, { recursive: true });
    writeFileSync(
      join(library, articles[0]!),
      "---\ntitle: '充电桩'\n---\n\n<p>到2024年底，全省公共充电桩总量达到12万台以上 🚗。</p>\n<p>充电难主要集中在老旧小区，补贴为每千瓦200元。</p>\n",
    );
    writeFileSync(
      join(library, articles[1]!),
      "---\ntitle: 'Trade'\n---\n\n<p>Exports rose again in November, beating forecasts for a third month.</p>\n<p>Analysts said the trend could slow next year.</p>\n",
    );
    env = { GLOSS_DATA_DIR: join(work, 'data') };
    const annotate = (coder: string, article: string, quote: string, tag: string) => {
      const r = gloss(
        ['annotate', library, '--coder', coder, '--article', article, '--quote', quote, '--tag', tag],
        env,
      );
      expect(r.code, r.stderr).toBe(0);
    };
    annotate('Alice', articles[0]!, '全省公共充电桩总量达到12万台以上 🚗', '目标');
    annotate('Bob', articles[0]!, '公共充电桩总量达到12万台以上', '目标');
    annotate('Alice', articles[0]!, '补贴为每千瓦200元', '补贴');
    annotate('Bob', articles[1]!, 'beating forecasts for a third month', 'Claim');
    annotate('Alice', articles[1]!, 'beating forecasts', 'Claim');
    annotate('Bob', articles[0]!, '老旧小区', '补贴');
  }, 240_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prints every measure per code, and each one can be recomputed from the CSV export and the texts', () => {
    const run = gloss(['agreement', library, '--coders', 'Alice,Bob', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      coders: string[];
      articles: number;
      continuum: number;
      codes: {
        tag_path: string;
        alpha_u: number | null;
        percent_agreement: number | null;
        kappa: number | null;
        units: Record<string, number>;
        characters: Record<string, number>;
      }[];
      overall: { alpha_u: number | null };
    };
    expect(report.coders).toEqual(['Alice', 'Bob']);
    expect(report.articles).toBe(2);
    expect(report.codes.map((c) => c.tag_path).sort()).toEqual(['Claim', '目标', '补贴']);

    // The continuum: canonical texts in code points, in library path order.
    const texts = articles.map((a) => {
      const shown = gloss(['show', join(library, a), '--json'], env);
      return [...(JSON.parse(shown.stdout) as { doc: { text: string } }).doc.text];
    });
    const offsets = [0, texts[0]!.length];
    const length = texts[0]!.length + texts[1]!.length;
    expect(report.continuum).toBe(length);

    const csv = gloss(['export', library, '--format', 'csv', '--no-bom'], env);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(6);
    let sumDo = 0;
    let sumDe = 0;
    for (const code of report.codes) {
      const coded = (coder: string): boolean[] => {
        const marks = new Array<boolean>(length).fill(false);
        for (const r of rows) {
          if (r.creator !== coder || !r.tag_paths!.split('; ').includes(code.tag_path)) continue;
          const base = offsets[articles.indexOf(r.article_path!)]!;
          for (let i = Number(r.start); i < Number(r.end); i++) marks[base + i] = true;
        }
        return marks;
      };
      const [a, b] = [coded('Alice'), coded('Bob')];
      const both = a.filter((x, i) => x && b[i]).length;
      const neither = a.filter((x, i) => !x && !b[i]).length;
      const nA = a.filter(Boolean).length;
      const nB = b.filter(Boolean).length;
      expect(code.characters).toEqual({ Alice: nA, Bob: nB });
      expect(code.percent_agreement).toBeCloseTo((both + neither) / length, 6);
      const pe = (nA * nB + (length - nA) * (length - nB)) / (length * length);
      expect(code.kappa).toBeCloseTo(((both + neither) / length - pe) / (1 - pe), 6);
      const spans = (marks: boolean[]) => {
        const out: { start: number; end: number }[] = [];
        marks.forEach((m, i) => {
          if (!m) return;
          const last = out[out.length - 1];
          if (last && last.end === i) last.end = i + 1;
          else out.push({ start: i, end: i + 1 });
        });
        return out;
      };
      const expected = unitizingAlphaNaive(length, [spans(a), spans(b)]);
      expect(code.alpha_u).toBeCloseTo(expected.alpha!, 6);
      sumDo += expected.observed;
      sumDe += expected.expected;
    }
    expect(report.overall.alpha_u).toBeCloseTo(1 - sumDo / sumDe, 6);
  });

  it('prints one CSV row per code, and refuses an unknown coder with the coders it knows', () => {
    const csv = gloss(['agreement', library, '--coders', 'Alice,Bob', '--csv', '--tag', 'Claim'], env);
    expect(csv.code, csv.stderr).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.tag)).toEqual(['Claim']);

    const bad = gloss(['agreement', library, '--coders', 'Alice,Carol'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/Carol.*Alice/s);
  });
});
