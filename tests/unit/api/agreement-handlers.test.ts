// The agreement API as the view calls it: inputs validated strictly, the figures those of the pure
// measures on the same highlights (and, where simple, of a hand count), the CSV download and the
// desktop save dialog.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { agreementInput } from '../../../core/agreement/agreement-session.js';
import { agreementByArticle, computeAgreement } from '../../../core/agreement/index.js';
import { agreementContract } from '../../../core/api/agreement-contract.js';
import { agreementHandlers } from '../../../core/api/agreement-handlers.js';
import type { HostDialogs, ServiceContext } from '../../../core/api/service-context.js';
import { AppSettings } from '../../../core/settings/app-settings.js';
import { describeRange } from '../../../core/anchor/describe-range.js';
import type { Annotation, Coder } from '../../../core/model.js';
import { writerIdentity } from '../../../core/settings/coder-identity.js';
import { articleFileName } from '../../../core/store/store-layout.js';
import { emptyArticleFile } from '../../../core/store/store-schema.js';
import { writerFolder, writeWriterFile } from '../../../core/store/writer-folders.js';
import {
  BLOG,
  copyLibrary,
  GOV,
  openTestSession,
  sessionFor,
  tempDir,
  type TestSession,
} from '../export/test-library.js';

async function context(session: TestSession | null, dialogs: HostDialogs | null = null) {
  const appDataDir = await tempDir();
  const ctx: ServiceContext = {
    host: dialogs ? 'desktop' : 'browser',
    version: '9.9.9',
    appDataDir,
    settings: await AppSettings.load(appDataDir),
    emit: () => undefined,
    session: session && {
      info: {
        root: session.root,
        name: '团队库',
        dataDir: '',
        dataDirFallback: false,
        loadRemoteImages: false,
      },
      library: session.library,
      annotations: session.annotations,
      close: () => session.close(),
    },
    watch: false,
    dialogs,
    coderName: null,
  };
  return ctx;
}

const GOV_A = '国务院总理作政府工作报告时说';
const GOV_B = '国务院总理作政府工作报告';
const GROWTH = '国内生产总值增长5%左右';
const BLOG_A = 'The second one, with a comma, ends here!';

/** A highlight as another Gloss writes it into its writer folder (the store's own format). */
function stored(coder: Coder, articleId: string, text: string, quote: string, tagIds: string[]): Annotation {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in ${articleId}`);
  const range = describeRange(text, { start, end: start + quote.length });
  return {
    id: `${coder.id}-${start}`,
    articleId,
    ...range,
    tagIds,
    note: '',
    color: null,
    creator: coder.name,
    creatorId: coder.id,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
}

/** Writes `highlights` as the work of `name` on another machine, arrived by sync. */
async function arrived(root: string, name: string, highlights: (coder: Coder) => Annotation[]) {
  const { coder, writerId } = writerIdentity(name, 'feed0001');
  const dataDir = path.join(root, '.gloss');
  const folder = writerFolder(dataDir, writerId);
  await mkdir(folder.annotationsDir, { recursive: true });
  await writeWriterFile(dataDir, writerId, coder);
  const byArticle = new Map<string, Annotation[]>();
  for (const h of highlights(coder)) byArticle.set(h.articleId, [...(byArticle.get(h.articleId) ?? []), h]);
  for (const [articleId, annotations] of byArticle)
    await writeFile(
      path.join(folder.annotationsDir, articleFileName(articleId)),
      JSON.stringify({ ...emptyArticleFile(articleId), annotations }),
    );
}

/**
 * Alice and Bob coded the library on their machines; the lead opens it. Both tagged a passage of
 * the report as 政策 (Bob a shorter one), Alice alone tagged growth as 增长 (a sub-code of 政策) and a
 * blog sentence as 政策; Bob never opened the blog.
 */
async function twoCoders(): Promise<{ session: TestSession; policy: string; growth: string }> {
  const root = await copyLibrary();
  const lead = await openTestSession(root, 'Lead');
  const policy = (await lead.annotations.createTag({ name: '政策' })).id;
  const growth = (await lead.annotations.createTag({ name: '增长', parentId: policy })).id;
  const gov = (await lead.library.get(GOV)).doc.text;
  const blog = (await lead.library.get(BLOG)).doc.text;
  await lead.close();
  await arrived(root, 'Alice', (c) => [
    stored(c, GOV, gov, GOV_A, [policy]),
    stored(c, GOV, gov, GROWTH, [growth]),
    stored(c, BLOG, blog, BLOG_A, [policy]),
  ]);
  await arrived(root, 'Bob', (c) => [stored(c, GOV, gov, GOV_B, [policy])]);
  return { session: await sessionFor(root, 'Lead'), policy, growth };
}

const parsed = <K extends keyof typeof agreementContract>(name: K, input: unknown) =>
  agreementContract[name].input.safeParse(input);

describe('agreement API', () => {
  it('validates its inputs strictly and fills in the defaults', () => {
    expect(parsed('computeAgreement', { coders: ['alice', 'bob'] })).toMatchObject({
      success: true,
      data: { coders: ['alice', 'bob'], withChildren: false, overlap: 0.6 },
    });
    expect(parsed('exportAgreementCsv', { coders: ['alice', 'bob'] })).toMatchObject({
      success: true,
      data: { bom: true },
    });
    expect(parsed('computeAgreement', { coders: ['alice'] }).success).toBe(false);
    expect(parsed('computeAgreement', { coders: ['alice', 'alice'] }).success).toBe(false);
    expect(parsed('computeAgreement', { coders: ['alice', ''] }).success).toBe(false);
    expect(parsed('computeAgreement', { coders: ['a', 'b'], overlap: 0 }).success).toBe(false);
    expect(parsed('computeAgreement', { coders: ['a', 'b'], overlap: 1.5 }).success).toBe(false);
    expect(parsed('computeAgreement', { coders: ['a', 'b'], extra: true }).success).toBe(false);
    expect(parsed('computeAgreement', { coders: ['a', 'b'], tagIds: 'x' }).success).toBe(false);
    expect(parsed('computeAgreement', { coders: ['a', 'b'], articleIds: [] }).success).toBe(false);
    expect(parsed('exportAgreementCsv', { coders: ['a', 'b'], breakdownTagId: 'x' }).success).toBe(false);
  });

  it('gives the figures of the measures on the same highlights, and a hand count agrees', async () => {
    const { session, policy, growth } = await twoCoders();
    const handlers = agreementHandlers(await context(session));
    const input = agreementContract.computeAgreement.input.parse({
      coders: ['alice', 'bob'],
      breakdownTagId: policy,
    });
    const report = await handlers.computeAgreement(input);

    const data = await agreementInput(session, { coders: ['alice', 'bob'], withChildren: false });
    expect(report.result).toEqual(computeAgreement(data));
    expect(report.breakdown).toEqual({ tagId: policy, articles: agreementByArticle(data, policy) });

    // By default only the report counts: Bob never annotated the blog.
    const text = (await session.library.get(GOV)).doc.text;
    const length = [...text].length;
    expect(report.result).toMatchObject({ coders: ['Alice', 'Bob'], articles: 1, continuum: length });
    const row = report.result.codes.find((c) => c.tag_id === policy)!;
    // Alice's passage is Bob's plus a few characters: they disagree on those characters only.
    const extra = [...GOV_A].length - [...GOV_B].length;
    expect(row.percent_agreement).toBeCloseTo((length - extra) / length, 12);
    expect(row.units).toEqual({ Alice: 1, Bob: 1 });
    expect(row.characters).toEqual({ Alice: [...GOV_A].length, Bob: [...GOV_B].length });
    const growthRow = report.result.codes.find((c) => c.tag_id === growth)!;
    expect(growthRow.units).toEqual({ Alice: 1, Bob: 0 });

    // The whole library, and sub-codes counting as their parent: other figures, the same as the measures'.
    const wide = await handlers.computeAgreement(
      agreementContract.computeAgreement.input.parse({
        coders: ['bob', 'Alice'],
        folder: '',
        withChildren: true,
        tagIds: [policy],
      }),
    );
    expect(wide.breakdown).toBeNull();
    expect(wide.result.articles).toBe(3);
    expect(wide.result.codes.map((c) => c.tag_id)).toEqual([policy]);
    expect(wide.result.codes[0]!.units).toEqual({ Bob: 1, Alice: 3 });
    expect(wide.result).toEqual(
      computeAgreement(
        await agreementInput(session, {
          coders: ['bob', 'Alice'],
          folder: '',
          withChildren: true,
          tags: [policy],
        }),
      ),
    );
  });

  it('says what is wrong with a choice, and needs an open library', async () => {
    const { session, policy } = await twoCoders();
    const handlers = agreementHandlers(await context(session));
    const ask = (input: unknown) =>
      handlers.computeAgreement(agreementContract.computeAgreement.input.parse(input));
    await expect(ask({ coders: ['alice', 'carol'] })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('carol') as string,
    });
    await expect(ask({ coders: ['alice', 'Alice'] })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(ask({ coders: ['alice', 'bob'], articleIds: ['nope'] })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(
      ask({ coders: ['alice', 'bob'], tagIds: [policy], breakdownTagId: 'x' }),
    ).rejects.toMatchObject({ code: 'not-found' });
    const closed = agreementHandlers(await context(null));
    await expect(
      closed.computeAgreement(agreementContract.computeAgreement.input.parse({ coders: ['a', 'b'] })),
    ).rejects.toMatchObject({ code: 'no-library' });
  });

  it('gives the table as CSV: one row per code with every figure', async () => {
    const { session, policy } = await twoCoders();
    const handlers = agreementHandlers(await context(session));
    const file = await handlers.exportAgreementCsv(
      agreementContract.exportAgreementCsv.input.parse({ coders: ['alice', 'bob'] }),
    );
    expect(file.fileName).toMatch(/^团队库-agreement-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.mimeType).toContain('text/csv');
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    const rows = parse(file.content.slice(1), { columns: true }) as Record<string, string>[];
    const { result } = await handlers.computeAgreement(
      agreementContract.computeAgreement.input.parse({ coders: ['alice', 'bob'] }),
    );
    expect(rows.map((r) => r.tag_path)).toEqual(result.codes.map((c) => c.tag_path));
    const row = rows.find((r) => r.tag === '政策')!;
    const code = result.codes.find((c) => c.tag_id === policy)!;
    expect(Number(row.percent_agreement)).toBeCloseTo(code.percent_agreement!, 12);
    expect(row.units_Alice).toBe('1');
    expect(row.characters_Bob).toBe(String([...GOV_B].length));
  });

  it('saves the CSV where the desktop save dialog says, and nothing when cancelled', async () => {
    const { session } = await twoCoders();
    const target = path.join(await tempDir(), 'agreement.csv');
    let offered = '';
    const dialogs = (answer: string | null): HostDialogs => ({
      pickFolder: async () => null,
      pickSaveFile: async (name) => ((offered = name), answer),
      showInFolder: () => undefined,
    });
    const input = agreementContract.exportAgreementCsvToFile.input.parse({
      coders: ['alice', 'bob'],
      bom: false,
    });
    const saved = await agreementHandlers(await context(session, dialogs(target))).exportAgreementCsvToFile(
      input,
    );
    expect(saved).toEqual({ path: target });
    expect(offered).toMatch(/-agreement-/);
    const text = await readFile(target, 'utf8');
    expect(text.startsWith('tag,tag_path,alpha_u')).toBe(true);
    expect(
      await agreementHandlers(await context(session, dialogs(null))).exportAgreementCsvToFile(input),
    ).toBeNull();
    await expect(
      agreementHandlers(await context(session)).exportAgreementCsvToFile(input),
    ).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});
