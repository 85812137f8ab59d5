// Desktop: a chart saved through the save dialog lands where the user chose, as the page made it;
// what is not a PNG is refused; the browser mode (no dialogs) is told to download instead.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartFileContract } from '../../../core/api/chart-file-contract.js';
import { chartFileHandlers } from '../../../core/api/chart-file-handlers.js';
import type { ServiceContext } from '../../../core/api/service-context.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

function handlers(picked: string | null, dialogs = true) {
  const asked: { name: string; extensions: string[] }[] = [];
  const ctx = {
    dialogs: dialogs
      ? {
          pickFolder: async () => null,
          pickSaveFile: async (name: string, extensions: string[]) => {
            asked.push({ name, extensions });
            return picked;
          },
          showInFolder: () => undefined,
        }
      : null,
  } as unknown as ServiceContext;
  return { h: chartFileHandlers(ctx), asked };
}

const input = (x: unknown) => chartFileContract.saveChartFile.input.parse(x);

describe('saving a chart file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-chart-file-'));

  it('writes the SVG text where the user chose, proposing only a name', async () => {
    const file = join(dir, '图表.svg');
    const { h, asked } = handlers(file);
    const saved = await h.saveChartFile(
      input({ fileName: '../../x/frequencies.svg', format: 'svg', content: '<svg/>' }),
    );
    expect(saved).toEqual({ path: file });
    expect(readFileSync(file, 'utf8')).toBe('<svg/>');
    expect(asked).toEqual([{ name: 'frequencies.svg', extensions: ['svg'] }]);
  });

  it('writes a PNG from its base64 bytes, and refuses bytes that are not a PNG', async () => {
    const file = join(dir, 'chart.png');
    const { h } = handlers(file);
    await h.saveChartFile(input({ fileName: 'chart.png', format: 'png', content: PNG.toString('base64') }));
    expect(readFileSync(file)).toEqual(PNG);
    await expect(
      h.saveChartFile(
        input({ fileName: 'chart.png', format: 'png', content: Buffer.from('GIF89a').toString('base64') }),
      ),
    ).rejects.toThrow(/not a PNG/);
  });

  it('returns null when the dialog is cancelled, and asks the browser mode to download', async () => {
    expect(
      await handlers(null).h.saveChartFile(input({ fileName: 'a.svg', format: 'svg', content: 'x' })),
    ).toBeNull();
    await expect(
      handlers(null, false).h.saveChartFile(input({ fileName: 'a.svg', format: 'svg', content: 'x' })),
    ).rejects.toThrow(/download/);
  });
});
