/**
 * Who is coding: the installation id is made once and kept by every later run on the machine; the
 * coder's name comes from --coder, the preference or the OS user; the API switches coders, says when
 * the first-run question was answered, and announces the switch.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GlossEvent } from '../../../core/api/contract.js';
import { createService } from '../../../core/api/service.js';
import { AppSettings } from '../../../core/settings/app-settings.js';
import {
  coderNameOf,
  defaultCoderName,
  importWriterId,
  writerIdentity,
} from '../../../core/settings/coder-identity.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('coder identity', () => {
  it('makes the installation id once and keeps it in the settings file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-coder-'));
    const first = await AppSettings.load(dir);
    const id = await first.installationId();
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).installationId).toBe(id);
    const second = await AppSettings.load(dir);
    expect(await second.installationId()).toBe(id);
    // Saving preferences keeps it.
    await second.setPreferences({ creator: '李伟' });
    expect((await AppSettings.load(dir)).currentInstallationId).toBe(id);
  });

  it('takes the first name given, else the OS user', () => {
    expect(coderNameOf('  Ana ', 'Bo')).toBe('Ana');
    expect(coderNameOf(null, '', 'Bo')).toBe('Bo');
    expect(coderNameOf(undefined, '  ')).toBe(defaultCoderName());
    expect(defaultCoderName().length).toBeGreaterThan(0);
  });

  it('names the writer folder after the coder and the installation', () => {
    expect(writerIdentity('Li Wei', '0a1b2c3d')).toEqual({
      writerId: 'li-wei.0a1b2c3d',
      coder: { id: 'li-wei', name: 'Li Wei' },
    });
    expect(writerIdentity('王芳', '0a1b2c3d').writerId).toMatch(/^c-[0-9a-f]{12}\.0a1b2c3d$/);
    expect(importWriterId('ana', '0a1b2c3d')).toBe('ana.import-0a1b2c3d');
  });

  it('asks once: setCoder and skipCoderPrompt answer the question, a switch is announced', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-coder-'));
    const service = await createService({ host: 'browser', version: 't', appDataDir: dir, watch: false });
    const events: GlossEvent[] = [];
    service.subscribe((e) => events.push(e));
    const installation = service.ctx.settings.currentInstallationId;
    const before = await service.handlers.getCoder({});
    expect(before).toMatchObject({ asked: false, coders: [], coder: { name: defaultCoderName() } });
    expect(before.writerId).toBe(`${before.coder.id}.${installation}`);

    const skipped = await service.handlers.skipCoderPrompt({});
    expect(skipped).toMatchObject({ asked: true, coder: before.coder });
    expect(events).toEqual([]);

    const ana = await service.handlers.setCoder({ name: ' Ana Lima ' });
    expect(ana).toMatchObject({ asked: true, coder: { id: 'ana-lima', name: 'Ana Lima' } });
    expect(ana.writerId).toBe(`ana-lima.${installation}`);
    expect(events).toContainEqual({ type: 'coders-changed' });
    // Kept for the next start.
    expect((await AppSettings.load(dir)).preferences).toMatchObject({
      creator: 'Ana Lima',
      coderAsked: true,
    });
  });

  it('a coder given to the process (--coder) wins over the preference and can answer the question', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-coder-'));
    const service = await createService({
      host: 'browser',
      version: 't',
      appDataDir: dir,
      watch: false,
      coder: { name: 'Bo', asked: true },
    });
    expect(await service.handlers.getCoder({})).toMatchObject({
      asked: true,
      coder: { id: 'bo', name: 'Bo' },
    });
  });
});
