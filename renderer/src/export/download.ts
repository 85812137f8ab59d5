/**
 * Browser mode: hands an export to the browser as a file download. Text goes into the Blob as it
 * is (a CSV's BOM is already its first character, and Blob encodes strings as UTF-8); binary
 * exports (`.qdpx`) arrive in base64 and are decoded to their bytes first.
 */
export function downloadText(fileName: string, text: string, mimeType: string, encoding?: 'base64'): void {
  downloadBlob(fileName, exportBlob(text, mimeType, encoding));
}

/** Browser mode: hands a blob (an export, a PNG) to the browser as a file download. */
export function downloadBlob(fileName: string, blob: Blob): void {
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

/** The file's contents as the browser saves them: the text as UTF-8, or the base64 decoded. */
export function exportBlob(text: string, mimeType: string, encoding?: 'base64'): Blob {
  return new Blob([encoding === 'base64' ? base64Bytes(text) : text], { type: mimeType });
}

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
