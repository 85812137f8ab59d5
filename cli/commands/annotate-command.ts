/**
 * `gloss annotate DIR --article ID|PATH --quote TEXT [--occurrence N] [--tag T]... [--note TEXT]`:
 * adds one highlight from a script and prints it as JSON. A quote that is missing, or found more
 * than once without `--occurrence`, is an error that lists the candidates. Tags are given by
 * name or path (`Parent/Child`); missing ones are created (and said so on stderr).
 */
import { randomUUID } from 'node:crypto';
import { describeRange } from '../../core/anchor/describe-range.js';
import { findOccurrences, type Occurrence } from '../../core/anchor/find-occurrences.js';
import { ApiError } from '../../core/errors.js';
import type { GlossService } from '../../core/api/service.js';
import type { Tag } from '../../core/model.js';
import { CliError } from '../cli-error.js';
import { terminalSafe, terminalSafeJson } from '../terminal-text.js';
import { withLibrary } from './open-for-cli.js';

export interface AnnotateOptions {
  article: string;
  quote: string;
  occurrence?: number;
  tag?: string[];
  note?: string;
  /** Who is coding (else GLOSS_CODER, else the preference or the OS user). */
  coder?: string;
}

export async function annotateCommand(dir: string, options: AnnotateOptions): Promise<void> {
  await withLibrary(
    dir,
    async (service) => {
      const articleId = resolveArticle(service, options.article);
      const article = await service.handlers.getArticle({ id: articleId });
      const { start, end } = chooseOccurrence(findOccurrences(article.doc.text, options.quote), options);
      const tagIds = await resolveTags(service, options.tag ?? []);
      // The quote and text version go along with the offsets, as from the reader: if the file
      // changes meanwhile, the host places the highlight on the quote or refuses it.
      const { quote } = describeRange(article.doc.text, { start, end });
      const annotation = await service.handlers.createAnnotation({
        id: randomUUID(),
        articleId,
        start,
        end,
        quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        textVersion: article.textVersion,
        tagIds,
        note: options.note ?? '',
        color: null,
      });
      process.stdout.write(`${terminalSafeJson({ ...annotation, articlePath: article.path })}\n`);
    },
    options.coder,
  );
}

/** An article id as listed by `gloss index`, or a file path (absolute or relative to DIR or the cwd). */
function resolveArticle(service: GlossService, ref: string): string {
  const { library } = service.ctx.session!;
  if (library.list().articles.some((a) => a.id === ref)) return ref;
  try {
    return library.idForPath(ref);
  } catch (first) {
    try {
      return library.idForPath(`${process.cwd()}/${ref}`);
    } catch {
      throw new CliError(
        `No article "${ref}" in the library: give an id from \`gloss index\` or a file path. (${(first as Error).message})`,
      );
    }
  }
}

function chooseOccurrence(found: Occurrence[], options: AnnotateOptions): Occurrence {
  const describe = (o: Occurrence, i: number) =>
    `  ${i + 1}. at ${o.start}: …${o.before}[${options.quote}]${o.after}…`;
  if (found.length === 0) throw new CliError(`Quote not found in the article: "${options.quote}"`);
  if (options.occurrence !== undefined) {
    const chosen = found[options.occurrence - 1];
    if (!chosen) {
      throw new CliError(
        `--occurrence ${options.occurrence}, but the quote occurs ${found.length} time(s):\n${found.map(describe).join('\n')}`,
      );
    }
    return chosen;
  }
  if (found.length > 1) {
    throw new CliError(
      `The quote occurs ${found.length} times; choose one with --occurrence N:\n${found.map(describe).join('\n')}`,
    );
  }
  return found[0]!;
}

async function resolveTags(service: GlossService, refs: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const ref of refs) ids.push(await resolveTag(service, ref));
  return [...new Set(ids)];
}

async function resolveTag(service: GlossService, ref: string): Promise<string> {
  const parts = ref
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new CliError(`Empty tag name: "${ref}"`);
  const { tags } = await service.handlers.listTags({});
  const paths = new Map(tags.map((t) => [t.id, pathOf(t, tags)]));
  const byPath = tags.find((t) => paths.get(t.id) === parts.join('/'));
  if (byPath) return byPath.id;
  if (parts.length === 1) {
    const byName = tags.filter((t) => t.name === parts[0]);
    if (byName.length === 1) return byName[0]!.id;
    if (byName.length > 1) {
      throw new CliError(
        `Tag "${ref}" is ambiguous; use its path: ${byName.map((t) => paths.get(t.id)).join(', ')}`,
      );
    }
  }
  // Create the missing path, parent first.
  let parentId: string | null = null;
  for (let i = 0; i < parts.length; i++) {
    const path = parts.slice(0, i + 1).join('/');
    const current = (await service.handlers.listTags({})).tags;
    const existing = current.find((t) => pathOf(t, current) === path);
    if (existing) {
      parentId = existing.id;
      continue;
    }
    parentId = await createTagOrReuse(service, parts[i]!, parentId, path);
  }
  return parentId!;
}

/**
 * Creates a tag, or takes the one another writer (a second `gloss annotate`, the app) created
 * meanwhile under the same parent: scripts run in parallel must not fail on each other's tags.
 */
async function createTagOrReuse(
  service: GlossService,
  name: string,
  parentId: string | null,
  path: string,
): Promise<string> {
  try {
    const created: Tag = await service.handlers.createTag({ name, parentId, description: '' });
    process.stderr.write(`gloss: created tag "${terminalSafe(path)}"\n`);
    return created.id;
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'conflict') throw err;
    const current = (await service.handlers.listTags({})).tags;
    const existing = current.find((t) => pathOf(t, current) === path);
    if (!existing) throw err;
    return existing.id;
  }
}

function pathOf(tag: Tag, tags: Tag[]): string {
  const names = [tag.name];
  const seen = new Set([tag.id]);
  let parent = tags.find((t) => t.id === tag.parentId);
  while (parent && !seen.has(parent.id)) {
    names.unshift(parent.name);
    seen.add(parent.id);
    parent = tags.find((t) => t.id === parent!.parentId);
  }
  return names.join('/');
}
