/**
 * Exporting what the Analysis area shows: the table as CSV (computed by the host, as
 * `gloss report --csv`), the chart as SVG or PNG (made in the page from the chart on screen). The
 * desktop app saves through the native dialog; the browser mode downloads. Says what happened.
 */
import { useState } from 'react';
import type { GlossApi, OpInput } from '../../../../core/api/contract.js';
import { datedFileName } from '../../../../core/export/dated-file-name.js';
import { downloadBlob, downloadText } from '../../export/download.js';
import type { ExportState } from '../agreement/use-agreement-export.js';
import { base64Of, chartPng, chartSvgText } from './chart-image.js';

export type ReportRequest = OpInput<'analysisReport'>;
export type { ExportState };

/** `<library>-frequencies-2026-12-03.svg`: named as the same table's CSV. */
export function chartFileName(
  libraryName: string,
  kind: string,
  extension: string,
  now = new Date(),
): string {
  return datedFileName(libraryName, kind, extension, now);
}

export function useAnalysisExport(api: GlossApi, nativeDialogs: boolean, libraryName: string) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const attempt = async (work: () => Promise<ExportState>) => {
    setState({ kind: 'busy' });
    try {
      setState(await work());
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  const saved = (result: { path: string } | null): ExportState =>
    result ? { kind: 'saved', path: result.path } : { kind: 'cancelled' };

  const csv = (request: ReportRequest) =>
    attempt(async () => {
      if (nativeDialogs) return saved(await api.analysisCsvToFile(request));
      const file = await api.analysisCsv(request);
      downloadText(file.fileName, file.content, file.mimeType);
      return { kind: 'downloaded', fileName: file.fileName };
    });

  const svg = (kind: string, chart: SVGSVGElement) =>
    attempt(async () => {
      const fileName = chartFileName(libraryName, kind, 'svg');
      const text = chartSvgText(chart);
      if (nativeDialogs) return saved(await api.saveChartFile({ fileName, format: 'svg', content: text }));
      downloadText(fileName, text, 'image/svg+xml');
      return { kind: 'downloaded', fileName };
    });

  const png = (kind: string, chart: SVGSVGElement) =>
    attempt(async () => {
      const fileName = chartFileName(libraryName, kind, 'png');
      const blob = await chartPng(chart);
      if (nativeDialogs)
        return saved(await api.saveChartFile({ fileName, format: 'png', content: await base64Of(blob) }));
      downloadBlob(fileName, blob);
      return { kind: 'downloaded', fileName };
    });

  return { state, csv, svg, png };
}
