import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { gloss, REPO } from './run-gloss.js';

/** Scripts pre-annotate with `gloss annotate`, then export with `gloss export`. */
describe('gloss annotate and gloss export', () => {
  let work: string;
  let library: string;
  let env: Record<string, string>;
  const article = 'policy/charging.md';

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'gloss-annotate-'));
    library = join(work, 'library');
    mkdirSync(join(library, 'policy'), { recursive: true });
    writeFileSync(
      join(library, article),
      [
        '---',
        "title: '充电桩三年行动方案'",
        'author: 新浪财经',
        'date: Tue, 08 Feb 2022 12:47:22 GMT',
        'desk: 财经',
        '---',
        '',
        '<p>　　到2024年底，全省公共充电桩总量达到12万台以上。</p>',
        '<p>　　“充电难”主要集中在老旧小区。充电桩建设是重点 🚗。</p>',
        '<p>　　充电桩建设是重点，补贴为每千瓦200元。</p>',
      ].join('\n'),
    );
    env = { GLOSS_DATA_DIR: join(work, 'data') };
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('adds a highlight with tags and a note and prints it as JSON', () => {
    const { code, stdout, stderr } = gloss(
      [
        'annotate',
        library,
        '--article',
        article,
        '--quote',
        '12万台以上',
        '--tag',
        '政策目标/数量',
        '--note',
        '=核心指标',
      ],
      env,
    );
    expect(stderr).toContain('created tag "政策目标/数量"');
    expect(code).toBe(0);
    const created = JSON.parse(stdout) as {
      id: string;
      quote: { exact: string };
      note: string;
      tagIds: string[];
    };
    expect(created.quote.exact).toBe('12万台以上');
    expect(created.note).toBe('=核心指标');
    expect(created.tagIds).toHaveLength(1);
  });

  it('refuses an ambiguous quote, listing the candidates, and takes --occurrence', () => {
    const ambiguous = gloss(['annotate', library, '--article', article, '--quote', '充电桩建设是重点'], env);
    expect(ambiguous.code).not.toBe(0);
    expect(ambiguous.stderr).toContain('occurs 2 times');
    expect(ambiguous.stderr).toMatch(/1\. at \d+/);
    expect(ambiguous.stderr).toMatch(/2\. at \d+/);
    const second = gloss(
      [
        'annotate',
        library,
        '--article',
        article,
        '--quote',
        '充电桩建设是重点',
        '--occurrence',
        '2',
        '--tag',
        '数量',
      ],
      env,
    );
    expect(second.code).toBe(0);
  });

  it('refuses a quote that is not in the article', () => {
    const { code, stderr } = gloss(
      ['annotate', library, '--article', article, '--quote', '不存在的句子'],
      env,
    );
    expect(code).not.toBe(0);
    expect(stderr).toContain('Quote not found');
  });

  it('exports the highlights as an Excel-safe CSV', () => {
    const out = join(work, 'out.csv');
    const { code } = gloss(['export', library, '--format', 'csv', '--out', out], env);
    expect(code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    const target = rows.find((r) => r.quote === '12万台以上')!;
    expect(target.title).toBe('充电桩三年行动方案');
    expect(target.tag_paths).toBe('政策目标/数量');
    expect(target.note).toBe("'=核心指标");
    expect(target.meta_desk).toBe('财经');
    expect(Number(target.end) - Number(target.start)).toBe([...'12万台以上'].length);
  });

  it('lets scripts run in parallel create the same new tag, every highlight saved', async () => {
    const runs = await Promise.all(
      ['补贴', '充电难', '公共充电桩'].map((quote) =>
        glossAsync(
          ['annotate', library, '--article', article, '--quote', quote, '--tag', '并行/新标签'],
          env,
        ),
      ),
    );
    for (const run of runs) expect(run.stderr).not.toContain('already');
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const tagIds = runs.map((r) => (JSON.parse(r.stdout) as { tagIds: string[] }).tagIds[0]);
    expect(new Set(tagIds).size).toBe(1);
  });

  it('says on stderr when a store file is corrupt, and where it was moved', () => {
    const coders = join(library, '.gloss', 'coders');
    const dir = join(coders, readdirSync(coders)[0]!, 'annotations');
    const file = readdirSync(dir).find((f) => f.endsWith('.json'))!;
    writeFileSync(join(dir, file), 'garbage{{{');
    const { code, stderr } = gloss(
      ['export', library, '--format', 'csv', '--out', join(work, 'after.csv')],
      env,
    );
    expect(code).toBe(0);
    expect(stderr).toContain(file);
    expect(stderr).toMatch(/moved/i);
    expect(readdirSync(dir).some((f) => f.includes('.corrupt-'))).toBe(true);
  });
});

/** `gloss` in a child process that does not block the test, so several can run at once. */
function glossAsync(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'cli/index.ts'), ...args], {
      cwd: REPO,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
