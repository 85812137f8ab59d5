import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { terminalTable } from '../../../cli/terminal-table.js';

describe('terminalTable', () => {
  it('lines up the next column after Chinese and Latin names alike', () => {
    const lines = terminalTable([
      ['tag', 'alpha'],
      ['经济/增长', '0.812'],
      ['economy', '0.5'],
    ]);
    const columnOfAlpha = lines.map((line) => {
      const at = line.search(/alpha|0\.\d/);
      return stringWidth(line.slice(0, at));
    });
    expect(new Set(columnOfAlpha).size).toBe(1);
    expect(lines[1]).toBe('经济/增长  0.812');
  });

  it('leaves no trailing spaces', () => {
    expect(
      terminalTable([
        ['a', ''],
        ['bb', ''],
      ]),
    ).toEqual(['a', 'bb']);
  });
});
