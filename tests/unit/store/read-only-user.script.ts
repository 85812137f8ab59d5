// Run as an unprivileged user by read-only-library.test.ts (`runuser -u nobody`): what Gloss does
// when the library's folder, or its `.gloss` mid-session, cannot be written. Prints one JSON line.
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpOutput, OperationName } from '../../../core/api/contract.js';
import { dispatch } from '../../../core/api/dispatch.js';
import { toErrorPayload } from '../../../core/errors.js';
import { createService } from '../../../core/api/service.js';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { describeRange } from '../../../core/anchor/index.js';
import { selectionInput } from '../../support/selection-input.js';

// Not helpers.js: it registers vitest hooks, and this runs outside vitest.
const TEXT = '国务院总理作政府工作报告时说，国内生产总值增长5%左右。';
function highlightOf(articleId: string, quote: string) {
  const start = TEXT.indexOf(quote);
  return { articleId, ...describeRange(TEXT, { start, end: start + quote.length }) };
}

const [scenario, ...args] = process.argv.slice(2);

async function readOnlyLibrary(root: string, appData: string) {
  const service = await createService({
    host: 'browser',
    version: 'test',
    appDataDir: appData,
    watch: false,
    // One person on both sides (the script runs as another OS user, whose name would differ).
    coder: { name: 'Tester' },
  });
  const call = <K extends OperationName>(name: K, input: unknown = {}) =>
    dispatch(service.handlers, name, input) as Promise<OpOutput<K>>;
  await service.open(root);
  await service.ctx.session!.library.whenScanned();
  const info = (await call('getAppState')).library;
  const articles = (await call('listArticles')).articles as {
    id: string;
    title: string;
    annotationCount: number;
  }[];
  const alpha = articles.find((a) => a.title === 'Alpha')!;
  const beta = articles.find((a) => a.title === 'Beta')!;
  const before = await call('listAnnotations', { articleId: alpha.id });
  const status = await call('getStoreProblems');
  const shown = await call('getArticle', { id: beta.id });
  const start = shown.doc.text.indexOf('bridge');
  const created = await call('createAnnotation', selectionInput(shown, start, start + 6));
  await call('setMemo', { articleId: alpha.id, memo: 'memo while read-only' });
  const csv = (await call('exportAnnotations', { format: 'csv', bom: false })).content as string;
  const after = await call('listArticles');
  await service.close();
  return {
    info,
    counts: Object.fromEntries(
      after.articles.map((a: { title: string; annotationCount: number }) => [a.title, a.annotationCount]),
    ),
    shown: before.map((a: { id: string; status: string }) => a.status),
    status,
    created: created.id,
    csvRows: csv.trim().split('\n').length - 1,
  };
}

async function turnsReadOnly(dir: string) {
  const store = await openAnnotationService(dir, { watch: false });
  await store.create(highlightOf('a1', '国务院总理'));
  // The folders of `.gloss` lose their write permission while the store is open.
  await chmod(path.join(dir, 'locks'), 0o555);
  await chmod(path.join(dir, 'annotations'), 0o555);
  let error: unknown = null;
  try {
    await store.create(highlightOf('a1', '国内生产总值'));
  } catch (err) {
    error = toErrorPayload(err);
  }
  const kept = (await store.list('a1')).length;
  // A file that turns out corrupt cannot be moved aside now: it is reported, and reading goes on.
  await writeFile(path.join(dir, 'annotations', 'a1.json'), '{ broken');
  const afterCorrupt = await store.list('a1').then(
    (list) => list.length,
    (err: unknown) => toErrorPayload(err),
  );
  const problems = store.problems().map((p) => p.message);
  await store.close();
  return { error, kept, afterCorrupt, problems };
}

const run = scenario === 'read-only-library' ? readOnlyLibrary(args[0]!, args[1]!) : turnsReadOnly(args[0]!);
run.then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (err) => {
    process.stdout.write(`${JSON.stringify({ failed: toErrorPayload(err), stack: (err as Error).stack })}\n`);
    process.exitCode = 1;
  },
);
