import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { gloss } from './run-gloss.js';

/**
 * `--folder` takes the folder's sub-folders unless `--no-subfolders`, as the library list's toggle
 * does, in every command that has it: export, agreement and the analysis commands (here sample).
 */
describe('--folder with and without --no-subfolders', () => {
  let work: string;
  let library: string;
  let env: Record<string, string>;
  const files = { 'news/top.md': '央行今日宣布降准。', 'news/sina/deep.md': '财政部发布新规。' };

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'gloss-subfolders-'));
    library = join(work, 'library');
    mkdirSync(join(library, 'news', 'sina'), { recursive: true });
    for (const [path, text] of Object.entries(files))
      writeFileSync(join(library, path), `---\ntitle: ${path}\n---\n\n<p>${text}</p>\n`);
    env = { GLOSS_DATA_DIR: join(work, 'data') };
    for (const coder of ['Alice', 'Bob'])
      for (const [path, text] of Object.entries(files)) {
        const args = ['annotate', library, '--coder', coder, '--article', path, '--quote', text.slice(0, 4)];
        const made = gloss([...args, '--tag', '政策'], env);
        expect(made.code, made.stderr).toBe(0);
      }
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const exportedPaths = (args: string[]): string[] => {
    const run = gloss(['export', library, '--format', 'csv', ...args], env);
    expect(run.code).toBe(0);
    const rows = parse(run.stdout.replace(/^\uFEFF/, ''), { columns: true }) as { article_path: string }[];
    return [...new Set(rows.map((r) => r.article_path))].sort();
  };

  it('includes the sub-folders by default', () => {
    expect(exportedPaths(['--folder', 'news'])).toEqual(['news/sina/deep.md', 'news/top.md']);
  });

  it('keeps to the folder’s own articles with --no-subfolders', () => {
    expect(exportedPaths(['--folder', 'news', '--no-subfolders'])).toEqual(['news/top.md']);
    expect(exportedPaths(['--folder', 'news/sina', '--no-subfolders'])).toEqual(['news/sina/deep.md']);
  });

  it('agreement and sample keep to the folder’s own articles with --no-subfolders', () => {
    const articles = (args: string[]) => {
      const run = gloss(['agreement', library, '--coders', 'Alice,Bob', '--json', ...args], env);
      expect(run.code, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as { articles: number }).articles;
    };
    expect(articles(['--folder', 'news'])).toBe(2);
    expect(articles(['--folder', 'news', '--no-subfolders'])).toBe(1);

    const sampled = (args: string[]) =>
      gloss(['sample', library, '--size', '5', '--seed', '1', ...args], env)
        .stdout.trim()
        .split('\n')
        .sort();
    expect(sampled(['--folder', 'news'])).toEqual(['news/sina/deep.md', 'news/top.md']);
    expect(sampled(['--folder', 'news', '--no-subfolders'])).toEqual(['news/top.md']);
  });
});
