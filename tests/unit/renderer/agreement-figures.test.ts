// How the agreement view marks and writes a figure: Krippendorff's thresholds at their edges, and
// numbers in the UI language's format.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCEPTABLE,
  formatCoefficient,
  formatShare,
  GOOD,
  levelOf,
} from '../../../renderer/src/components/agreement/agreement-figures.js';

describe('agreement figures', () => {
  it('marks 0.800 and above good, 0.667 up to 0.800 tentative, below 0.667 low, undefined nothing', () => {
    expect(levelOf(null)).toBeNull();
    expect(levelOf(1)).toBe('good');
    expect(levelOf(GOOD)).toBe('good');
    expect(levelOf(0.7999)).toBe('tentative');
    expect(levelOf(ACCEPTABLE)).toBe('tentative');
    expect(levelOf(0.6669)).toBe('low');
    expect(levelOf(-0.4)).toBe('low');
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (a, b) => {
          // A higher coefficient is never marked worse.
          const rank = { low: 0, tentative: 1, good: 2 } as const;
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(rank[levelOf(lo)!]).toBeLessThanOrEqual(rank[levelOf(hi)!]);
        },
      ),
    );
  });

  it('writes coefficients with three decimals and shares as percentages, in the locale', () => {
    expect(formatCoefficient(0.81234, 'en')).toBe('0.812');
    expect(formatCoefficient(-0.05, 'en')).toBe('-0.050');
    expect(formatCoefficient(1, 'zh-CN')).toBe('1.000');
    expect(formatShare(0.93125, 'en')).toBe('93.1%');
    expect(formatShare(1, 'zh-CN')).toBe('100.0%');
  });
});
