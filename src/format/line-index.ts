/**
 * Offsets in a text to 1-based lines and columns, from one index of line
 * starts built once: each lookup is a binary search, so positioning many
 * problems in a big file costs no more than reading it once.
 */
export class LineIndex {
  /** Offset of the first character of each line; line breaks are LF, CR or CRLF. */
  private readonly starts: number[] = [0];

  private readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
        this.starts.push(i + 1);
      }
    }
  }

  /** Line and column (UTF-16 units, as editors count) of an offset, clamped into the text. */
  position(offset: number): { line: number; column: number } {
    offset = Math.max(0, Math.min(offset, this.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }

  /** The offset where a 1-based line starts (clamped to the first and last line). */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length) - 1)];
  }
}
