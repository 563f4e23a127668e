/**
 * "; did you mean `notebook`?" when `word` looks like a typo of one of the
 * candidates or an abbreviation of it, otherwise "".
 *
 * Closeness is the compiler's test (src/compiler/suggest.ts, not exported
 * from src/compiler): an edit distance of at most max(2, half the word).
 * Names typed on a command line are also often shortened (`nbook`), so a
 * word whose letters all appear in order in exactly one name suggests it.
 */
export function didYouMean(word: string, candidates: readonly string[], wrap = (s: string) => `\`${s}\``): string {
  const match = closestName(word, candidates);
  return match === undefined ? '' : `; did you mean ${wrap(match)}?`;
}

function closestName(word: string, candidates: readonly string[]): string | undefined {
  // Very long words are no typo of a short name, and edit distance is quadratic.
  if (word.length === 0 || word.length > 64) {
    return undefined;
  }
  const typed = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 2))) {
    return best;
  }
  const abbreviated = typed.length >= 2 ? candidates.filter(candidate => isSubsequence(typed, candidate.toLowerCase())) : [];
  return abbreviated.length === 1 ? abbreviated[0] : undefined;
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
