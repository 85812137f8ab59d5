/**
 * Highlights as Markdown to paste into Obsidian or Zettlr: one section per article (title, a
 * metadata line, the memo), each highlight as a `>` blockquote followed by its tags (as nested
 * `#tags`) and its note. Article text is escaped so it renders literally; notes and memos are the
 * researcher's own Markdown and pass through, with HTML neutralised. Streamed one article at a time.
 */
import { exportArticles, type ArticleExport } from './export-articles.js';
import type { ExportRun } from './export-run.js';
import type { ExportPlan, ExportSession } from './export-scope.js';
import { blockquote, escapeHtmlInMarkdown, escapeMarkdown, obsidianTag } from './markdown-text.js';
import type { PlacedAnnotation } from './place-annotations.js';

export interface MarkdownExportOptions {
  /** Heading of the document (normally the library's name). */
  title?: string;
  now?: Date;
}

export function markdownExport(
  session: ExportSession,
  plan: ExportPlan,
  options: MarkdownExportOptions = {},
): ExportRun {
  let rows = 0;
  async function* chunks(): AsyncGenerator<string> {
    const date = (options.now ?? new Date()).toISOString().slice(0, 10);
    yield `# ${escapeMarkdown(options.title ? `Gloss annotations: ${options.title}` : 'Gloss annotations')}\n\n`;
    yield `*Exported ${date}*\n`;
    for await (const entry of exportArticles(session, plan, { memos: true })) {
      yield articleSection(entry, plan);
      rows += entry.items.length;
    }
  }
  return {
    chunks: chunks(),
    get rows() {
      return rows;
    },
  };
}

function articleSection(entry: ArticleExport, plan: ExportPlan): string {
  const { article, planned, lastKnown: last } = entry;
  const summary = planned.summary;
  const title = article?.meta.title ?? summary?.title ?? last?.title ?? planned.id;
  const facts = [
    article?.meta.date ?? summary?.date ?? last?.date,
    article?.meta.author ?? summary?.author ?? last?.author,
    summary?.path ?? `${last?.path ?? planned.id} (file missing)`,
  ].filter((f): f is string => Boolean(f));
  const url = article?.meta.url ?? last?.sourceUrl;
  // Only web links become links; anything else (javascript:, file:) stays inert text.
  const link = url && /^https?:\/\/[^\s<>]+$/i.test(url) ? `<${url}>` : url ? escapeMarkdown(url) : '';
  const parts = [
    `\n## ${escapeMarkdown(title)}\n`,
    [...facts.map(escapeMarkdown), ...(link ? [link] : [])].join(' · ') + '\n',
  ];
  if (entry.problem) parts.push(`*Could not be opened: ${escapeMarkdown(entry.problem)}*\n`);
  if (entry.memo) parts.push(`**Memo:** ${escapeHtmlInMarkdown(entry.memo)}\n`);
  for (const item of entry.items) parts.push(highlightBlock(item, plan));
  return parts.join('\n');
}

function highlightBlock(item: PlacedAnnotation, plan: ExportPlan): string {
  const a = item.annotation;
  const lines = [blockquote(escapeMarkdown(item.exact))];
  const tags = a.tagIds.map((id) => obsidianTag(plan.tags.path(id))).filter(Boolean);
  if (tags.length) lines.push(`\n${tags.join(' ')}`);
  // Whose it is, for libraries coded by a team.
  if (a.creator) lines.push(`\n— *${escapeMarkdown(a.creator)}*`);
  if (a.note) lines.push(`\n${escapeHtmlInMarkdown(a.note)}`);
  if (item.status === 'orphan' || item.status === 'no-text')
    lines.push('\n*(not found in the current text)*');
  return `${lines.join('\n')}\n`;
}
