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

/**
 * Scripts written without spaces between words, read a character at a time:
 * Chinese characters, and Japanese kana and kanji. Korean puts spaces between
 * its words, so it is counted in words like the rest.
 */
const CHARACTER_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * How many such characters take the time of one word: read aloud, Chinese
 * runs at about 300 characters a minute where English runs at about 170 words,
 * so at the default pace 98 characters are given about 20 seconds.
 */
export const CHARACTERS_PER_WORD = 1.75;

/** Any letter or digit: a run of punctuation between spaces is not a word said. */
const SAID = /[\p{L}\p{N}]/u;

/**
 * How many words `text` is worth, read aloud: its words, and its Chinese and
 * Japanese characters at `CHARACTERS_PER_WORD` each.
 */
export function spokenWords(text: string): number {
  let characters = 0;
  const rest = text.replace(CHARACTER_SCRIPTS, () => {
    characters++;
    return ' ';
  });
  let words = 0;
  for (const token of rest.split(/\s+/)) {
    if (SAID.test(token)) {
      words++;
    }
  }
  return words + characters / CHARACTERS_PER_WORD;
}

/** Time to read `text` aloud at `pace` words per minute (at least a second when there is text). */
export function readingMs(text: string, pace: number): number {
  const words = spokenWords(text);
  return words === 0 ? 0 : Math.max(1000, Math.round((words / pace) * 60_000));
}

/**
 * Time to read a step's opening aloud at `pace`: what the player says when
 * the step starts, "Step 2 of 5: title." and then the narration.
 */
export function stepOpeningMs(index: number, count: number, title: string, narration: string, pace: number): number {
  return readingMs(`Step ${index + 1} of ${count}: ${title}. ${narration}`, pace);
}
