/** No module of Gloss depends on itself through others: each can be read, tested and moved alone. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../../support/import-graph.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('import graph', () => {
  it('has no cycles across core/, cli/, electron/ and renderer/src/', () => {
    const graph = importGraph(root, ['core', 'cli', 'electron', 'renderer/src']);
    expect(graph.size).toBeGreaterThan(150);
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds a cycle and names its members', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
