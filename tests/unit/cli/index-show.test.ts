import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mkdtempSync,
  mkdirSync,
  readdirSync,
  rmSync,
  writeFileSync,
  cpSync,
  readFileSync,
  truncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gloss, REPO } from './run-gloss.js';

describe('gloss index and gloss show', () => {
  let work: string;
  let library: string;
  let env: Record<string, string>;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'gloss-cli-'));
    library = join(work, 'library');
    cpSync(join(REPO, 'assets', 'sample-library'), library, {
      recursive: true,
      filter: (src) => !src.includes('.gloss'),
    });
    mkdirSync(join(library, 'broken'));
    writeFileSync(
      join(library, 'broken', 'bad-front-matter.md'),
      '---\ntitle: [unclosed\ndate: 2022-01-01\n---\n\n<p>正文还在。</p>\n',
    );
    env = { GLOSS_DATA_DIR: join(work, 'data') };
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('lists every article with its title and date as JSON', () => {
    const { code, stdout } = gloss(['index', library, '--json'], env);
    expect(code).toBe(0);
    const { articles } = JSON.parse(stdout) as {
      articles: { path: string; title: string; date: string | null }[];
    };
    const files = readdirSync(library, { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && e.name.endsWith('.md'),
    );
    expect(articles).toHaveLength(files.length);
    const charging = articles.find((a) => a.path.endsWith('江澜省充电基础设施三年行动方案.md'));
    expect(charging?.title).toContain('江澜省印发充电基础设施三年行动方案');
    expect(charging?.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('reports a broken front matter on stderr with its line, and still lists the article', () => {
    const { code, stdout, stderr } = gloss(['index', library], env);
    expect(code).toBe(0);
    expect(stdout).toContain('bad-front-matter.md');
    expect(stderr).toMatch(/bad-front-matter\.md:\d+: /);
  });

  it('shows an article as clean text, without boilerplate', () => {
    const file = join(library, '金融', '新浪财经', '江澜省充电基础设施三年行动方案.md');
    expect(readFileSync(file, 'utf8')).toContain('appendQr');
    const { code, stdout } = gloss(['show', file], env);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toContain('江澜省印发充电基础设施三年行动方案');
    expect(stdout).toContain('充电桩');
    for (const junk of ['appendQr', '新浪财经APP', '责任编辑', '<!--', '&#123;', 'cms-style'])
      expect(stdout).not.toContain(junk);
  });

  it('shows the sanitized HTML and the JSON form', () => {
    const file = join(library, '金融', '新浪财经', '江澜省充电基础设施三年行动方案.md');
    const html = gloss(['show', file, '--html'], env);
    expect(html.stdout).toContain('<p');
    expect(html.stdout).not.toMatch(/<script|<style|on\w+=/i);
    const json = JSON.parse(gloss(['show', file, '--json'], env).stdout) as {
      doc: { text: string };
      meta: { editor: string };
    };
    expect(json.doc.text).toContain('充电桩');
    expect(json.meta.editor).toBeTruthy();
  });

  it('fails clearly on a missing file or folder', () => {
    const show = gloss(['show', join(work, 'nope.md')], env);
    expect(show.code).not.toBe(0);
    expect(show.stderr).toContain('No such file');
    const index = gloss(['index', join(work, 'nope')], env);
    expect(index.code).not.toBe(0);
    expect(index.stderr).toMatch(/not found/i);
  });

  it('loads jsdom (1.5 s) only for commands that clean an article', () => {
    // A preload script that reports every require of jsdom on stderr.
    const hook = join(work, 'report-jsdom.cjs');
    writeFileSync(
      hook,
      "const M = require('node:module'); const load = M._load; M._load = function (r, ...a) { if (r === 'jsdom') process.stderr.write('LOADED jsdom\\n'); return load.call(this, r, ...a); };",
    );
    const traced = { ...env, NODE_OPTIONS: `--require ${hook}` };
    const index = gloss(['index', library], traced);
    expect(index.code).toBe(0);
    expect(index.stderr).not.toContain('LOADED jsdom');
    const files = readdirSync(library, { recursive: true }).map(String);
    const article = files.find((f) => f.endsWith('.md') && !f.startsWith('broken'))!;
    const show = gloss(['show', join(library, article), '--text'], traced);
    expect(show.code).toBe(0);
    expect(show.stderr).toContain('LOADED jsdom');
  });

  it('says a file over 50 MB is too large (not empty) when asked to show it', () => {
    const huge = join(work, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 51 * 1024 * 1024); // sparse: no disk space used
    const show = gloss(['show', huge, '--json'], env);
    expect(show.stderr).toMatch(/51\.0 MB; Gloss opens files up to 50 MB/);
    expect(show.stderr).not.toMatch(/empty/i);
    expect((JSON.parse(show.stdout) as { warnings: { code: string }[] }).warnings[0]?.code).toBe('too-large');
  });
});
