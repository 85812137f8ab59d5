// Measure: opening an article with 1,000 highlights until they are painted, in the real UI
// (`gloss serve` from dist/, driven in Chromium), beside opening a copy of the same article that
// has none. Time runs from the user's press on the article's row in the library list to the first
// frame rendered with every highlight registered in CSS.highlights; it is taken inside the page,
// so Playwright's round trips are not part of it.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describeRange } from '../../core/anchor/describe-range.js';
import { dispatch } from '../../core/api/dispatch.js';
import { DATA_DIR_NAME } from '../../core/api/open-session.js';
import { createService } from '../../core/api/service.js';
import type { Annotation, Tag } from '../../core/model.js';
import { OKABE_ITO } from '../../core/store/palette.js';
import { findChromium } from '../../tests/e2e/support/find-chromium.js';
import { launchBrowser } from '../../tests/e2e/support/launch-browser.js';
import { REPO, serveGloss } from '../../tests/e2e/support/serve-gloss.js';
import { generateArticle } from '../generate-library.js';
import { summarize } from '../measure.js';
import { Prng } from '../prng.js';
import { textSource } from '../text-source.js';

export const HIGHLIGHTS = 1000;
const TITLES = {
  with: '长文（1,000 条标注）',
  without: '长文副本（无标注）',
  other: (i: number) => `短文 ${i + 1}`,
};
const OTHERS = 4;

type Summary = ReturnType<typeof summarize>;

export interface PaintOpen {
  /** Press on the row → first frame with the article's text on screen. */
  bodyMs: number;
  /** Press on the row → first frame with every highlight registered. */
  paintedMs: number;
}

export interface PaintResult {
  textChars: number;
  highlights: number;
  /** Highlights the store places on the text (what the reader must paint). */
  placed: number;
  /**
   * One first open per fresh session (a new server on a library without caches, a new browser):
   * a single first open is one sample on a machine whose speed varies by tens of percent.
   */
  first: {
    with: Summary;
    without: Summary;
    withBody: Summary;
    opens: { with: PaintOpen[]; without: PaintOpen[] };
  };
  repeat: {
    with: Summary;
    without: Summary;
    withBody: Summary;
    opens: { with: PaintOpen[]; without: PaintOpen[] };
  };
}

/** Why the measure cannot run here, or null when it can. */
export function paintUnavailable(): string | null {
  if (!existsSync(join(REPO, 'dist', 'cli')) || !existsSync(join(REPO, 'dist', 'renderer', 'index.html')))
    return 'dist/ is missing: run `npm run build` first';
  try {
    findChromium();
  } catch (err) {
    return (err as Error).message;
  }
  return null;
}

const retitle = (content: string, title: string): string =>
  content.replace(/^title: .*$/m, `title: '${title}'`);

/** Six articles in corpus shape: the long one, its copy, and short ones to open in between. */
function writeLibrary(root: string, corpusDir: string, seed: number): void {
  const src = textSource(corpusDir);
  let long: string | null = null;
  const short: string[] = [];
  for (let i = 0; long === null || short.length < OTHERS; i++) {
    const a = generateArticle(seed, i, 10_000, src);
    const bytes = Buffer.byteLength(a.content);
    if (a.english || a.table || a.outlier) continue;
    // 30-60 KB of Chinese text once the markup is gone.
    if (long === null && bytes >= 55_000 && bytes <= 75_000) long = a.content;
    else if (short.length < OTHERS && bytes >= 4_000 && bytes <= 20_000) short.push(a.content);
  }
  mkdirSync(join(root, 'paint'), { recursive: true });
  writeFileSync(join(root, 'paint', 'long.md'), retitle(long, TITLES.with));
  writeFileSync(join(root, 'paint', 'long-copy.md'), retitle(long, TITLES.without));
  short.forEach((c, i) =>
    writeFileSync(join(root, 'paint', `short-${i + 1}.md`), retitle(c, TITLES.other(i))),
  );
}

/**
 * 1,000 highlights spread over the text, 6-40 characters each, one in eight stretched over the
 * next ones (overlaps), with eight tags in their own colours and a few colours set by hand.
 * Selectors come from core (describeRange, as createAnnotation makes them); they are saved through
 * the API's batch operation, one durable write, as createAnnotation a thousand times would rewrite
 * a growing file a thousand times.
 */
async function annotate(root: string, appDataDir: string, seed: number): Promise<number> {
  const service = await createService({ host: 'browser', version: 'bench', appDataDir, watch: false });
  try {
    await service.open(root);
    const { library } = service.ctx.session!;
    await library.whenScanned();
    const summary = library.list().articles.find((a) => a.title === TITLES.with)!;
    const { doc } = await service.handlers.getArticle({ id: summary.id });
    const tags: Tag[] = [];
    for (const [i, name] of ['经济', '政策', '技术', '社会', '人物', '数据', '引语', '存疑'].entries()) {
      const color = OKABE_ITO[i % OKABE_ITO.length];
      tags.push((await dispatch(service.handlers, 'createTag', { name, color })) as Tag);
    }
    const r = new Prng(`${seed}:paint`);
    const step = doc.text.length / HIGHLIGHTS;
    const now = new Date().toISOString();
    const annotations: Annotation[] = [];
    for (let i = 0; i < HIGHLIGHTS; i++) {
      let start = Math.floor(i * step) + r.int(0, Math.max(0, Math.floor(step) - 6));
      let end = Math.min(doc.text.length, start + r.int(6, 40) * (r.chance(0.125) ? 3 : 1));
      while (start < end && /\s/.test(doc.text[start]!)) start++;
      while (end > start && /\s/.test(doc.text[end - 1]!)) end--;
      if (end <= start) {
        i--;
        continue;
      }
      annotations.push({
        id: randomUUID(),
        articleId: summary.id,
        ...describeRange(doc.text, { start, end }),
        tagIds: [r.pick(tags).id],
        note: r.chance(0.1) ? '关键论据' : '',
        color: r.chance(0.05) ? '#ff00aa' : null,
        creator: 'bench',
        created: now,
        modified: now,
      });
    }
    await dispatch(service.handlers, 'restoreAnnotations', { annotations });
    return doc.text.length;
  } finally {
    await service.close();
  }
}

/**
 * Installed in the page: `arm(title, expected)` waits for the next press, then looks at every
 * frame as it starts (requestAnimationFrame): once the reader shows `title` with `expected`
 * highlights registered, that frame renders them, and the time is taken when it is done (a message
 * posted from requestAnimationFrame arrives after the frame).
 */
function installProbe(): void {
  type Result = { bodyMs: number; paintedMs: number };
  type Seen = { at: number; shown: boolean; painted: boolean };
  const w = window as unknown as {
    paintProbe: { arm(t: string, n: number): void; result?: Promise<Result> };
  };
  const shown = (title: string): boolean => {
    const body = document.querySelector('[data-testid="article-body"]');
    return (
      document.querySelector('[data-testid="reader-title"]')?.textContent === title &&
      !!body &&
      (body.textContent ?? '').length > 0
    );
  };
  const painted = (expected: number): boolean => {
    const body = document.querySelector('[data-testid="article-body"]');
    let n = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('gloss-c')) continue;
      for (const range of highlight as unknown as Iterable<Range>) {
        if (!body?.contains(range.startContainer)) return false; // still the previous article's
        n++;
      }
    }
    return n === expected;
  };
  const nextFrame = (title: string, expected: number): Promise<Seen> =>
    new Promise((done) =>
      requestAnimationFrame(() => {
        const seen = { shown: shown(title), painted: false };
        seen.painted = seen.shown && painted(expected);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done({ at: performance.now(), ...seen });
        channel.port2.postMessage(null);
      }),
    );
  w.paintProbe = {
    arm(title, expected) {
      w.paintProbe.result = new Promise((done, fail) => {
        document.addEventListener(
          'pointerdown',
          (event) => {
            const start = event.timeStamp;
            let bodyAt = 0;
            const deadline = performance.now() + 15_000;
            const check = async (): Promise<void> => {
              const frame = await nextFrame(title, expected);
              if (!bodyAt && frame.shown) bodyAt = frame.at;
              if (frame.painted) return done({ bodyMs: bodyAt - start, paintedMs: frame.at - start });
              if (frame.at > deadline)
                return fail(new Error(`"${title}" not painted with ${expected} highlights`));
              return check();
            };
            void check();
          },
          { capture: true, once: true },
        );
      });
    },
  };
}

async function openAndTime(page: Page, title: string, expected: number): Promise<PaintOpen> {
  await page.evaluate(
    ({ title, expected }) => {
      (window as unknown as { paintProbe: { arm(t: string, n: number): void } }).paintProbe.arm(
        title,
        expected,
      );
    },
    { title, expected },
  );
  await page.getByTestId('article-row').filter({ hasText: title }).click();
  return page.evaluate(
    () => (window as unknown as { paintProbe: { result: Promise<PaintOpen> } }).paintProbe.result,
  );
}

/** The library: its folder and the length of the long article's text. */
export async function preparePaintLibrary(
  workDir: string,
  corpusDir: string,
  seed: number,
): Promise<{ root: string; textChars: number; titles: typeof TITLES }> {
  const root = resolve(workDir, 'paint-library');
  rmSync(root, { recursive: true, force: true });
  writeLibrary(root, corpusDir, seed);
  const textChars = await annotate(root, join(workDir, 'paint-app-data'), seed);
  // The caches the set-up wrote would make the first open of the long article warm: drop them.
  rmSync(join(root, DATA_DIR_NAME, 'cache'), { recursive: true, force: true });
  return { root, textChars, titles: TITLES };
}

export async function benchPaint(opts: {
  workDir: string;
  corpusDir: string;
  seed: number;
  reps: number;
  /** Fresh sessions, each giving one first open (the first also gives the repeats). */
  sessions: number;
  log: (m: string) => void;
}): Promise<PaintResult> {
  const { root, textChars } = await preparePaintLibrary(opts.workDir, opts.corpusDir, opts.seed);
  opts.log(`paint: ${HIGHLIGHTS} highlights on a ${textChars.toLocaleString('en')}-character article`);
  const first = { with: [] as PaintOpen[], without: [] as PaintOpen[] };
  let repeats: Awaited<ReturnType<typeof paintSession>> | null = null;
  for (let s = 0; s < opts.sessions; s++) {
    // What the previous session cached would make this one's first open warm.
    rmSync(join(root, DATA_DIR_NAME, 'cache'), { recursive: true, force: true });
    const session = await paintSession(root, s === 0 ? opts.reps : 0);
    first.with.push(session.first.with);
    first.without.push(session.first.without);
    repeats ??= session;
  }
  const { highlights, placed, opens } = repeats!;
  return {
    textChars,
    highlights,
    placed,
    first: summarizeOpens(first),
    repeat: summarizeOpens(opens),
  };
}

function summarizeOpens(opens: { with: PaintOpen[]; without: PaintOpen[] }) {
  return {
    with: summarize(opens.with.map((o) => o.paintedMs)),
    without: summarize(opens.without.map((o) => o.paintedMs)),
    withBody: summarize(opens.with.map((o) => o.bodyMs)),
    opens,
  };
}

/** One session: `gloss serve` and a new browser; first opens of both articles, then `reps` repeats. */
async function paintSession(root: string, reps: number) {
  const served = await serveGloss({ library: root, copy: false });
  const browser = await launchBrowser({ locale: 'zh-CN' });
  try {
    const page = await browser.context.newPage();
    await page.goto(served.url);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="article-row"]').length >= n,
      OTHERS + 2,
    );
    // tsx compiles with esbuild's keepNames: functions sent to the page call its __name helper.
    await page.evaluate('globalThis.__name = (fn) => fn');
    await page.evaluate(installProbe);
    const ids = new Map(
      (await served.call<{ articles: { id: string; title: string }[] }>('listArticles', {})).articles.map(
        (a) => [a.title, a.id],
      ),
    );
    const anchored = await served.call<{ range: unknown }[]>('listAnnotations', {
      articleId: ids.get(TITLES.with),
    });
    const placed = anchored.filter((a) => a.range !== null).length;

    let k = 0;
    const other = (): Promise<PaintOpen> => openAndTime(page, TITLES.other(k++ % OTHERS), 0);
    await other(); // the session's first article: loads the reader's code paths
    await other();
    const firstWithout = await openAndTime(page, TITLES.without, 0);
    await other();
    const firstWith = await openAndTime(page, TITLES.with, placed);
    const opens = { with: [] as PaintOpen[], without: [] as PaintOpen[] };
    for (let i = 0; i < reps; i++) {
      await other();
      opens.with.push(await openAndTime(page, TITLES.with, placed));
      await other();
      opens.without.push(await openAndTime(page, TITLES.without, 0));
    }
    return { highlights: anchored.length, placed, first: { with: firstWith, without: firstWithout }, opens };
  } finally {
    await browser.close();
    await served.stop();
  }
}
