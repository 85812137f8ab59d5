/**
 * The core modules the renderer may import (RENDERER_MAY_IMPORT in eslint.config.js) are pure:
 * following their run-time imports (type-only ones vanish in the build) never reaches Node or a
 * host-only package, so the browser bundle stays free of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
/** The list lives in the lint config (plain JS, untyped), so it is read at run time. */
const configFile = path.join(root, 'eslint.config.js');
const { RENDERER_MAY_IMPORT } = (await import(configFile)) as { RENDERER_MAY_IMPORT: string[] };
/** Packages that need Node or a DOM parser of their own; the renderer must not pull them in. */
const HOST_ONLY = ['jsdom', 'chokidar', 'proper-lockfile', 'iconv-lite', 'chardet', 'electron'];
const RUNTIME_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?(['"])([^'"]+)\1/gm;

/** The bare packages reached from `file` through run-time imports, with the file that imports each. */
function packagesReached(file: string, seen = new Set<string>(), out = new Map<string, string>()) {
  if (seen.has(file)) return out;
  seen.add(file);
  for (const match of readFileSync(file, 'utf8').matchAll(RUNTIME_IMPORT)) {
    const spec = match[2]!;
    if (spec.startsWith('.')) {
      const next = path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts');
      if (existsSync(next)) packagesReached(next, seen, out);
    } else out.set(spec, path.relative(root, file));
  }
  return out;
}

describe('the renderer allow-list', () => {
  const files = RENDERER_MAY_IMPORT.filter((entry) => !entry.endsWith('/'));

  it.each(files)('%s reaches no Node module or host-only package', (entry) => {
    const file = path.join(root, entry);
    expect(existsSync(file)).toBe(true);
    const bad = [...packagesReached(file)].filter(([spec]) => {
      const name = spec.replace(/^node:/, '').split('/')[0]!;
      return spec.startsWith('node:') || builtinModules.includes(name) || HOST_ONLY.includes(name);
    });
    expect(bad).toEqual([]);
  });

  it('catches a module that does reach Node', () => {
    const reached = packagesReached(path.join(root, 'core/store/annotation-service.ts'));
    expect([...reached.keys()].some((spec) => spec.startsWith('node:'))).toBe(true);
  });
});
