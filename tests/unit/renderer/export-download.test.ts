// The browser download of an export: text goes out as UTF-8, a binary export (.qdpx) as its bytes.
import { describe, expect, it } from 'vitest';
import { exportBlob } from '../../../renderer/src/export/download.js';

describe('export download', () => {
  it('saves text as UTF-8 and base64 content as the bytes it encodes', async () => {
    const text = exportBlob('\uFEFF中文,𠀀', 'text/csv');
    expect(Buffer.from(await text.arrayBuffer())).toEqual(Buffer.from('\uFEFF中文,𠀀', 'utf8'));
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80, 0x7f]);
    const zip = exportBlob(bytes.toString('base64'), 'application/zip', 'base64');
    expect(zip.type).toBe('application/zip');
    expect(Buffer.from(await zip.arrayBuffer())).toEqual(bytes);
  });
});
