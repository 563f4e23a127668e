import { countKeystrokes } from '../format/index.js';

/**
 * How the compiler turns text into time. All results are integer ms so
 * scripts diff cleanly and play the same everywhere.
 */

/** A beat between actions, so each reads as a separate gesture. */
export const GAP_AFTER = {
  'insert-cell': 300,
  type: 500,
  'delete-text': 300,
  'delete-cell': 500,
  run: 800,
  narrate: 300,
  wait: 0,
  pause: 0,
  point: 1500
} as const;

/** Time to type `text` at `speed` characters per second. */
export function typingMs(text: string, speed: number): number {
  return Math.round((countKeystrokesInChunks(text) / speed) * 1000);
}

const CHUNK = 1024;

/**
 * `countKeystrokes`, a chunk at a time: grapheme segmentation of one long
 * string takes time that grows faster than its length (128 KB took seconds),
 * so the text is cut where a cut cannot split a grapheme (between two
 * printable ASCII characters) and the chunks are counted apart.
 */
function countKeystrokesInChunks(text: string): number {
  let count = 0;
  let start = 0;
  while (text.length - start > CHUNK) {
    let cut = start + CHUNK;
    while (cut < text.length && !canCut(text, cut)) {
      cut++;
    }
    count += countKeystrokes(text.slice(start, cut));
    start = cut;
  }
  return count + countKeystrokes(text.slice(start));
}

/** A grapheme always ends after a line feed, and between two printable ASCII characters. */
function canCut(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  return before === 0x0a || (isPrintableAscii(before) && isPrintableAscii(text.charCodeAt(at)));
}

function isPrintableAscii(code: number): boolean {
  return code >= 0x20 && code <= 0x7e;
}

/** Time to read `text` aloud at `pace` words per minute (at least a second when there is text). */
export function readingMs(text: string, pace: number): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return words === 0 ? 0 : Math.max(1000, Math.round((words / pace) * 60_000));
}
