/**
 * `gloss autocode DIR --query Q --tag T [--scope match|sentence|paragraph] [--coder C] [--set NAME]
 * [filters] [--dry-run]`: codes every hit of a search with a tag, as the coder, skipping places the
 * coder already coded with it; `--dry-run` lists the hits in keyword-in-context instead.
 */
import { Option, type Command } from 'commander';
import type { AutocodeUnit } from '../../core/analysis/autocode-types.js';
import { findCode } from '../../core/analysis/report-data.js';
import { ApiError } from '../../core/errors.js';
import { CliError } from '../cli-error.js';
import { terminalSafe } from '../terminal-text.js';
import type { CommandOutput } from './export.js';
import { addScopeOptions, callApi, scopeOf, type ScopeOptions } from './analysis-cli.js';
import { cliCoder, withLibrary } from './open-for-cli.js';

export interface AutocodeOptions extends ScopeOptions {
  query: string;
  tag: string;
  scope?: AutocodeUnit;
  coder?: string;
  dryRun?: boolean;
  json?: boolean;
}

const processOutput: CommandOutput = { stdout: process.stdout, stderr: process.stderr };

const oneLine = (s: string): string => s.replace(/\s+/g, ' ');

export async function autocodeCommand(
  dir: string,
  options: AutocodeOptions,
  output = processOutput,
): Promise<void> {
  await withLibrary(
    dir,
    async (service) => {
      const tags = (await callApi(service, 'listTags', {})).tags;
      let tagId: string;
      try {
        tagId = findCode({ schemaVersion: 1, tags, retired: {} }, options.tag).id;
      } catch (err) {
        if (err instanceof ApiError) throw new CliError(err.message);
        throw err;
      }
      const request = {
        query: options.query,
        scope: scopeOf({ ...options, query: undefined }),
        tagId,
        unit: options.scope ?? 'match',
      } as const;
      if (options.dryRun) {
        const preview = await callApi(service, 'autocodePreview', { ...request, limit: 100_000 });
        if (options.json) output.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
        else
          for (const h of preview.hits)
            output.stdout.write(
              terminalSafe(
                `${h.path}:${h.start}${h.alreadyCoded ? ' (coded)' : ''}  …${oneLine(h.before)}[${oneLine(h.match)}]${oneLine(h.after)}…\n`,
              ),
            );
        const coded = preview.hits.filter((h) => h.alreadyCoded).length;
        output.stderr.write(
          `${preview.total} hits in ${preview.articles} articles; ${coded} already coded with the tag (dry run: nothing saved)\n`,
        );
        if (preview.titleOnly > 0)
          output.stderr.write(
            `note: ${preview.titleOnly} articles match only in their titles, which cannot be coded\n`,
          );
        for (const note of preview.notes) output.stderr.write(`note: ${terminalSafe(note)}\n`);
        return;
      }
      const result = await callApi(service, 'autocodeApply', request);
      if (options.json) output.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else output.stdout.write(`created ${result.created} highlights, skipped ${result.skipped}\n`);
    },
    cliCoder(options.coder)?.name,
  );
}

export function addAutocodeCommand(program: Command): void {
  addScopeOptions(
    program
      .command('autocode')
      .description('Code every hit of a search with a tag (one highlight per hit)')
      .argument('<dir>', 'library folder')
      .requiredOption('--query <text>', 'what to search for')
      .requiredOption('-t, --tag <tag>', 'the code to give each hit (name or path)')
      .addOption(
        new Option('--scope <unit>', 'what to highlight: the match, its sentence or its paragraph')
          .choices(['match', 'sentence', 'paragraph'])
          .default('match'),
      ),
    { query: false },
  )
    .option('--coder <name>', 'who is coding (default: $GLOSS_CODER, else the saved name or the OS user)')
    .option('--dry-run', 'list the hits in context; save nothing')
    .option('--json', 'print JSON')
    .action((dir: string, options: AutocodeOptions) => autocodeCommand(dir, options));
}
