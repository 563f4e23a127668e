import { userText } from '../format/index.js';

/** What is wrong with a line that starts like a directive, and where on the line (0-based). */
export interface DirectiveSyntaxProblem {
  reason: string;
  at: number;
}

const QUOTE_HELP = 'to put a quote inside a value, quote it with the other kind (`find=\'say "hi"\'`) or write `&quot;` for `"` and `&#39;` for `\'`';

/**
 * Why a line starting with `::` is not a directive, following the rules of
 * the directive syntax (micromark-extension-directive): colons, a name right
 * after them, an optional `[label]`, optional `{attributes}` right after
 * that, and nothing else on the line. Returns undefined when the line is a
 * well-formed directive (it is then wrong only by where it stands).
 */
export function diagnoseDirectiveLine(line: string): DirectiveSyntaxProblem | undefined {
  let i = 0;
  while (line[i] === ':') {
    i++;
  }
  // Shown in messages: a fence of hundreds of colons is not worth repeating.
  const marker = i <= 8 ? line.slice(0, i) : `${line.slice(0, 8)}…`;
  const form = i >= 3 ? 'container' : 'leaf';
  if (i >= line.length || /\s/.test(line[i])) {
    const rest = line.slice(i).trim();
    const example = form === 'container' ? ':::say' : '::run';
    return {
      reason: rest
        ? `Unexpected space after \`${marker}\`, expected the directive name right after the colons: write \`${marker}${userText(rest.split(/\s/)[0])}\``
        : `Unexpected \`${marker}\` with no directive name, expected a name right after the colons such as \`${example}\``,
      at: i
    };
  }
  const nameStart = i;
  if (isPunctuation(line[i])) {
    return {
      reason: `Unexpected \`${userText(charAt(line, i))}\` after \`${marker}\`, expected a directive name (letters and digits) right after the colons`,
      at: i
    };
  }
  while (i < line.length && !/\s/.test(line[i]) && (!isPunctuation(line[i]) || line[i] === '-' || line[i] === '_')) {
    i++;
  }
  const name = line.slice(nameStart, i);
  if (name.endsWith('-') || name.endsWith('_')) {
    return {
      reason: `Unexpected \`${name.slice(-1)}\` at the end of the directive name \`${userText(name)}\`, expected a name that ends with a letter or digit`,
      at: i - 1
    };
  }
  const written = `${marker}${userText(name)}`;
  if (line[i] === '[') {
    const close = matchingBracket(line, i);
    if (close < 0) {
      return { reason: `Missing \`]\` after the label of \`${written}\`: close the \`[\` on the same line`, at: i };
    }
    i = close + 1;
  }
  if (/^[ \t]+\{/.test(line.slice(i))) {
    return {
      reason: `Unexpected space before \`{\` in \`${written} {…}\`, expected the attributes right after the name: write \`${written}{…}\``,
      at: i
    };
  }
  if (line[i] === '{') {
    const problem = diagnoseAttributes(line, i, written);
    if (typeof problem !== 'number') {
      return problem;
    }
    i = problem;
  }
  const rest = line.slice(i).trim();
  if (rest) {
    const at = i + (line.slice(i).length - line.slice(i).trimStart().length);
    if (line[i] !== ' ' && line[i] !== '\t') {
      return {
        reason: `Unexpected \`${userText(charAt(line, i))}\` after \`${written}\`, expected \`{\` for attributes or the end of the line`,
        at: i
      };
    }
    return {
      reason: `Unexpected text \`${userText(rest)}\` after \`${written}\`, expected the end of the line: a directive stands alone on its line, so move the text to a line of its own`,
      at
    };
  }
  return undefined;
}

/**
 * Check `{…}` starting at `open`; the index after the `}` when it is fine,
 * or what is wrong.
 */
function diagnoseAttributes(line: string, open: number, written: string): number | DirectiveSyntaxProblem {
  let i = open + 1;
  for (;;) {
    i = skipBlanks(line, i);
    if (i >= line.length) {
      return { reason: `Missing \`}\` at the end of the attributes of \`${written}\`: close them on the same line`, at: i };
    }
    const char = line[i];
    if (char === '}') {
      return i + 1;
    }
    if (char === '#' || char === '.') {
      const start = i++;
      while (i < line.length && !/[\s"'#.<=>`}]/.test(line[i])) {
        i++;
      }
      if (i === start + 1 || /["'<=>`]/.test(line[i] ?? '')) {
        return { reason: `Unexpected \`${userText(charAt(line, i))}\` in the attributes of \`${written}\`, expected \`name=value\``, at: i };
      }
      continue;
    }
    if (isPunctuation(char) && char !== '-' && char !== '_') {
      return {
        reason: `Unexpected \`${userText(charAt(line, i))}\` in the attributes of \`${written}\`, expected \`name=value\` pairs separated by spaces`,
        at: i
      };
    }
    const nameStart = i;
    while (i < line.length && !/\s/.test(line[i]) && (!isPunctuation(line[i]) || '-._:'.includes(line[i]))) {
      i++;
    }
    if (i === nameStart) {
      // Space that is not a space or a tab (a no-break space, say) separates nothing here.
      return {
        reason: `Unexpected \`${userText(charAt(line, i))}\` (U+${line.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}) in the attributes of \`${written}\`, expected \`name=value\` pairs separated by plain spaces`,
        at: i
      };
    }
    const key = line.slice(nameStart, i);
    i = skipBlanks(line, i);
    if (line[i] !== '=') {
      continue;
    }
    i++;
    i = skipBlanks(line, i);
    const quote = line[i];
    if (quote === '"' || quote === "'") {
      const close = line.indexOf(quote, i + 1);
      if (close < 0) {
        return {
          reason: `Missing closing \`${quote}\` for \`${userText(key)}\` on \`${written}\`: end the value with \`${quote}\` on the same line`,
          at: i
        };
      }
      i = close + 1;
      if (i < line.length && line[i] !== '}' && line[i] !== ' ' && line[i] !== '\t') {
        const escaped = line[close - 1] === '\\';
        return {
          reason: `Unexpected \`${userText(charAt(line, i))}\` after the closing \`${quote}\` of \`${userText(key)}\` on \`${written}\`${escaped ? `: a backslash does not escape a quote here` : ', expected a space or `}`'}; ${QUOTE_HELP}`,
          at: i
        };
      }
      continue;
    }
    if (i >= line.length || /[<=>`}]/.test(quote)) {
      return {
        reason: `Missing value after \`${userText(key)}=\` on \`${written}\`: write \`${userText(key)}=VALUE\``,
        at: i
      };
    }
    const valueStart = i;
    while (i < line.length && !/[\s}]/.test(line[i])) {
      if (/["'<=>`]/.test(line[i])) {
        return {
          reason: `Unexpected \`${userText(charAt(line, i))}\` in the value of \`${userText(key)}\` on \`${written}\`: put the value in quotes, such as \`${userText(key)}="${userText(line.slice(valueStart, i))}…"\`; ${QUOTE_HELP}`,
          at: i
        };
      }
      i++;
    }
  }
}

/** The `]` that closes the `[` at `open` (brackets nest), or -1. */
function matchingBracket(line: string, open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
    } else if (line[i] === '[') {
      depth++;
    } else if (line[i] === ']' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/** The character at `i`, whole even when it is half of a surrogate pair. */
/** The first index from `i` that is not a space or a tab: the only blanks between attributes. */
function skipBlanks(line: string, i: number): number {
  while (line[i] === ' ' || line[i] === '\t') {
    i++;
  }
  return i;
}

function charAt(line: string, i: number): string {
  return String.fromCodePoint(line.codePointAt(i) ?? 0x20);
}

function isPunctuation(char: string): boolean {
  return /[\p{P}\p{S}]/u.test(char);
}

/** Where one attribute is written on a directive's line: 0-based, from its name to the end of its value. */
export interface AttributeSpan {
  start: number;
  end: number;
  /** Whether the value is in quotes (then it cannot have spilled into the words after it). */
  quoted: boolean;
  /** For a name written more than once: where it is written first and second (the parser keeps only the last). */
  repeated?: { first: { start: number; end: number }; second: { start: number; end: number } };
}

/**
 * Where each attribute is written on the first line of a directive that
 * parsed: the parser keeps the values but not their places, and a message
 * about `speed=fast` belongs at `speed`, not at the colons. `#x` is `id` and
 * `.x` is `class`, as the parser reads them; a name written twice is at its
 * last place, whose value the parser keeps, and says where its first two are
 * (`.x .y` is not repeated: the parser joins classes).
 */
export function attributeSpans(line: string): Map<string, AttributeSpan> {
  const spans = new Map<string, AttributeSpan>();
  let i = 0;
  while (line[i] === ':') {
    i++;
  }
  while (i < line.length && line[i] !== '[' && line[i] !== '{' && !/\s/.test(line[i])) {
    i++;
  }
  if (line[i] === '[') {
    const close = matchingBracket(line, i);
    i = close < 0 ? line.length : close + 1;
  }
  if (line[i] !== '{') {
    return spans;
  }
  i++;
  while (i < line.length && line[i] !== '}') {
    if (line[i] === ' ' || line[i] === '\t') {
      i++;
      continue;
    }
    const start = i;
    if (line[i] === '#' || line[i] === '.') {
      i++;
      while (i < line.length && !/[\s"'#.<=>`}]/.test(line[i])) {
        i++;
      }
      spans.set(line[start] === '#' ? 'id' : 'class', { start, end: i, quoted: false });
      continue;
    }
    while (i < line.length && !/[\s=}]/.test(line[i])) {
      i++;
    }
    const key = line.slice(start, i);
    let end = i;
    let quoted = false;
    let j = i;
    j = skipBlanks(line, j);
    if (line[j] === '=') {
      j++;
      j = skipBlanks(line, j);
      const quote = line[j];
      if (quote === '"' || quote === "'") {
        const close = line.indexOf(quote, j + 1);
        j = close < 0 ? line.length : close + 1;
        quoted = true;
      } else {
        while (j < line.length && !/[\s}]/.test(line[j])) {
          j++;
        }
      }
      end = j;
      i = j;
    }
    if (key) {
      const before = spans.get(key);
      const repeated = before && (before.repeated ?? { first: { start: before.start, end: before.end }, second: { start, end } });
      spans.set(key, { start, end, quoted, ...(repeated ? { repeated } : {}) });
    } else {
      i++;
    }
  }
  return spans;
}
