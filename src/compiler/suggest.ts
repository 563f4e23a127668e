import { userText } from '../format/index.js';

/**
 * How many candidates a suggestion looks at, and how long a word it compares:
 * a suggestion is a courtesy, and must not make a message cost time that
 * grows with the tutorial (one per unknown cell, over thousands of cells).
 */
const MAX_CANDIDATES = 1000;
const MAX_WORD = 64;

/** The candidate closest to `word` by edit distance, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX_WORD) {
    return undefined;
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  let looked = 0;
  for (const candidate of candidates) {
    if (looked++ === MAX_CANDIDATES) {
      break;
    }
    if (Math.abs(candidate.length - word.length) >= bestDistance || candidate.length > MAX_WORD) {
      continue;
    }
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 2)) ? best : undefined;
}

/** "; did you mean `type`?" or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>, wrap = (s: string) => `\`${userText(s)}\``): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : `; did you mean ${wrap(match)}?`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
    }
    previous = current;
  }
  return previous[b.length];
}
