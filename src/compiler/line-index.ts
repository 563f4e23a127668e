/**
 * Offsets ↔ 1-based lines and columns, from one pass over the text.
 * (vfile-location's `toPoint` walks its line table from the first line on
 * every call, which is quadratic when every key or line of a large input
 * needs a position; this binary-searches instead.)
 */
export interface LineIndex {
  /** The line and column of an offset (clamped into the text). */
  toPoint(offset: number): { line: number; column: number };
  /** The offset where a line starts (clamped to the last line). */
  lineStart(line: number): number;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return {
    toPoint(offset) {
      const at = Math.max(0, Math.min(offset, text.length));
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= at) {
          low = middle;
        } else {
          high = middle - 1;
        }
      }
      return { line: low + 1, column: at - starts[low] + 1 };
    },
    lineStart(line) {
      return starts[Math.max(0, Math.min(line, starts.length) - 1)];
    }
  };
}
