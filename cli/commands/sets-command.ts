/** `gloss sets DIR [--json]`: the library's saved sets (name, size, seed, who saved it). */
import type { Command } from 'commander';
import { terminalSafe } from '../terminal-text.js';
import type { CommandOutput } from './export.js';
import { alignedTable, callApi } from './analysis-cli.js';
import { withLibrary } from './open-for-cli.js';

const processOutput: CommandOutput = { stdout: process.stdout, stderr: process.stderr };

export async function setsCommand(
  dir: string,
  options: { json?: boolean },
  output = processOutput,
): Promise<void> {
  await withLibrary(dir, async (service) => {
    const { sets, problems } = await callApi(service, 'listSets', {});
    if (options.json) {
      const rows = sets.map((s) => ({
        name: s.name,
        size: s.articleIds.length,
        seed: s.sample?.seed ?? null,
        stratify: s.sample?.stratify ?? null,
        creator: s.creatorName,
        modified: s.modified,
        article_ids: s.articleIds,
      }));
      output.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else if (sets.length === 0) {
      output.stdout.write('No saved sets.\n');
    } else {
      const rows = sets.map((s) => [
        s.name,
        String(s.articleIds.length),
        s.sample ? String(s.sample.seed) : '–',
        s.creatorName,
        s.modified.slice(0, 10),
      ]);
      output.stdout.write(terminalSafe(alignedTable(['name', 'size', 'seed', 'creator', 'saved'], rows)));
    }
    for (const p of problems) output.stderr.write(`gloss: ${terminalSafe(p)}\n`);
  });
}

export function addSetsCommand(program: Command): void {
  program
    .command('sets')
    .description('List the saved sets and samples of a library')
    .argument('<dir>', 'library folder')
    .option('--json', 'print JSON')
    .action((dir: string, options: { json?: boolean }) => setsCommand(dir, options));
}
