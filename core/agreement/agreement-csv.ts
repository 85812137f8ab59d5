/**
 * The agreement table as CSV (`gloss agreement --csv`, the view's export): one row per code with the
 * fields of the JSON report, a `units_<coder>` and a `characters_<coder>` column per coder, and
 * alpha_u's observed and expected disagreement so the overall alpha can be recomputed. Written with
 * the settings of every Gloss CSV (core/export/csv-text.ts: csv-stringify's quoting, formula-like
 * cells neutralised, since code and coder names are user text). An undefined figure is an empty cell.
 */
import { BOM, csvCells, ROW_END, type Cell } from '../export/csv-text.js';
import type { AgreementResult, CodeAgreement } from './compute-agreement.js';

export function agreementCsvHeader(result: AgreementResult): string[] {
  return [
    'tag',
    'tag_path',
    'alpha_u',
    'alpha_article',
    'percent_agreement',
    'kappa',
    ...result.coders.map((c) => `units_${c}`),
    ...result.coders.map((c) => `characters_${c}`),
    'alpha_u_observed',
    'alpha_u_expected',
  ];
}

const figure = (x: number | null): Cell => (x === null ? '' : x);

export function agreementCsvCells(result: AgreementResult, code: CodeAgreement): Cell[] {
  return [
    code.tag,
    code.tag_path,
    figure(code.alpha_u),
    figure(code.alpha_article),
    figure(code.percent_agreement),
    figure(code.kappa),
    ...result.coders.map((c) => code.units[c] ?? 0),
    ...result.coders.map((c) => code.characters[c] ?? 0),
    code.alpha_u_observed,
    code.alpha_u_expected,
  ];
}

/** The whole file: header and one row per code, CRLF row ends, a BOM unless `bom` is false. */
export function agreementCsv(result: AgreementResult, options: { bom?: boolean } = {}): string {
  const lines = [
    csvCells(agreementCsvHeader(result)),
    ...result.codes.map((c) => csvCells(agreementCsvCells(result, c))),
  ];
  return ((options.bom ?? true) ? BOM : '') + lines.map((l) => l + ROW_END).join('');
}
