/**
 * `gloss sample DIR --size N|--percent P [--seed S] [--stratify source|category|folder|month]
 * [--equal] [filters] [--save NAME]`: draws a reproducible random sample of the filter's articles,
 * prints the chosen paths (the seed and the strata on stderr), and saves it as a set.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { StratifyBy } from '../../core/analysis/report-types.js';
import { CliError } from '../cli-error.js';
import { terminalSafe } from '../terminal-text.js';
import type { CommandOutput } from './export.js';
import { addScopeOptions, callApi, scopeOf, type ScopeOptions } from './analysis-cli.js';
import { cliCoder, withLibrary } from './open-for-cli.js';

export interface SampleOptions extends ScopeOptions {
  size?: number;
  percent?: number;
  seed?: number;
  stratify?: StratifyBy;
  equal?: boolean;
  save?: string;
  coder?: string;
}

const processOutput: CommandOutput = { stdout: process.stdout, stderr: process.stderr };

function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new InvalidArgumentError('Not a positive whole number.');
  return n;
}

function parsePercent(value: string): number {
  const n = Number(value.replace(/%$/, ''));
  if (!(n > 0 && n <= 100)) throw new InvalidArgumentError('Use a percentage above 0 and at most 100.');
  return n;
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 0xffff_ffff)
    throw new InvalidArgumentError('Use a whole number from 0 to 4294967295.');
  return n;
}

export async function sampleCommand(
  dir: string,
  options: SampleOptions,
  output = processOutput,
): Promise<void> {
  if ((options.size === undefined) === (options.percent === undefined))
    throw new CliError('Give either --size N or --percent P.');
  const filter = scopeOf(options);
  await withLibrary(
    dir,
    async (service) => {
      const drawn = await callApi(service, 'drawSample', {
        ...(options.size !== undefined ? { size: options.size } : {}),
        ...(options.percent !== undefined ? { percent: options.percent } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...(options.stratify ? { stratify: options.stratify } : {}),
        equal: options.equal ?? false,
        scope: filter,
      });
      const paths = new Map(service.ctx.session!.library.list().articles.map((a) => [a.id, a.path]));
      for (const id of drawn.articleIds) output.stdout.write(`${terminalSafe(paths.get(id) ?? id)}\n`);
      const err = (line: string) => output.stderr.write(`${terminalSafe(line)}\n`);
      err(`seed: ${drawn.seed}`);
      err(`${drawn.articleIds.length} of ${drawn.available} articles`);
      if (options.stratify)
        for (const s of drawn.strata) err(`  ${s.key ?? '(none)'}: ${s.chosen} of ${s.available}`);
      for (const note of drawn.notes) err(`note: ${note}`);
      if (options.save !== undefined) {
        const saved = await callApi(service, 'saveSet', {
          name: options.save,
          articleIds: drawn.articleIds,
          sample: {
            seed: drawn.seed,
            size: drawn.articleIds.length,
            ...(options.percent !== undefined ? { percent: options.percent } : {}),
            ...(options.stratify ? { stratify: options.stratify } : {}),
            ...(options.equal ? { equal: true } : {}),
            filter,
          },
        });
        err(`saved as the set "${saved.name}"`);
      }
    },
    cliCoder(options.coder)?.name,
  );
}

export function addSampleCommand(program: Command): void {
  addScopeOptions(
    program
      .command('sample')
      .description('Draw a reproducible random sample of articles and print their paths')
      .argument('<dir>', 'library folder')
      .option('--size <n>', 'how many articles', parseCount)
      .option('--percent <p>', 'or this percentage of the filtered articles', parsePercent)
      .option('--seed <s>', 'the seed (default: a new one, printed on stderr)', parseSeed)
      .addOption(
        new Option('--stratify <by>', 'draw from each stratum').choices([
          'source',
          'category',
          'folder',
          'month',
        ]),
      )
      .option('--equal', 'the same number from each stratum (default: proportional)'),
  )
    .option('--save <name>', 'save the sample as a set with this name')
    .option('--coder <name>', 'who saves the set (default: $GLOSS_CODER, else the saved name or the OS user)')
    .action((dir: string, options: SampleOptions) => sampleCommand(dir, options));
}
