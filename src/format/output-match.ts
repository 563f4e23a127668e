import type { OutputMatch } from './script.js';
import { indexOfLinear } from './text-search.js';
import { compilePattern } from './regex-pattern.js';

/**
 * Output as it is compared: Windows line ends as `\n`, no whitespace at the
 * end of a line, no blank lines at the end. Where the kernel printed
 * `print(x, end=' ')` or an author's editor kept a trailing space, the text
 * still reads the same, so it compares the same.
 */
export function normalizeOutput(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(line => line.trimEnd());
  // Not `.replace(/\n+$/, '')`: a backtracking engine tries that at each line end of a run, in time the square of its length.
  let end = lines.length;
  while (end > 0 && lines[end - 1] === '') {
    end--;
  }
  return lines.slice(0, end).join('\n');
}

/** The wildcard of `match=ellipsis`: any text, including none and line ends. */
export const ELLIPSIS = '...';

/**
 * Whether `actual` (what the kernel printed) is what `expected` asks for in
 * `mode`. Both are normalised first. A `regex` that does not compile matches
 * nothing (validation reports it before a script runs: `outputMatchProblem`).
 */
export function outputMatches(expected: string, actual: string, mode: OutputMatch = 'exact'): boolean {
  const want = normalizeOutput(expected);
  const got = normalizeOutput(actual);
  switch (mode) {
    case 'exact':
      return want === got;
    case 'contains':
      return indexOfLinear(got, want) >= 0;
    case 'regex': {
      const pattern = compilePattern(want);
      return typeof pattern !== 'string' && pattern.test(got);
    }
    case 'ellipsis':
      return ellipsisMatches(want, got);
  }
}

/**
 * Why `expected` cannot be used with `mode`, or undefined: only a `regex`
 * can be wrong, by not being one RE2 accepts. The reason is whole and safe to
 * print (the author's text in it is escaped and shortened): validation and the
 * compiler show it as it is.
 */
export function outputMatchProblem(expected: string, mode: OutputMatch): string | undefined {
  if (mode !== 'regex') {
    return undefined;
  }
  const pattern = compilePattern(normalizeOutput(expected));
  return typeof pattern === 'string' ? pattern : undefined;
}

/**
 * doctest's ELLIPSIS: the pieces between `...` appear in order, the first at
 * the start and the last at the end. Greedy from both ends, then each middle
 * piece at its first place: if any placement works, this one does.
 */
function ellipsisMatches(expected: string, actual: string): boolean {
  const pieces = expected.split(ELLIPSIS);
  if (pieces.length === 1) {
    return expected === actual;
  }
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (first.length + last.length > actual.length || !actual.startsWith(first) || !actual.endsWith(last)) {
    return false;
  }
  let from = first.length;
  const end = actual.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const at = indexOfLinear(actual, piece, from);
    if (at < 0 || at + piece.length > end) {
      return false;
    }
    from = at + piece.length;
  }
  return true;
}
