/**
 * One-line spoken descriptions of code, so a screen reader never hears code
 * keystroke by keystroke (docs/explanation/accessibility.md, R10). Heuristic and short on purpose: authors
 * who want better words write `summary="..."`.
 */
import { userText } from './user-text.js';
import type { CellType } from './script.js';
import { englishTranslations, type Translations } from './translations.js';

/**
 * How much of a line the patterns look at, and how long one part of a
 * description may be: code can hold a 400 KB line, and the describer must
 * stay quick and short on it.
 */
const LINE_PREFIX = 200;
const PART_LENGTH = 40;

/**
 * What one top-level line of code does, as data: the words are the front
 * end's (the player's presenter words these through its translations). Names
 * are excerpts of the code, already made safe to say (`userText`).
 */
export type CodePart =
  | { kind: 'defines'; name: string }
  | { kind: 'defines-class'; name: string }
  | { kind: 'imports-from'; names: string; module: string }
  | { kind: 'imports'; names: string }
  | { kind: 'loops-over'; over: string }
  | { kind: 'loop' }
  | { kind: 'while-loop' }
  | { kind: 'condition' }
  | { kind: 'try-block' }
  | { kind: 'returns' }
  | { kind: 'prints' }
  | { kind: 'heading'; text: string }
  /** A `# comment` in a code cell. */
  | { kind: 'comment'; text: string }
  /** A cell magic such as `%%bash` on the first line: the rest of the cell is not Python, so it says no more. */
  | { kind: 'cell-magic'; name: string }
  | { kind: 'assigns'; names: string }
  | { kind: 'calls'; name: string };

const name = (text: string): string => userText(text, PART_LENGTH);

// Every pattern is anchored and unambiguous (no two quantifiers can match
// the same characters), so matching is linear in the prefix it reads.
const PATTERNS: Array<[RegExp, (match: RegExpMatchArray) => CodePart]> = [
  [/^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)/, m => ({ kind: 'defines', name: name(m[1]) })],
  [/^\s*class\s+([A-Za-z_]\w*)/, m => ({ kind: 'defines-class', name: name(m[1]) })],
  [/^\s*from\s+([\w.]+)\s+import\s+(\w[\w, ]*)/, m => ({ kind: 'imports-from', names: name(m[2].trim()), module: name(m[1]) })],
  [/^\s*import\s+(\w[\w., ]*)/, m => ({ kind: 'imports', names: name(m[1].trim()) })],
  [/^\s*for\s/, m => loopPart(m.input ?? '')],
  [/^\s*while\s/, () => ({ kind: 'while-loop' })],
  [/^\s*if\s/, () => ({ kind: 'condition' })],
  [/^\s*try\s*:/, () => ({ kind: 'try-block' })],
  [/^\s*return\b/, () => ({ kind: 'returns' })],
  [/^\s*print\(/, () => ({ kind: 'prints' })],
  [/^\s*#+\s+(\S.*)/, m => ({ kind: 'heading', text: name(m[1]) })],
  [/^\s*([A-Za-z_][\w.]*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)[ \t]*[-+*/]?=(?!=)/, m => ({ kind: 'assigns', names: name(m[1]) })],
  [/^\s*([A-Za-z_][\w.]*)\(/, m => ({ kind: 'calls', name: name(m[1]) })]
];

/**
 * `for x in items:` → "loops over items", found with plain searches (a
 * pattern with two lazy groups backtracks on long lines).
 */
function loopPart(line: string): CodePart {
  const inAt = line.search(/\sin\s/);
  const colon = inAt < 0 ? -1 : line.indexOf(':', inAt + 4);
  const over = colon < 0 ? '' : line.slice(inAt + 4, colon).trim();
  return over ? { kind: 'loops-over', over: name(over) } : { kind: 'loop' };
}

/**
 * What a block of code does, at most three parts, one per top-level line
 * that says something. `cellType` says what `#` starts: a heading in a
 * markdown cell, a comment in a code cell; unknown, a heading.
 */
export function describeCodeParts(code: string, cellType?: CellType): CodePart[] {
  const magic = /^%%([A-Za-z_][\w-]*)/.exec(code.slice(0, LINE_PREFIX));
  if (magic && cellType !== 'markdown') {
    return [{ kind: 'cell-magic', name: name(`%%${magic[1]}`) }];
  }
  const parts: CodePart[] = [];
  const seen = new Set<string>();
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
        const found = describe(match);
        const part: CodePart = found.kind === 'heading' && cellType === 'code' ? { kind: 'comment', text: found.text } : found;
        const key = JSON.stringify(part);
        if (!seen.has(key)) {
          seen.add(key);
          parts.push(part);
        }
        break;
      }
    }
  }
  return parts;
}

/**
 * What a block of code does, in a few English words: "defines mean, prints".
 * In English, for the transcript; the presenter words the same parts
 * (`wordCodeParts`) through the learner's translation bundle.
 */
export function describeCode(code: string, cellType?: CellType): string {
  return wordCodeParts(describeCodeParts(code, cellType));
}

/** "defines mean, prints": the parts of a code description in words, through `trans` (English by default). */
export function wordCodeParts(parts: readonly CodePart[], trans: Translations = englishTranslations): string {
  return parts.map(part => wordCodePart(part, trans)).join(trans._p('between the parts of a description of code', ', '));
}

function wordCodePart(part: CodePart, trans: Translations): string {
  switch (part.kind) {
    case 'defines':
      return trans._p('code description', 'defines %1', part.name);
    case 'defines-class':
      return trans._p('code description', 'defines class %1', part.name);
    case 'imports-from':
      return trans._p('code description', 'imports %1 from %2', part.names, part.module);
    case 'imports':
      return trans._p('code description', 'imports %1', part.names);
    case 'loops-over':
      return trans._p('code description', 'loops over %1', part.over);
    case 'loop':
      return trans._p('code description', 'a loop');
    case 'while-loop':
      return trans._p('code description', 'a while loop');
    case 'condition':
      return trans._p('code description', 'a condition');
    case 'try-block':
      return trans._p('code description', 'a try block');
    case 'returns':
      return trans._p('code description', 'returns a value');
    case 'prints':
      return trans._p('code description', 'prints');
    case 'heading':
      return trans._p('code description', 'heading %1', part.text);
    case 'comment':
      return trans._p('code description', 'comment %1', part.text);
    case 'cell-magic':
      return trans._p('code description', 'cell magic %1', part.name);
    case 'assigns':
      return trans._p('code description', 'assigns %1', part.names);
    case 'calls':
      return trans._p('code description', 'calls %1', part.name);
  }
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
