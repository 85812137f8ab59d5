// @vitest-environment jsdom
// The Import tab tells a file's kind by its name, and reads uploads as base64 exactly.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileAsBase64, importKindOf } from '../../../renderer/src/export/import-file-kind.js';
import {
  loadSettings,
  saveSettings,
  DEFAULT_SETTINGS,
} from '../../../renderer/src/export/export-settings.js';

describe('import file kinds', () => {
  it('knows .json, .qdpx and .qdc in any case, and nothing else', () => {
    expect(importKindOf('编码.QDPX')).toBe('qdpx');
    expect(importKindOf('codebook.qdc')).toBe('qdc');
    expect(importKindOf('export.jsonld')).toBe('json');
    expect(importKindOf('project.qde')).toBe(null);
    expect(importKindOf('qdpx')).toBe(null);
  });

  it('reads any bytes as the base64 Node writes for them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect(await fileAsBase64(new Blob([bytes]))).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 30 },
    );
  });
});

describe('export settings', () => {
  it('remember the interop formats, and ignore unknown ones', () => {
    saveSettings({ ...DEFAULT_SETTINGS, format: 'xlsx' });
    expect(loadSettings().format).toBe('xlsx');
    saveSettings({ ...DEFAULT_SETTINGS, format: 'qdpx' });
    expect(loadSettings().format).toBe('qdpx');
    localStorage.setItem('gloss.exportSettings', JSON.stringify({ format: 'pdf' }));
    expect(loadSettings().format).toBe('csv');
  });
});
