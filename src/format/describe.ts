/**
 * One-line spoken descriptions of code, so a screen reader never hears code
 * keystroke by keystroke (A11Y R10). Heuristic and short on purpose: authors
 * who want better words write `summary="..."`.
 */

const PATTERNS: Array<[RegExp, (match: RegExpMatchArray) => string]> = [
  [/^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)/, m => `defines ${m[1]}`],
  [/^\s*class\s+([A-Za-z_]\w*)/, m => `defines class ${m[1]}`],
  [/^\s*from\s+([\w.]+)\s+import\s+([\w, ]+)/, m => `imports ${m[2].trim()} from ${m[1]}`],
  [/^\s*import\s+([\w., ]+)/, m => `imports ${m[1].trim()}`],
  [/^\s*for\s+(.+?)\s+in\s+(.+?):/, m => `loops over ${m[2]}`],
  [/^\s*while\s/, () => 'a while loop'],
  [/^\s*if\s/, () => 'a condition'],
  [/^\s*try\s*:/, () => 'a try block'],
  [/^\s*return\b/, () => 'returns a value'],
  [/^\s*print\(/, () => 'prints'],
  [/^\s*#+\s+(.+)/, m => `heading ${m[1]}`],
  [/^\s*([A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_]\w*)*)\s*(?:[-+*/]?=)(?!=)/, m => `assigns ${m[1]}`],
  [/^\s*([A-Za-z_][\w.]*)\(/, m => `calls ${m[1]}`]
];

/** What a block of code does, in a few words: "defines mean, prints". */
export function describeCode(code: string): string {
  const parts: string[] = [];
  for (const line of code.split('\n')) {
    // Only top-level lines speak for the block; bodies are details.
    if (/^\s/.test(line) && parts.length > 0) {
      continue;
    }
    for (const [pattern, describe] of PATTERNS) {
      const match = line.match(pattern);
      if (match) {
        const part = describe(match);
        if (!parts.includes(part)) {
          parts.push(part);
        }
        break;
      }
    }
    if (parts.length === 3) {
      break;
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
