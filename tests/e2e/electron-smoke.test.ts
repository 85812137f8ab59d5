/**
 * Desktop smoke test with Playwright's Electron driver. It needs Electron's binary, which an
 * offline install does not have: then it is skipped, and says why.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { REPO } from './support/serve-gloss.js';

function electronBinary(): string | null {
  const dir = join(REPO, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) {
  console.warn(
    'Electron smoke test skipped: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or an offline install).',
  );
}

describe.skipIf(!binary)('the desktop app (Electron)', () => {
  it('opens a secure window on the sample library', async () => {
    const app = await _electron.launch({
      executablePath: binary!,
      args: [REPO, '--no-sandbox'],
      env: { ...process.env, GLOSS_DATA_DIR: mkdtempSync(join(tmpdir(), 'gloss-electron-')) },
    });
    const window = await app.firstWindow();
    await window.getByTestId('app').waitFor();
    expect(window.url()).toMatch(/^app:\/\/gloss\//);
    const hasNode = await window.evaluate(
      () => typeof (globalThis as { require?: unknown }).require !== 'undefined',
    );
    expect(hasNode).toBe(false);
    await window.waitForSelector('[data-testid="article-row"]');
    await app.close();
  });
});
