// A file the scan cannot read (EACCES). Tests run as root here, where chmod 000 does not stop
// reads, so the failure is injected at the fs boundary instead.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../../core/library/library.js';
import { tempLibrary, type TempLibrary } from './library-test-helpers.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = ((path: unknown, ...rest: unknown[]) => {
    if (String(path).endsWith('locked.txt'))
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    return (fs.openSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, openSync }, openSync };
});

let lib: TempLibrary;
afterEach(() => lib?.cleanup());

describe('an unreadable file', () => {
  it('is listed with an "unreadable" warning and does not stop the scan', async () => {
    lib = tempLibrary();
    writeFileSync(join(lib.root, 'locked.txt'), '<p>secret</p>');
    const handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
    await handle.whenScanned();
    const locked = handle.list().articles.find((a) => a.path === 'locked.txt');
    expect(locked?.warnings).toEqual([expect.objectContaining({ code: 'unreadable' })]);
    expect(handle.list().articles).toHaveLength(9);
    await handle.close();
  });
});
