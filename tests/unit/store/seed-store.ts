// Writes a store directly in its on-disk format (codebook.json and one file per article), so tests
// can have 100,000 highlights in seconds instead of 100,000 durable saves.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Annotation, Tag } from '../../../core/model.js';
import { articleFileName } from '../../../core/store/store-layout.js';

const WORDS = [
  '经济',
  '增长',
  '就业',
  'Policy',
  '外交',
  '消费',
  '投资',
  'Risk',
  '改革',
  '教育',
  '医疗',
  '环境',
];

export interface SeedOptions {
  articles: number;
  perArticle: number;
  /** Default: 4 top-level tags with 3 sub-tags each. */
  tags?: Tag[];
  /** Article id of article i (default `art-<i>`). */
  articleId?: (i: number) => string;
}

export interface SeededStore {
  tags: Tag[];
  articleIds: string[];
}

export function defaultTags(): Tag[] {
  const tags: Tag[] = [];
  for (let i = 0; i < 4; i++) {
    const parent = `tag-${i}`;
    tags.push({ id: parent, name: `主题${i}`, parentId: null, color: '#E69F00', description: '' });
    for (let j = 0; j < 3; j++) {
      tags.push({
        id: `${parent}-${j}`,
        name: `子${j}`,
        parentId: parent,
        color: '#56B4E9',
        description: '',
      });
    }
  }
  return tags;
}

/** A small deterministic generator, so failures can be reproduced. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededAnnotation(
  articleId: string,
  n: number,
  tags: readonly Tag[],
  r: () => number,
): Annotation {
  const exact = `${WORDS[n % WORDS.length]}${WORDS[Math.floor(r() * WORDS.length)]} ${n}`;
  const start = n * 40 + Math.floor(r() * 10);
  const pick = (): string[] => (tags.length ? [tags[Math.floor(r() * tags.length)]!.id] : []);
  const tagIds = r() < 0.15 ? [] : pick();
  if (r() < 0.2) tagIds.push(...pick());
  return {
    id: `${articleId}-h${n}`,
    articleId,
    quote: { type: 'TextQuoteSelector', exact, prefix: '前文', suffix: '后文' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    tagIds: [...new Set(tagIds)],
    note: r() < 0.3 ? `笔记 ${WORDS[Math.floor(r() * WORDS.length)]} ${n}` : '',
    color: null,
    creator: 'seed',
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z',
  };
}

export async function seedStore(dataDir: string, opts: SeedOptions): Promise<SeededStore> {
  const tags = opts.tags ?? defaultTags();
  const idOf = opts.articleId ?? ((i: number) => `art-${i}`);
  const dir = path.join(dataDir, 'annotations');
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dataDir, 'codebook.json'),
    JSON.stringify({ schemaVersion: 1, tags, retired: {} }),
  );
  const r = prng(42);
  const articleIds: string[] = [];
  const writes: Promise<void>[] = [];
  for (let i = 0; i < opts.articles; i++) {
    const articleId = idOf(i);
    articleIds.push(articleId);
    const list = Array.from({ length: opts.perArticle }, (_, n) => seededAnnotation(articleId, n, tags, r));
    const doc = {
      schemaVersion: 1,
      articleId,
      path: `${articleId}.md`,
      fingerprint: null,
      memo: '',
      annotations: list,
    };
    writes.push(writeFile(path.join(dir, articleFileName(articleId)), JSON.stringify(doc)));
    if (writes.length >= 64) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  return { tags, articleIds };
}
