import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../core/library/parse-date.js';

describe('parseDate', () => {
  it.each([
    ['Tue, 08 Feb 2022 12:47:22 GMT', '2022-02-08T12:47:22Z'],
    ['Tue, 08 Feb 2022 12:47:22 +0800', '2022-02-08T12:47:22+08:00'],
    ['Tue, 08 Feb 2022 12:47:22 EST', '2022-02-08T12:47:22-05:00'],
    ['8 Feb 2022 12:47 GMT', '2022-02-08T12:47:00Z'],
    ['2021-04-15 08:09:25', '2021-04-15T08:09:25'],
    ['2022-02-08', '2022-02-08'],
    ['2022/2/8', '2022-02-08'],
    ['2022-02-08T10:00:00+08:00', '2022-02-08T10:00:00+08:00'],
    ['2022-02-08T01:30:00+0530', '2022-02-08T01:30:00+05:30'],
    ['2022-02-08T24:00:00', '2022-02-09T00:00:00'],
    ['0050-01-01 10:00', '0050-01-01T10:00:00'],
    ['2022-02-08T10:00:00.250Z', '2022-02-08T10:00:00.250Z'],
    ['2022年2月8日 12:47', '2022-02-08T12:47:00'],
  ])('reads %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each([
    'Invalid Date',
    '',
    '1',
    'yesterday',
    '2021-02-30',
    '2021-13-01',
    'Tue, 32 Feb 2022 12:00:00 GMT',
    '2022-01-01 25:00:00',
  ])('rejects %j', (raw) => {
    expect(parseDate(raw)).toBeNull();
  });

  it('round-trips any valid UTC instant written as RFC 2822 or ISO', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2099-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const whole = new Date(Math.floor(d.getTime() / 1000) * 1000);
          const expected = whole.toISOString().replace('.000Z', 'Z');
          expect(parseDate(whole.toUTCString())).toBe(expected);
          expect(parseDate(whole.toISOString())).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the wall-clock time and offset of any zoned date, naming the same instant', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2099-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }).map((m) => m - (m % 15)),
        (d, offset) => {
          const whole = new Date(Math.floor(d.getTime() / 1000) * 1000);
          const sign = offset < 0 ? '-' : '+';
          const zone = `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
          const wall = new Date(whole.getTime() + offset * 60_000).toISOString().slice(0, 19);
          const parsed = parseDate(`${wall}${zone}`);
          expect(parsed).toBe(`${wall}${offset === 0 ? 'Z' : zone}`);
          expect(new Date(parsed!).getTime()).toBe(whole.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws and returns null or an ISO-looking string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (x) => {
        const r = parseDate(x);
        expect(
          r === null || /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})?)?$/.test(r),
        ).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
