/**
 * Plain-text tables for the terminal, aligned by display columns: a Chinese character takes two
 * columns, so padding by string length (`padEnd`) leaves every row after a Chinese tag name skewed.
 */
import stringWidth from 'string-width';

/** `rows` (the first is the header) as lines, columns separated by two spaces. */
export function terminalTable(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - stringWidth(cell)))
      .join('  ')
      .trimEnd(),
  );
}
