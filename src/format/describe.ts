/**
 * One-line spoken descriptions of code, so a screen reader never hears code
 * keystroke by keystroke (A11Y R10). Heuristic and short on purpose: authors
 * who want better words write `summary="..."`.
 */
import { userText } from './user-text.js';

/**
 * How much of a line the patterns look at, and how long one part of a
 * description may be: code can hold a 400 KB line, and the describer must
 * stay quick and short on it.
 */
const LINE_PREFIX = 200;
const PART_LENGTH = 40;

// Every pattern is anchored and unambiguous (no two quantifiers can match
// the same characters), so matching is linear in the prefix it reads.
const PATTERNS: Array<[RegExp, (match: RegExpMatchArray) => string]> = [
  [/^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)/, m => `defines ${m[1]}`],
  [/^\s*class\s+([A-Za-z_]\w*)/, m => `defines class ${m[1]}`],
  [/^\s*from\s+([\w.]+)\s+import\s+(\w[\w, ]*)/, m => `imports ${m[2].trim()} from ${m[1]}`],
  [/^\s*import\s+(\w[\w., ]*)/, m => `imports ${m[1].trim()}`],
  [/^\s*for\s/, m => loopDescription(m.input ?? '')],
  [/^\s*while\s/, () => 'a while loop'],
  [/^\s*if\s/, () => 'a condition'],
  [/^\s*try\s*:/, () => 'a try block'],
  [/^\s*return\b/, () => 'returns a value'],
  [/^\s*print\(/, () => 'prints'],
  [/^\s*#+\s+(\S.*)/, m => `heading ${m[1]}`],
  [/^\s*([A-Za-z_][\w.]*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)[ \t]*[-+*/]?=(?!=)/, m => `assigns ${m[1]}`],
  [/^\s*([A-Za-z_][\w.]*)\(/, m => `calls ${m[1]}`]
];

/**
 * `for x in items:` → "loops over items", found with plain searches (a
 * pattern with two lazy groups backtracks on long lines).
 */
function loopDescription(line: string): string {
  const inAt = line.search(/\sin\s/);
  const colon = inAt < 0 ? -1 : line.indexOf(':', inAt + 4);
  const over = colon < 0 ? '' : line.slice(inAt + 4, colon).trim();
  return over ? `loops over ${over}` : 'a loop';
}

/** What a block of code does, in a few words: "defines mean, prints". */
export function describeCode(code: string): string {
  const parts: string[] = [];
  let start = 0;
  while (start <= code.length && parts.length < 3) {
    const newline = code.indexOf('\n', start);
    const end = newline < 0 ? code.length : newline;
    const line = code.slice(start, Math.min(end, start + LINE_PREFIX));
    start = end + 1;
    // Only top-level lines speak for the block; bodies are details.
    if (/^\s/.test(line) && parts.length > 0) {
      continue;
    }
    for (const [pattern, describe] of PATTERNS) {
      const match = line.match(pattern);
      if (match) {
        const part = userText(describe(match), PART_LENGTH);
        if (!parts.includes(part)) {
          parts.push(part);
        }
        break;
      }
    }
  }
  return parts.join(', ');
}

/**
 * How many lines of code a text holds. The line breaks that only join it to
 * what is already in a cell (a leading newline when appending, a trailing
 * one when inserting at the start) open no line of their own.
 */
export function countLines(text: string): number {
  const code = text.replace(/^\n/, '').replace(/\n$/, '');
  return code.length === 0 ? 0 : code.split('\n').length;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
