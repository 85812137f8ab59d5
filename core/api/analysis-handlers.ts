/**
 * Handlers of the analysis operations (issue 19): sets and samples, reports, autocode. Each one
 * resolves the scope against the open library and hands the work to core/analysis.
 */
import { ApiError } from '../errors.js';
import type { analysisContract } from './analysis-contract.js';
import type { HandlersOf } from './define.js';
import type { ServiceContext } from './service-context.js';

export type AnalysisHandlers = HandlersOf<typeof analysisContract>;

const pending = (): never => {
  throw new ApiError('internal', 'Analysis is not built yet in this version.');
};

export function analysisHandlers(_ctx: ServiceContext): AnalysisHandlers {
  return {
    analysisReport: async () => pending(),
    analysisCsv: async () => pending(),
    analysisCsvToFile: async () => pending(),
    listSets: async () => pending(),
    saveSet: async () => pending(),
    deleteSet: async () => pending(),
    drawSample: async () => pending(),
    autocodePreview: async () => pending(),
    autocodeApply: async () => pending(),
    autocodeUndo: async () => pending(),
  };
}
