// Hybrid logical clock: stamps sort as strings, and a clock never goes backwards.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HlcClock, compareStamps, formatStamp, maxStamp, parseStamp } from '../../../core/teams/hlc.js';

describe('stamps', () => {
  it('have the documented fixed-width format and parse back', () => {
    const s = formatStamp(1_764_000_000_000, 37, 'li-wei.0a1b2c3d');
    expect(s).toBe('001764000000000:0011:li-wei.0a1b2c3d');
    expect(parseStamp(s)).toEqual({ wall: 1_764_000_000_000, counter: 37, writerId: 'li-wei.0a1b2c3d' });
  });

  it('reject anything else without throwing', () => {
    for (const bad of [
      '',
      '1764000000000:0011:li-wei.0a1b2c3d',
      '001764000000000:11:li-wei.0a1b2c3d',
      '001764000000000:0011:',
      '001764000000000:0011:Li.x',
      '001764000000000:00A1:li.x',
      null,
      42,
      { wall: 1 },
    ]) {
      expect(parseStamp(bad)).toBeNull();
    }
  });

  it('order by wall time, then counter, then writer id', () => {
    const a = formatStamp(9, 35, 'b.x');
    const b = formatStamp(10, 0, 'a.x');
    const c = formatStamp(10, 1, 'a.x');
    const d = formatStamp(10, 1, 'b.x');
    expect([d, b, c, a].sort(compareStamps)).toEqual([a, b, c, d]);
    expect(maxStamp(null, a)).toBe(a);
    expect(maxStamp(d, c)).toBe(d);
    expect(maxStamp(null, null)).toBeNull();
  });
});

describe('HlcClock', () => {
  it('uses the wall clock, and counts within one millisecond', () => {
    let now = 1000;
    const clock = new HlcClock('a.x', () => now);
    expect(clock.tick()).toBe(formatStamp(1000, 0, 'a.x'));
    expect(clock.tick()).toBe(formatStamp(1000, 1, 'a.x'));
    now = 2000;
    expect(clock.tick()).toBe(formatStamp(2000, 0, 'a.x'));
  });

  it('stays ahead of a stamp from a machine whose clock runs fast, and of its own past', () => {
    let now = 5000;
    const clock = new HlcClock('a.x', () => now);
    clock.observe(formatStamp(9000, 3, 'b.y'));
    expect(clock.tick()).toBe(formatStamp(9000, 4, 'a.x'));
    now = 100; // the wall clock was set back
    expect(clock.tick()).toBe(formatStamp(9000, 5, 'a.x'));
    clock.observe('garbage');
    expect(clock.tick()).toBe(formatStamp(9000, 6, 'a.x'));
  });

  it('refuses a bad writer id', () => {
    expect(() => new HlcClock('Not Valid')).toThrow();
  });

  it('every tick is greater than everything made or observed before, whatever the wall clock does', () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('tick' as const),
        now: fc.oneof(fc.integer({ min: -5, max: 3e12 }), fc.constant(Number.NaN)),
      }),
      fc.record({
        kind: fc.constant('observe' as const),
        wall: fc.integer({ min: 0, max: 3e12 }),
        counter: fc.integer({ min: 0, max: 36 ** 4 - 1 }),
        writer: fc.constantFrom('a.x', 'b.y', 'zz.import-1'),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let now = 0;
        const clock = new HlcClock('m.q', () => now);
        let highest: string | null = null;
        for (const s of steps) {
          if (s.kind === 'observe') {
            const stamp = formatStamp(s.wall, s.counter, s.writer);
            clock.observe(stamp);
            highest = maxStamp(highest, stamp);
          } else {
            now = s.now;
            const stamp = clock.tick();
            expect(parseStamp(stamp)).not.toBeNull();
            if (highest !== null) expect(compareStamps(stamp, highest)).toBe(1);
            highest = stamp;
          }
        }
      }),
    );
  });
});
