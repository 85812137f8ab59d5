/**
 * Doyensec's Electronegativity (an Electron security linter) over the desktop host: its sources
 * (electron/), the built main and preload, the page and package.json. Each finding it reports today
 * is triaged in electron/electronegativity-triage.json (why it is acceptable, or how it was fixed
 * elsewhere); a new finding fails until it is fixed or triaged, and a triage entry that no longer
 * matches a finding fails too, so the file stays true.
 *
 * Its check for newer Electron releases is left out: it needs the network (unreachable here, and
 * retried for seconds) and its answer changes with every release, not with this code.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDesktopHost } from './build-desktop-host.js';

interface Issue {
  id: string;
  file: string;
  sample?: string;
  location: { line: number; column: number };
  description: string;
}
type Run = (
  options: Record<string, unknown>,
) => Promise<{ issues: Issue[]; errors: { file: string; message: string }[] }>;

interface Triaged {
  check: string;
  file: string;
  code: string;
  why: string;
}

const REPO = resolve(import.meta.dirname, '..', '..', '..');
const triage = JSON.parse(readFileSync(join(REPO, 'electron', 'electronegativity-triage.json'), 'utf8')) as {
  findings: Triaged[];
};
const work = mkdtempSync(join(tmpdir(), 'gloss-electronegativity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What a finding is known by: its check, its file and its line of code (line numbers move). */
const keyOf = (f: { check: string; file: string; code: string }) => `${f.check} ${f.file}: ${f.code}`;
const codeOf = (issue: Issue) => (issue.sample ?? '').split('\n')[0]!.trim();

let issues: Issue[] = [];
let errors: { file: string; message: string }[] = [];

beforeAll(async () => {
  const input = join(work, 'app');
  const built = join(work, 'built');
  await buildDesktopHost(built);
  cpSync(join(REPO, 'electron'), join(input, 'electron'), {
    recursive: true,
    filter: (src) => !src.endsWith('.json'),
  });
  mkdirSync(join(input, 'dist', 'electron'), { recursive: true });
  for (const file of ['main.js', 'preload.cjs'])
    cpSync(join(built, 'electron', file), join(input, 'dist', 'electron', file));
  cpSync(join(REPO, 'renderer', 'index.html'), join(input, 'renderer', 'index.html'));
  cpSync(join(REPO, 'package.json'), join(input, 'package.json'));
  const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;
  // It says on stdout that it could not fetch translations (offline); that is harmless.
  const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    ({ issues, errors } = await run({
      input,
      isRelative: true,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    }));
  } finally {
    quiet.mockRestore();
  }
}, 60_000);

describe('Electronegativity', () => {
  it('parses every file it scans', () => {
    expect(errors).toEqual([]);
  });

  it('reports nothing that is not triaged in electron/electronegativity-triage.json', () => {
    const known = new Set(triage.findings.map(keyOf));
    const untriaged = issues
      .map((issue) => ({ check: issue.id, file: issue.file, code: codeOf(issue), issue }))
      .filter((f) => !known.has(keyOf(f)))
      .map((f) => `${keyOf(f)} (line ${f.issue.location.line}): ${f.issue.description}`);
    expect(untriaged, 'Fix these, or triage them with the reason they are acceptable').toEqual([]);
  });

  it('has no triage entry left for a finding that is gone, and gives each a reason', () => {
    const found = new Set(
      issues.map((issue) => keyOf({ check: issue.id, file: issue.file, code: codeOf(issue) })),
    );
    expect(triage.findings.filter((t) => !found.has(keyOf(t))).map(keyOf)).toEqual([]);
    for (const t of triage.findings) expect(t.why.length, keyOf(t)).toBeGreaterThan(40);
  });
});
