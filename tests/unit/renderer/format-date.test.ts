// Dates shown in the list and reader: the day the source wrote, wherever the viewer is.
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../../../renderer/src/format-date.js';

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('formatDate', () => {
  it.each(['America/Los_Angeles', 'Asia/Shanghai', 'UTC'])('shows the written day in %s', (tz) => {
    process.env.TZ = tz;
    expect(formatDate('2024-03-01', 'en')).toBe('Mar 1, 2024');
    expect(formatDate('2024-03-01T01:30:00+08:00', 'en')).toBe('Mar 1, 2024');
    expect(formatDate('2024-03-01T23:30:00-05:00', 'zh-CN')).toBe('2024年3月1日');
    expect(formatDate('2024-03-15T14:00:00Z', 'en')).toBe('Mar 15, 2024');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatDate('sometime in spring', 'en')).toBe('sometime in spring');
  });
});
