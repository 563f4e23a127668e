/**
 * Below this length, a piece is found with the engine's own `indexOf`: its
 * worst case (the piece's length times the text's) stays small.
 */
const NATIVE_SEARCH_MAX = 64;

/**
 * Where `piece` first occurs in `text` at or after `from`, or -1: in time
 * linear in both, whatever they hold. `String.prototype.indexOf` is not: for
 * `a…ab a…a` in a million `a`s it compares character by character at every
 * place, and the author's expected text and the kernel's output are both
 * anyone's to choose. Knuth–Morris–Pratt for the long pieces.
 */
export function indexOfLinear(text: string, piece: string, from = 0): number {
  if (piece.length <= NATIVE_SEARCH_MAX) {
    return text.indexOf(piece, from);
  }
  // failure[i]: the length of the longest proper border of piece[0..i].
  const failure = new Int32Array(piece.length);
  for (let i = 1, k = 0; i < piece.length; i++) {
    while (k > 0 && piece.charCodeAt(i) !== piece.charCodeAt(k)) {
      k = failure[k - 1];
    }
    if (piece.charCodeAt(i) === piece.charCodeAt(k)) {
      k++;
    }
    failure[i] = k;
  }
  for (let i = Math.max(0, from), k = 0; i < text.length; i++) {
    while (k > 0 && text.charCodeAt(i) !== piece.charCodeAt(k)) {
      k = failure[k - 1];
    }
    if (text.charCodeAt(i) === piece.charCodeAt(k)) {
      k++;
    }
    if (k === piece.length) {
      return i - piece.length + 1;
    }
  }
  return -1;
}
