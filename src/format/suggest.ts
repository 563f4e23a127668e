import { userText } from './user-text.js';

/**
 * How many candidates a suggestion looks at, and how long a word it compares:
 * a suggestion is a courtesy, and must not make a message cost time that
 * grows with the tutorial (one per unknown cell, over thousands of cells).
 */
const MAX_CANDIDATES = 1000;
const MAX_WORD = 64;

export interface SuggestOptions {
  /**
   * Also take a word whose letters all appear in order in exactly one
   * candidate (`nbook` → `notebook`): names typed on a command line are often
   * shortened, where names in a tutorial are mistyped.
   */
  abbreviations?: boolean;
}

/**
 * The candidate closest to `word` by edit distance (at most max(2, half the
 * word)), if it is close enough to be a likely typo.
 */
export function closest(word: string, candidates: Iterable<string>, options: SuggestOptions = {}): string | undefined {
  if (word.length === 0 || word.length > MAX_WORD) {
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
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 2))) {
    return best;
  }
  return options.abbreviations ? abbreviated(word.toLowerCase(), candidates) : undefined;
}

/** The one candidate (of the first `MAX_CANDIDATES`) that holds `short`'s letters in order, if exactly one does. */
function abbreviated(short: string, candidates: Iterable<string>): string | undefined {
  if (short.length < 2) {
    return undefined;
  }
  let found: string | undefined;
  let looked = 0;
  for (const candidate of candidates) {
    if (looked++ === MAX_CANDIDATES) {
      break;
    }
    if (isSubsequence(short, candidate.toLowerCase())) {
      if (found !== undefined) {
        return undefined;
      }
      found = candidate;
    }
  }
  return found;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) {
    if (short[i] === long[j]) {
      i++;
    }
  }
  return i === short.length;
}

/** "; did you mean `type`?" or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>, wrap = (s: string) => `\`${userText(s)}\``, options: SuggestOptions = {}): string {
  const match = closest(word, candidates, options);
  return match === undefined ? '' : `; did you mean ${wrap(match)}?`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
