import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { gloss } from './run-gloss.js';

/**
 * `gloss sample`, `sets`, `autocode` and `report` on a small library coded through the CLI by two
 * coders: the sample reproducible with its seed and right per stratum, autocode's count that of a
 * plain search of the texts, and `report --json` figures recomputed from `gloss export`.
 */
describe('gloss sample, sets, autocode and report', () => {
  let work: string;
  let library: string;
  let env: Record<string, string>;
  const texts = new Map<string, string>();

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'gloss-analysis-cli-'));
    library = join(work, 'library');
    const outlets = ['新华社', '人民日报', 'Reuters'];
    for (let i = 0; i < 12; i++) {
      const folder = join(library, i < 6 ? 'a' : 'b');
      mkdirSync(folder, { recursive: true });
      const body = `补贴政策出台。第${i}篇文章提到补贴${i % 3 === 0 ? '，再提补贴。' : '。'}`;
      const file = `${folder}/n${String(i).padStart(2, '0')}.md`;
      writeFileSync(
        file,
        `---\ntitle: '新闻 ${i}'\ndate: 2024-0${1 + (i % 4)}-10\nauthor: ${outlets[i % 3]}\n---\n\n<p>${body}</p>\n`,
      );
      texts.set(file, body);
    }
    env = { GLOSS_DATA_DIR: join(work, 'data') };
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('draws the same sample for the same seed, proportional per source, and saves it as a set', () => {
    const args = ['sample', library, '--size', '6', '--seed', '99', '--stratify', 'source'];
    const first = gloss([...args, '--save', '样本一', '--coder', 'Alice'], env);
    expect(first.code, first.stderr).toBe(0);
    const paths = first.stdout.trim().split('\n');
    expect(paths).toHaveLength(6);
    expect(first.stderr).toContain('seed: 99');
    const again = gloss(args, env);
    expect(again.stdout).toBe(first.stdout);
    // 4 articles per outlet: 2 of each.
    const outletOf = (p: string) => Number(/n(\d+)\.md$/.exec(p)![1]) % 3;
    expect([0, 1, 2].map((o) => paths.filter((p) => outletOf(p) === o).length)).toEqual([2, 2, 2]);

    const sets = gloss(['sets', library, '--json'], env);
    expect(sets.code, sets.stderr).toBe(0);
    expect(JSON.parse(sets.stdout)).toEqual([
      expect.objectContaining({ name: '样本一', size: 6, seed: 99, stratify: 'source', creator: 'Alice' }),
    ]);
    const table = gloss(['sets', library], env);
    expect(table.stdout).toMatch(/样本一\s+6\s+99\s+Alice/);
  });

  it('autocodes every hit a plain search finds, skips them the second time, and a dry run saves nothing', () => {
    const expected = [...texts.values()].reduce((n, t) => n + t.split('补贴').length - 1, 0);
    const dry = gloss(
      ['autocode', library, '--query', '补贴', '--tag', '政策/补贴', '--dry-run', '--coder', 'Alice'],
      env,
    );
    expect(dry.code, dry.stderr).toBe(1);
    expect(dry.stderr).toContain('No code "政策/补贴"');
    const tag = gloss(
      [
        'annotate',
        library,
        '--article',
        'a/n00.md',
        '--quote',
        '补贴政策出台',
        '--tag',
        '政策/补贴',
        '--coder',
        'Bob',
      ],
      env,
    );
    expect(tag.code, tag.stderr).toBe(0);
    const preview = gloss(
      ['autocode', library, '--query', '补贴', '--tag', '政策/补贴', '--dry-run', '--coder', 'Alice'],
      env,
    );
    expect(preview.stdout.trim().split('\n')).toHaveLength(expected);
    expect(preview.stderr).toContain(`${expected} hits in 12 articles`);
    const run = gloss(
      ['autocode', library, '--query', '补贴', '--tag', '补贴', '--coder', 'Alice', '--json'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: expected, skipped: 0 });
    const twice = gloss(['autocode', library, '--query', '补贴', '--tag', '补贴', '--coder', 'Alice'], env);
    expect(twice.stdout).toBe(`created 0 highlights, skipped ${expected}\n`);
    const inSet = gloss(
      [
        'autocode',
        library,
        '--query',
        '政策',
        '--tag',
        '补贴',
        '--scope',
        'sentence',
        '--set',
        '样本一',
        '--coder',
        'Bob',
        '--json',
      ],
      env,
    );
    expect(JSON.parse(inSet.stdout)).toMatchObject({ created: 5, skipped: 1 });
  });

  it('prints report rows whose figures the CSV export gives back', () => {
    const exported = gloss(['export', library, '--layout', 'tidy', '--no-bom'], env);
    const rows = parse(exported.stdout, { columns: true }) as Record<string, string>[];
    const freq = gloss(['report', library, '--kind', 'frequencies', '--json'], env);
    expect(freq.code, freq.stderr).toBe(0);
    const report = JSON.parse(freq.stdout) as {
      tag_path: string;
      coder: string | null;
      highlights: number;
      articles: number;
      characters: number;
    }[];
    for (const r of report) {
      const mine = rows.filter(
        (x) => x.tag_paths === r.tag_path && (r.coder === null || x.creator === r.coder),
      );
      expect(r).toEqual({
        tag_path: r.tag_path,
        coder: r.coder,
        highlights: mine.length,
        articles: new Set(mine.map((x) => x.article_id)).size,
        characters: mine.reduce((s, x) => s + Number(x.end) - Number(x.start), 0),
      });
    }
    expect(report.find((r) => r.coder === 'Alice')?.highlights).toBeGreaterThan(10);

    const timeline = JSON.parse(
      gloss(['report', library, '--kind', 'timeline', '--by', 'month', '--json'], env).stdout,
    ) as { period: string; highlights: number }[];
    expect(timeline.reduce((s, r) => s + r.highlights, 0)).toBe(rows.length);
    expect(timeline.map((r) => r.period)).toEqual([...timeline.map((r) => r.period)].sort());

    const matrix = gloss(['report', library, '--kind', 'matrix', '--set', '样本一', '--csv'], env);
    const cells = parse(matrix.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(cells[0]!)).toEqual([
      'article_path',
      'title',
      'date',
      'source',
      'tag_path',
      'highlights',
    ]);
    const sampled = new Set(
      gloss(['sample', library, '--size', '6', '--seed', '99', '--stratify', 'source'], env)
        .stdout.trim()
        .split('\n'),
    );
    expect(cells.every((c) => sampled.has(c.article_path!))).toBe(true);

    const co = JSON.parse(gloss(['report', library, '--kind', 'cooccurrence', '--json'], env).stdout);
    expect(co).toEqual([]);
    const bad = gloss(['report', library, '--kind', 'matrix', '--by', 'week'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--by goes with --kind timeline');
    expect(readdirSync(join(library, '.gloss', 'coders')).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^alice\./)]),
    );
    expect(readFileSync(join(library, 'a', 'n00.md'), 'utf8')).toContain('补贴政策出台');
  });
});
