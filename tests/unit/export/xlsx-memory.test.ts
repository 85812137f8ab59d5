// The Excel export streams: a workbook of 10,000 highlights with 1,000-character quotes and
// 1,500-character notes (about 80 MB of sheet XML, more than the whole heap allowed) is written by a
// child process whose old space is capped at 48 MB. An export that kept its rows, or built the workbook in memory, would run out.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(import.meta.dirname, 'support/xlsx-many-rows.ts');

describe('Excel export memory', () => {
  it('writes 10,000 long rows under a 48 MB heap', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--max-old-space-size=48', '--import', 'tsx', SCRIPT, '10000', '1000'],
      { cwd: path.resolve(import.meta.dirname, '../../..'), timeout: 120_000 },
    );
    const [, rows, bytes, peak] = /ROWS (\d+) BYTES (\d+) PEAK_MB ([\d.]+)/.exec(stdout) ?? [];
    expect(Number(rows)).toBe(10_000);
    expect(Number(bytes)).toBeGreaterThan(1_000_000);
    expect(Number(peak)).toBeLessThan(48);
  }, 130_000);
});
