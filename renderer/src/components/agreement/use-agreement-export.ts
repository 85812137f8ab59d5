/**
 * Export the agreement table as CSV: the desktop app saves through the native dialog, the browser
 * mode downloads (as the export dialog does). Says what happened or what failed.
 */
import { useState } from 'react';
import type { GlossApi, OpInput } from '../../../../core/api/contract.js';
import { downloadText } from '../../export/download.js';

export type AgreementRequest = OpInput<'exportAgreementCsv'>;
export type ExportState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'saved'; path: string }
  | { kind: 'downloaded'; fileName: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown };

export function useAgreementExport(api: GlossApi, nativeDialogs: boolean) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const run = async (request: AgreementRequest) => {
    setState({ kind: 'busy' });
    try {
      if (nativeDialogs) {
        const saved = await api.exportAgreementCsvToFile(request);
        setState(saved ? { kind: 'saved', path: saved.path } : { kind: 'cancelled' });
      } else {
        const file = await api.exportAgreementCsv(request);
        downloadText(file.fileName, file.content, file.mimeType);
        setState({ kind: 'downloaded', fileName: file.fileName });
      }
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  return { state, run };
}
