/**
 * The file an import reads: its bytes and its name (for the report and to tell a project from a
 * codebook). Kept in memory: a `.qdpx` is a ZIP, read whole (see read-qdpx.ts).
 */
export interface ImportFile {
  bytes: Uint8Array;
  fileName: string;
}
