/**
 * Browser mode: hands an export to the browser as a file download. Text goes into the Blob as it is
 * (a CSV's BOM is already its first character, and Blob encodes strings as UTF-8); a binary file
 * (an Excel workbook) arrives as base64, because a JSON reply cannot carry bytes, and is decoded here.
 */
import type { ExportContent } from '../../../core/api/export-contract.js';

export function downloadExport(file: ExportContent): void {
  const body = file.encoding === 'base64' ? base64Bytes(file.content) : file.content;
  downloadBlob(file.fileName, new Blob([body], { type: file.mimeType }));
}

export function downloadText(fileName: string, text: string, mimeType: string): void {
  downloadBlob(fileName, new Blob([text], { type: mimeType }));
}

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download starts asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
