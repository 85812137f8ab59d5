// A small library for the import tests (Chinese and English articles written in a temp folder),
// opened as Gloss opens one: the scanner, and the store with writer folders.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ExportSession } from '../../../core/export/export-scope.js';
import { openLibrary } from '../../../core/library/library.js';
import type { OwnedAnnotation } from '../../../core/model.js';
import { writerIdentity } from '../../../core/settings/coder-identity.js';
import { openAnnotationService } from '../../../core/store/annotation-service.js';

export const ARTICLES: Record<string, string> = {
  'news/gov.html': `---
title: 政府工作报告摘要
date: 2024-03-05
author: 新华社
---
<p>\u3000\u3000国务院总理在十四届全国人大二次会议上作政府工作报告。</p>
<p>报告提出，今年城镇新增就业目标为1200万人以上，经济增长预期目标为5%左右。</p>
<p>报告强调，要大力推进现代化产业体系建设，加快发展新质生产力。</p>
`,
  'blog/quotes.md': `---
title: Quotes and commas
---
The minister said growth would "stay strong", with a comma, and more.

Critics disagreed: the numbers, they said, tell another story.
`,
};

const dirs: string[] = [];
const sessions: TestSession[] = [];

afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gloss-qdpx-'));
  dirs.push(dir);
  return dir;
}

export interface TestSession extends ExportSession {
  root: string;
  close(): Promise<void>;
}

/** A new library with ARTICLES (or the files given). */
export async function newLibrary(files: Record<string, string> = ARTICLES): Promise<string> {
  const root = path.join(await tempDir(), 'library');
  await mkdir(root, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  return root;
}

export async function openSession(root: string, coder = '本机研究员'): Promise<TestSession> {
  const dataDir = path.join(root, '.gloss');
  const library = await openLibrary(root, {
    cacheDir: path.join(dataDir, 'cache'),
    watch: false,
    parseWorkers: 0,
  });
  await library.whenScanned();
  const annotations = await openAnnotationService(dataDir, {
    writer: () => writerIdentity(coder, 'abcd1234'),
    writerFolders: true,
    watch: false,
  });
  const session: TestSession = {
    root,
    library,
    annotations,
    async close() {
      await Promise.all([library.close(), annotations.close()]);
    },
  };
  sessions.push(session);
  return session;
}

/** The article's canonical text and id, by path. */
export async function articleText(
  session: TestSession,
  relPath: string,
): Promise<{ id: string; text: string }> {
  const id = session.library.idForPath(relPath);
  return { id, text: (await session.library.getText(id)).text };
}

/** Every highlight of the article, as `quote → { coder, tags (paths), note }`. */
export async function highlightsOf(
  session: TestSession,
  articleId: string,
): Promise<{ quote: string; coder: string; tags: string[]; note: string; id: string; a: OwnedAnnotation }[]> {
  const list = await session.annotations.list(articleId);
  return Promise.all(
    list.map(async (a) => ({
      quote: a.quote.exact,
      coder: a.coderName,
      tags: (await Promise.all(a.tagIds.map((t) => session.annotations.tagPath(t)))).sort(),
      note: a.note,
      id: a.id,
      a,
    })),
  );
}
