import type { TypeOperation } from './script.js';

/** How many keystrokes typing `text` takes (the length of `splitKeystrokes`, computed faster). */
export function countKeystrokes(text: string): number {
  // Printable ASCII and line ends are one key each: no need to segment.
  return /^[\n\t\x20-\x7e]*$/.test(text) ? text.length : splitKeystrokes(text).length;
}

/** One keystroke of a `type` operation, as the player applies it. */
export interface Keystroke {
  /** Time in ms from the step's start (same clock as `Operation.at`). */
  at: number;
  /** Offset of this keystroke's text within the operation's `text`. */
  index: number;
  text: string;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Code units segmented at a time (see `splitKeystrokes`). */
const WINDOW = 512;

/**
 * Split text into what one key press produces: grapheme clusters, so an emoji
 * or a combining accent is never split and no lone surrogate ever reaches the
 * document.
 *
 * V8's segmenter slows down with the length of the string it segments (each
 * segment costs time in proportion to the input: a 160k-character block took
 * seconds), so the text is segmented a window at a time. A window's last
 * cluster may continue past the window, so it is not kept: the next window
 * starts where it starts. Starting at a cluster boundary gives the same
 * clusters as segmenting the whole text, since a boundary depends only on the
 * text since the previous one and on the character after it (so a window
 * never ends inside a surrogate pair). A cluster longer than a window widens it.
 */
export function splitKeystrokes(text: string): string[] {
  if (/^[\n\t\x20-\x7e]*$/.test(text)) {
    // Printable ASCII and line ends are one key each (\r\n is not, so it is not here).
    return text.split('');
  }
  const keys: string[] = [];
  let start = 0;
  let window = WINDOW;
  while (start < text.length) {
    let end = Math.min(text.length, start + window);
    // Never between the halves of a surrogate pair: whether a boundary falls
    // before a character depends on the whole character.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) {
      end--;
    }
    const last = end === text.length;
    const segments = Array.from(segmenter.segment(text.slice(start, end)), segment => segment.segment);
    if (!last && segments.length < 2) {
      window *= 2;
      continue;
    }
    if (!last) {
      segments.pop();
    }
    for (const segment of segments) {
      keys.push(segment);
      start += segment.length;
    }
    window = WINDOW;
  }
  return keys;
}

/**
 * Expand a `type` operation into keystrokes, deterministically: the same
 * operation always gives the same times. Gaps vary a little (seeded by the
 * text and offset) so the typing looks human, and line ends pause longer. The
 * last keystroke lands exactly at `at + duration`.
 */
export function expandKeystrokes(operation: TypeOperation): Keystroke[] {
  const keys = splitKeystrokes(operation.text);
  if (keys.length === 0) {
    return [];
  }
  const random = seededRandom(hashString(`${operation.cell}:${operation.offset}:${operation.text}`));
  const weights = keys.map((key, i) => {
    const previous = i > 0 ? keys[i - 1] : '';
    const base = previous === '\n' ? 2.5 : key === ' ' ? 1.2 : 1;
    return base * (0.6 + 0.8 * random());
  });
  // The first key lands at `at`; the others share the duration by weight.
  const total = weights.slice(1).reduce((sum, weight) => sum + weight, 0);
  const strokes: Keystroke[] = [];
  let elapsed = 0;
  let index = 0;
  keys.forEach((key, i) => {
    if (i > 0) {
      elapsed += weights[i];
    }
    const at =
      i === keys.length - 1 || total === 0
        ? operation.at + (i === 0 ? 0 : operation.duration)
        : operation.at + Math.round((operation.duration * elapsed) / total);
    strokes.push({ at, index, text: key });
    index += key.length;
  });
  return strokes;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** FNV-1a, 32 bit: a stable seed from a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, fast, seeded generator in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
