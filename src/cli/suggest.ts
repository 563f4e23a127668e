import { didYouMean } from '../format/index.js';

/**
 * "; did you mean `notebook`?" for a name typed on the command line: a typo
 * or a shortening (`nbook`) of one of the candidates, otherwise "".
 */
export function suggestName(word: string, candidates: readonly string[]): string {
  return didYouMean(word, candidates, undefined, { abbreviations: true });
}
