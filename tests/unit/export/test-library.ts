// Test libraries for the export tests: a copy of tests/fixtures/export/library in a temp folder,
// opened with the real library scanner and annotation store, and helpers to highlight passages.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { describeRange } from '../../../core/anchor/describe-range.js';
import type { ExportSession } from '../../../core/export/export-scope.js';
import { openLibrary } from '../../../core/library/library.js';
import type { Annotation } from '../../../core/model.js';
import { openAnnotationService, type NewAnnotation } from '../../../core/store/annotation-service.js';

export const FIXTURE_LIBRARY = path.resolve(import.meta.dirname, '../../fixtures/export/library');

export const GOV = 'gov-report';
export const BLOG = 'blog-quotes';
export const EMPTY = 'blog-empty';

const dirs: string[] = [];

afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** A new empty folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gloss-export-'));
  dirs.push(dir);
  return dir;
}

/** A fresh copy of the fixture library (no annotations yet). */
export async function copyLibrary(): Promise<string> {
  const root = path.join(await tempDir(), 'library');
  await cp(FIXTURE_LIBRARY, root, { recursive: true });
  return root;
}

export interface TestSession extends ExportSession {
  root: string;
  close(): Promise<void>;
}

/** Opens a library folder the way a session does: articles, and the store in `<root>/.gloss`. */
export async function openTestSession(root: string, creator = '王研究员'): Promise<TestSession> {
  const dataDir = path.join(root, '.gloss');
  const library = await openLibrary(root, { cacheDir: path.join(dataDir, 'cache'), watch: false });
  await library.whenScanned();
  const annotations = await openAnnotationService(dataDir, { creator: () => creator, watch: false });
  return {
    root,
    library,
    annotations,
    async close() {
      await Promise.all([library.close(), annotations.close()]);
    },
  };
}

const open: TestSession[] = [];

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

/** A copy of the fixture library, opened; closed after the test. */
export async function newSession(creator?: string): Promise<TestSession> {
  const session = await openTestSession(await copyLibrary(), creator);
  open.push(session);
  return session;
}

/** Opens another folder for the test, closed after it. */
export async function sessionFor(root: string, creator?: string): Promise<TestSession> {
  const session = await openTestSession(root, creator);
  open.push(session);
  return session;
}

/**
 * A copy of tests/fixtures/export/dated-library, opened: five articles in nested folders
 * (政策/, 政策/地方/, world/) dated with and without a zone, as a date alone and in Chinese.
 */
export async function datedLibrarySession(): Promise<TestSession> {
  const root = path.join(await tempDir(), 'dated');
  await cp(path.resolve(import.meta.dirname, '../../fixtures/export/dated-library'), root, {
    recursive: true,
  });
  return sessionFor(root);
}

/** Highlights the `nth` occurrence of `quote` in the article's canonical text. */
export async function highlight(
  session: ExportSession,
  articleId: string,
  quote: string,
  extra: Partial<NewAnnotation> = {},
  nth = 0,
): Promise<Annotation> {
  const text = (await session.library.get(articleId)).doc.text;
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`"${quote}" is not in ${articleId}`);
  return session.annotations.create({
    articleId,
    ...describeRange(text, { start, end: start + quote.length }),
    ...extra,
  });
}

/**
 * Gives the in-process CLI commands (which find their app data through GLOSS_DATA_DIR) a fresh
 * folder per test, and puts the variable back afterwards. Call at the top of a test file.
 */
export function useTempAppData(): void {
  let saved: string | undefined;
  beforeEach(async () => {
    saved = process.env.GLOSS_DATA_DIR;
    process.env.GLOSS_DATA_DIR = await tempDir();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.GLOSS_DATA_DIR;
    else process.env.GLOSS_DATA_DIR = saved;
  });
}
