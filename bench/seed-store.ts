// Writes an annotation store directly in the store's on-disk format (core/store/store-schema.ts,
// store-layout.ts: codebook.json + annotations/<articleFileName(id)>.json, pretty JSON as
// StoreFile writes it), because seeding 100,000 highlights through the durable API takes minutes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRange } from '../core/anchor/describe-range.js';
import type { Annotation, Tag } from '../core/model.js';
import { OKABE_ITO } from '../core/store/palette.js';
import { articleFileName, storeLayout } from '../core/store/store-layout.js';
import { CURRENT_SCHEMA_VERSION, type ArticleFile, type CodebookFile } from '../core/store/store-schema.js';
import { Prng } from './prng.js';

export interface SeedArticle {
  id: string;
  path: string;
  fingerprint: string;
  text: string;
}

export interface SeededStore {
  dataDir: string;
  highlights: number;
  articlesWithHighlights: number;
  tags: Tag[];
  /** Every highlight, for the lowdb baseline. */
  all: Annotation[];
}

const NOTES = ['', '', '', '', '关键论据', 'check the figure', '与前文矛盾？', 'quote for chapter 3'];

export function makeTags(r: Prng): Tag[] {
  const tags: Tag[] = [];
  const roots = ['经济', '政策', '技术', '社会', 'Framing', 'Actors', 'Sentiment', 'Method'];
  for (const [i, name] of roots.entries()) {
    const root: Tag = {
      id: r.uuid(),
      name,
      parentId: null,
      color: OKABE_ITO[i % OKABE_ITO.length]!,
      description: '',
    };
    tags.push(root);
    for (let j = 0; j < 4; j++) {
      tags.push({
        id: r.uuid(),
        name: `${name}-${j + 1}`,
        parentId: root.id,
        color: root.color,
        description: '',
      });
    }
  }
  return tags;
}

export function makeHighlight(
  r: Prng,
  a: SeedArticle,
  tags: readonly Tag[],
  created: string,
): Annotation | null {
  if (a.text.length < 20) return null;
  const len = r.int(4, Math.min(80, a.text.length - 1));
  const start = r.int(0, a.text.length - len);
  const sel = describeRange(a.text, { start, end: start + len });
  if (!sel.quote.exact.trim()) return null;
  const tagIds = [r.pick(tags).id];
  if (r.chance(0.3)) tagIds.push(r.pick(tags).id);
  return {
    id: r.uuid(),
    articleId: a.id,
    quote: sel.quote,
    position: sel.position,
    tagIds: [...new Set(tagIds)],
    note: r.pick(NOTES),
    color: null,
    creator: 'bench',
    created,
    modified: created,
  };
}

/** `total` highlights over `articles` (skewed: some articles get many), written into a fresh `dataDir`. */
export function seedStore(
  dataDir: string,
  articles: readonly SeedArticle[],
  total: number,
  seed: number,
): SeededStore {
  const r = new Prng(`store:${seed}`);
  rmSync(dataDir, { recursive: true, force: true });
  const layout = storeLayout(dataDir);
  mkdirSync(layout.annotationsDir, { recursive: true });
  mkdirSync(layout.locksDir, { recursive: true });
  const tags = makeTags(r);
  const codebook: CodebookFile = { schemaVersion: CURRENT_SCHEMA_VERSION, tags, retired: {} };
  writeFileSync(layout.codebookFile, `${JSON.stringify(codebook, null, 2)}\n`);
  const usable = articles.filter((a) => a.text.length >= 20);
  const perArticle = new Map<SeedArticle, Annotation[]>();
  const all: Annotation[] = [];
  const created = '2024-05-01T10:00:00.000Z';
  while (all.length < total) {
    // Half uniformly over articles, half concentrated on the first tenth (heavily coded articles).
    const a = r.chance(0.5)
      ? r.pick(usable)
      : usable[r.int(0, Math.max(0, Math.floor(usable.length / 10) - 1))]!;
    const h = makeHighlight(r, a, tags, created);
    if (!h) continue;
    all.push(h);
    let list = perArticle.get(a);
    if (!list) perArticle.set(a, (list = []));
    list.push(h);
  }
  writeArticleFiles(layout.annotationsDir, perArticle);
  return { dataDir, highlights: all.length, articlesWithHighlights: perArticle.size, tags, all };
}

/** One article file per article (highlights in document order, pretty JSON as StoreFile writes it). */
export function writeArticleFiles(dir: string, byArticle: ReadonlyMap<SeedArticle, Annotation[]>): void {
  for (const [a, list] of byArticle) {
    list.sort((x, y) => x.position.start - y.position.start || x.position.end - y.position.end);
    const file: ArticleFile = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      articleId: a.id,
      path: a.path,
      fingerprint: a.fingerprint,
      memo: '',
      annotations: list,
    };
    writeFileSync(join(dir, articleFileName(a.id)), `${JSON.stringify(file, null, 2)}\n`);
  }
}
