/**
 * "Sample…": the articles of a scope, drawn at random by size or percentage, optionally
 * stratified, with the seed given (or a new one, returned so it can be shown and stored).
 */
import { analysisNote } from './analysis-notes.js';
import { ApiError } from '../errors.js';
import { stratumOf } from './article-facets.js';
import type { ArticleScope, StratifyBy } from './report-types.js';
import { articlesInScope, type ScopeSources } from './resolve-scope.js';
import { drawSeededSample, newSeed, sizeOfPercent } from './seeded-sample.js';
import type { DrawnSample } from './set-types.js';

export interface SampleRequest {
  size?: number;
  percent?: number;
  seed?: number;
  stratify?: StratifyBy;
  equal?: boolean;
  scope: ArticleScope;
}

export async function drawSample(src: ScopeSources, req: SampleRequest): Promise<DrawnSample> {
  if ((req.size === undefined) === (req.percent === undefined))
    throw new ApiError('invalid-input', 'Give either a size or a percentage.');
  const { articles, notes } = await articlesInScope(src, req.scope);
  const seed = req.seed ?? newSeed();
  const available = articles.length;
  const size = req.size ?? sizeOfPercent(req.percent!, available);
  const by = req.stratify;
  const sample = drawSeededSample(
    articles.map((a) => ({ id: a.id, path: a.path, stratum: by ? stratumOf(a, by) : null })),
    { size, seed, stratified: by !== undefined, equal: req.equal ?? false },
  );
  if (size > available) notes.push(analysisNote('sample-took-all', { size, available }));
  if (req.equal && by) {
    const short = sample.strata.filter(
      (s) => s.chosen === s.available && s.available < size / sample.strata.length,
    );
    if (short.length > 0 && size < available)
      notes.push(analysisNote('strata-short', { count: short.length }));
  }
  return { articleIds: sample.articleIds, seed, available, strata: sample.strata, notes };
}
