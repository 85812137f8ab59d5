#!/usr/bin/env node
// Launcher of the `gloss` command: runs the built CLI, or says how to build it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('gloss: not built yet. Run: npm run build\n');
  process.exit(1);
}
await import(entry);
