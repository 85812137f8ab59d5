// Coder ids come from names so one person is one coder on every machine; writer ids name folders.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSENSUS_CODER_ID,
  coderIdOf,
  isValidCoderId,
  isValidWriterId,
  newInstallationId,
  parseWriterId,
  writerIdOf,
} from '../../../core/teams/coder.js';

describe('coderIdOf', () => {
  it('keeps simple names readable and treats case, width and spacing alike', () => {
    expect(coderIdOf('Li Wei')).toBe('li-wei');
    expect(coderIdOf('  li   WEI ')).toBe('li-wei');
    expect(coderIdOf('ＬＩ　ｗｅｉ')).toBe('li-wei'); // full-width letters and ideographic space
    expect(coderIdOf('anna_k')).toBe('anna_k');
  });

  it('hashes names that cannot be a folder name, the same way on every machine', () => {
    const id = coderIdOf('李伟');
    expect(id).toMatch(/^c-[0-9a-f]{12}$/);
    expect(coderIdOf(' 李伟 ')).toBe(id);
    expect(coderIdOf('王芳')).not.toBe(id);
    expect(coderIdOf('Dr. Who')).toMatch(/^c-/);
    expect(coderIdOf('x'.repeat(41))).toMatch(/^c-/);
    expect(coderIdOf('')).toMatch(/^c-/);
  });

  it('never gives a person the reserved consensus id', () => {
    expect(coderIdOf('Consensus')).not.toBe(CONSENSUS_CODER_ID);
    expect(isValidCoderId(coderIdOf('consensus'))).toBe(true);
  });

  it('always gives a valid id that makes a valid writer id', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const id = coderIdOf(name);
        expect(isValidCoderId(id)).toBe(true);
        expect(isValidWriterId(writerIdOf(id, 'ab12cd34'))).toBe(true);
      }),
    );
  });
});

describe('writer ids', () => {
  it('round-trip through parseWriterId, imports included', () => {
    expect(parseWriterId(writerIdOf('li-wei', '0a1b2c3d'))).toEqual({
      coderId: 'li-wei',
      installationId: '0a1b2c3d',
    });
    expect(parseWriterId('c-0123456789ab.import-0a1b2c3d')).toEqual({
      coderId: 'c-0123456789ab',
      installationId: 'import-0a1b2c3d',
    });
  });

  it('rejects folder names that are not writer ids', () => {
    for (const bad of ['', 'li-wei', '.abc', 'Li.abc', 'li.', 'li.a.b', 'li/x.abc', '../x.abc', '-a.abc']) {
      expect(parseWriterId(bad)).toBeNull();
      expect(isValidWriterId(bad)).toBe(false);
    }
    expect(() => writerIdOf('Li Wei', 'abc')).toThrow();
  });

  it('makes random 8-hex installation ids', () => {
    const ids = new Set(Array.from({ length: 50 }, newInstallationId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}$/);
  });
});
