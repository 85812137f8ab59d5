/**
 * Saved sets and samples (issue 19): a set is a named list of articles; a sample is a set drawn at
 * random from a filter, with its recipe (seed, size, strata, filter) kept so it can be drawn again.
 * Pure types, shared by the domain, the API, the CLI and the renderer.
 */
import type { ArticleScope, StratifyBy } from './report-types.js';

/** How a sample was drawn: the same recipe on the same library gives the same articles. */
export interface SampleRecipe {
  /** 0 … 2^32 − 1. */
  seed: number;
  /** Articles asked for (after a percentage was turned into a number). */
  size: number;
  /** When the size was given as a percentage of the filter's articles. */
  percent?: number;
  stratify?: StratifyBy;
  /** Equal numbers per stratum instead of proportional. */
  equal?: boolean;
  /** The filter it was drawn from. */
  filter: ArticleScope;
}

/** A set as every reader sees it (merged over every writer's `sets.json`). */
export interface SavedSet {
  name: string;
  /** In library-path order as saved. */
  articleIds: string[];
  sample: SampleRecipe | null;
  /** Who saved it last. */
  creatorId: string;
  creatorName: string;
  writerId: string;
  /** ISO time of the last save. */
  modified: string;
  /** This Gloss's current coder saved it. */
  mine: boolean;
}

export interface SetList {
  /** By name. */
  sets: SavedSet[];
  /** Files that could not be read, and names saved by two writers (the later save shown). */
  problems: string[];
}

/** One stratum of a drawn sample: how many articles it had and how many were chosen. */
export interface SampleStratum {
  /** The source, category, folder or month (YYYY-MM); null: articles without one. */
  key: string | null;
  available: number;
  chosen: number;
}

export interface DrawnSample {
  /** Chosen articles, in library-path order. */
  articleIds: string[];
  seed: number;
  /** Articles the filter left (the population drawn from). */
  available: number;
  /** Per stratum, in key order; one stratum with key null when not stratified. */
  strata: SampleStratum[];
  /** E.g. "asked for 500, the filter has 320: all taken". */
  notes: string[];
}
