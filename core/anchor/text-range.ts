/** The half-open range type the anchoring modules share: UTF-16 code-unit offsets into the canonical text. */
export interface TextRange {
  start: number;
  end: number;
}
