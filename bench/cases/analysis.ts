// Analysis (issue 19): each report's data over the 10,000-article library with the teams store's
// 100,000 highlights of 5 coders (bench/cases/teams.ts), and a seeded sample of 500 of the 10,000,
// timed after the store is open and its index built (what a second look at the Analysis view costs).
// Each report gathers its data afresh (no view cache). The store's facts (highlight-facts.ts) are
// built once first, timed on their own row: the app builds them in the background a second after
// the library opens (core/api/open-session.ts) and keeps them while the store is unchanged. A last
// row times switching between the views over one scope, as the app does with the gathered data
// kept (report-data-cache.ts).
// The baseline, from the same run: listing every highlight of every article through the store
// (listEach, what any library-wide report has to read at least).
import { SetStore } from '../../core/analysis/set-store.js';
import { buildReport } from '../../core/analysis/build-report.js';
import { drawSample } from '../../core/analysis/draw-sample.js';
import { reportData } from '../../core/analysis/report-data.js';
import { ReportDataCache } from '../../core/analysis/report-data-cache.js';
import type { ReportKind, TimelineBy } from '../../core/analysis/report-types.js';
import type { LibraryHandle } from '../../core/library/library-handle.js';
import { openAnnotationService } from '../../core/store/annotation-service.js';
import { now, summarize } from '../measure.js';
import type { Row } from '../report.js';
import type { TeamStore } from './teams.js';

export interface AnalysisResult {
  highlights: number;
  articles: number;
  baseline: ReturnType<typeof summarize>;
  reports: { name: string; rows: number; times: ReturnType<typeof summarize> }[];
  switching: ReturnType<typeof summarize>;
  /** Building the store's facts once, as the app does after opening. */
  factsMs: number;
  sample: ReturnType<typeof summarize> & { strata: number };
}

async function timed<T>(
  reps: number,
  fn: () => Promise<T>,
): Promise<{ times: ReturnType<typeof summarize>; value: T }> {
  let value!: T;
  const all: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = now();
    value = await fn();
    all.push(now() - t);
  }
  return { times: summarize(all), value };
}

export async function benchAnalysis(
  library: LibraryHandle,
  store: TeamStore,
  opts: { reps: number },
): Promise<{ result: AnalysisResult; rows: Row[] }> {
  const me = store.writers[0]!;
  const annotations = await openAnnotationService(store.teamDir, {
    writerFolders: true,
    writer: () => me,
    // Watching, as the app opens it: without a watcher the index is rebuilt from the files on every call.
  });
  try {
    const sets = new SetStore({ dataDir: store.teamDir, writer: () => me, readOnly: () => null });
    const src = { library, annotations, set: (name: string) => sets.get(name) };
    const ids = library.list().articles.map((a) => a.id);
    await annotations.counts(); // builds the index, as opening the app does
    const f0 = now();
    await annotations.highlightFacts(); // as the app does a second after opening (open-session.ts)
    const factsMs = now() - f0;
    const baseline = await timed(opts.reps, async () => {
      let n = 0;
      for await (const { annotations: list } of annotations.listEach(ids)) n += list.length;
      return n;
    });
    const kinds: [string, ReportKind, TimelineBy?][] = [
      ['frequencies', 'frequencies'],
      ['matrix', 'matrix'],
      ['co-occurrence', 'cooccurrence'],
      ['timeline by month', 'timeline', 'month'],
      ['timeline by week, folded to parents', 'timeline', 'week'],
    ];
    const reports: AnalysisResult['reports'] = [];
    for (const [name, kind, by] of kinds) {
      const fold = name.includes('folded');
      const r = await timed(opts.reps, async () =>
        buildReport(await reportData(src, fold ? { foldToParents: true } : {}), kind, by),
      );
      reports.push({ name, rows: r.value.rows.length, times: r.times });
    }
    // Switching views: every kind in turn over one scope, the gathered data kept between them.
    const viewSrc = { ...src, cache: new ReportDataCache() };
    await reportData(viewSrc, {});
    let turn = 0;
    const switching = await timed(opts.reps * kinds.length, async () => {
      const [, kind, by] = kinds[turn++ % kinds.length]!;
      return buildReport(await reportData(viewSrc, {}), kind, by);
    });
    const sample = await timed(opts.reps * 3, () =>
      drawSample(src, { size: 500, seed: 1, stratify: 'month', scope: {} }),
    );
    const result: AnalysisResult = {
      highlights: baseline.value,
      articles: ids.length,
      baseline: baseline.times,
      reports,
      switching: switching.times,
      factsMs,
      sample: { ...sample.times, strata: sample.value.strata.length },
    };
    const rows: Row[] = [
      {
        measure: 'analysis: the store builds its highlight facts (once, in the background after open)',
        value: factsMs,
        unit: 'ms',
        baseline: baseline.times.p95,
        baselineLabel: 'list every highlight (listEach)',
        target: '–',
        pass: null,
        note: `${baseline.value.toLocaleString('en')} highlights; every report reads them until the store changes`,
      },
    ];
    rows.push(
      ...reports.map((r): Row => ({
        measure: `analysis: ${r.name}, 10,000 articles, ${(baseline.value / 1000).toFixed(0)}k highlights, 5 coders`,
        value: r.times.p95,
        unit: 'ms',
        baseline: baseline.times.p95,
        baselineLabel: 'list every highlight (listEach)',
        target: '≤ 300 ms',
        pass: r.times.p95 <= 300,
        note: `p95 of ${r.times.n}; p50 ${r.times.p50.toFixed(0)} ms; ${r.rows.toLocaleString('en')} rows`,
      })),
    );
    rows.push({
      measure: 'analysis: switching views over one scope (gathered data kept), 10,000 articles',
      value: switching.times.p95,
      unit: 'ms',
      baseline: baseline.times.p95,
      baselineLabel: 'list every highlight (listEach)',
      target: '≤ 300 ms',
      pass: switching.times.p95 <= 300,
      note: `p95 of ${switching.times.n}, the kinds in turn; p50 ${switching.times.p50.toFixed(0)} ms`,
    });
    rows.push({
      measure: 'analysis: sample 500 of 10,000, stratified by month',
      value: sample.times.p95,
      unit: 'ms',
      baseline: null,
      baselineLabel: '',
      target: '≤ 100 ms',
      pass: sample.times.p95 <= 100,
      note: `p95 of ${sample.times.n}; p50 ${sample.times.p50.toFixed(1)} ms; ${sample.value.strata.length} strata`,
    });
    return { result, rows };
  } finally {
    await annotations.close();
  }
}
