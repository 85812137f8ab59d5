// Turns bench results into bench/results/latest.json and latest.md: one row per measure with its
// baseline from the same run, the ratio, the target and pass/fail, then details and notes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Row {
  measure: string;
  value: number | null;
  unit: 'ms' | 's' | 'MB' | 'x';
  baseline: number | null;
  baselineLabel: string;
  /** Target as text, and the check (null: informational). */
  target: string;
  pass: boolean | null;
  note?: string;
}

export interface Report {
  startedAt: string;
  finishedAt: string;
  durationS: number;
  mode: 'full' | 'quick';
  only: string | null;
  machine: { node: string; cpus: number; platform: string };
  libraries: unknown[];
  rows: Row[];
  details: Record<string, unknown>;
  notes: string[];
}

const fmt = (v: number | null, unit: string): string => {
  if (v === null || Number.isNaN(v)) return '–';
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)} ${unit}`;
};

export function ratio(value: number | null, baseline: number | null): number | null {
  return value === null || baseline === null || baseline === 0 ? null : value / baseline;
}

export function toMarkdown(r: Report): string {
  const lines = [
    `# Gloss bench — ${r.mode} run`,
    '',
    `${r.startedAt} · ${r.durationS.toFixed(0)} s · Node ${r.machine.node} · ${r.machine.cpus} CPUs · ${r.machine.platform}${r.only ? ` · only: ${r.only}` : ''}`,
    '',
    '| measure | value | baseline (same run) | ratio | target | result |',
    '|---|---:|---|---:|---|---|',
  ];
  for (const row of r.rows) {
    const q = ratio(row.value, row.baseline);
    const result = row.pass === null ? 'info' : row.pass ? 'pass' : '**MISS**';
    const unit = row.unit;
    lines.push(
      `| ${row.measure} | ${fmt(row.value, unit)} | ${row.baseline === null ? '–' : `${fmt(row.baseline, unit)} (${row.baselineLabel})`} | ${q === null ? '–' : `${q.toFixed(2)}×`} | ${row.target} | ${result}${row.note ? ` — ${row.note}` : ''} |`,
    );
  }
  lines.push(
    '',
    '## Libraries',
    '',
    '```json',
    JSON.stringify(r.libraries, null, 2),
    '```',
    '',
    '## Notes',
    '',
  );
  for (const n of r.notes) lines.push(`- ${n}`);
  lines.push('', '## Details', '', '```json', JSON.stringify(r.details, null, 2), '```', '');
  return lines.join('\n');
}

export function writeReport(dir: string, report: Report): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.md'), toMarkdown(report));
}
