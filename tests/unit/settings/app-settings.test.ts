// App settings: a process killed while saving them leaves a temp file; the next start removes it
// once it is old, and never touches a young one (another process may be writing it right now).
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppSettings } from '../../../core/settings/app-settings.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('app settings', () => {
  it('removes temp files a killed save left behind, once they are an hour old', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-settings-'));
    const old = join(dir, 'settings.json.4242.a1b2c3d4e5f6.tmp');
    const oldHidden = join(dir, '.settings.json.4244.a1b2c3d4.tmp');
    const young = join(dir, 'settings.json.4243.0123456789ab.tmp');
    const other = join(dir, 'notes.txt.1.aa.tmp');
    for (const f of [old, oldHidden, young, other]) writeFileSync(f, '{"schemaVersion":1');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    utimesSync(oldHidden, twoHoursAgo, twoHoursAgo);
    utimesSync(other, twoHoursAgo, twoHoursAgo);
    const settings = await AppSettings.load(dir);
    expect(settings.recent).toEqual([]);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(oldHidden)).toBe(false);
    expect(existsSync(young)).toBe(true);
    expect(existsSync(other)).toBe(true); // not ours
  });
});
