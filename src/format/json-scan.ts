import { userText } from './user-text.js';

/**
 * One iterative pass over JSON text, before anything recursive sees it
 * (`JSON.parse` and the schema validator recurse, and a 100,000-deep array
 * overflows their stack with no position). It checks the strict JSON grammar,
 * refuses nesting deeper than a limit and duplicate keys (which `JSON.parse`
 * silently resolves to the last), and, when asked, finds where given paths
 * are in the text, so problems can be positioned without a syntax tree of the
 * whole file. Time and memory are linear in the text; the keys of the open
 * objects are the only thing kept.
 */

export type JsonProblemRule = 'invalid-json' | 'too-deep' | 'duplicate-key';

export interface JsonProblem {
  rule: JsonProblemRule;
  message: string;
  /** Offset in the text (UTF-16 units) the problem is at. */
  offset: number;
}

/**
 * Paths to find, as a tree (keys and array indices as strings). After a scan,
 * each node found has `offset`: the property name of an object member, or the
 * value of an array element or of the root.
 */
export class PathTree {
  readonly children = new Map<string, PathTree>();
  offset: number | undefined;

  add(path: ReadonlyArray<string | number>): void {
    let children = this.children;
    for (const part of path) {
      const key = String(part);
      let child = children.get(key);
      if (!child) {
        child = new PathTree();
        children.set(key, child);
      }
      children = child.children;
    }
  }

  /** The offset of the deepest part of `path` that was found (the root's when none). */
  deepestOffset(path: ReadonlyArray<string | number>): number {
    let offset = this.offset ?? 0;
    let children = this.children;
    for (const part of path) {
      const node = children.get(String(part));
      if (!node || node.offset === undefined) {
        break;
      }
      offset = node.offset;
      children = node.children;
    }
    return offset;
  }
}

interface Frame {
  object: boolean;
  /** Keys seen so far in this object (a Map-like Set: any string is a safe key). */
  keys: Set<string> | undefined;
  /** Elements seen so far in this array. */
  count: number;
  /** Where this value is in the paths being looked for, if it is on one. */
  node: PathTree | undefined;
}

const enum Expect {
  Value,
  ValueOrClose,
  Key,
  KeyOrClose,
  Colon,
  CommaOrClose,
  End
}

const QUOTE = 34;
const BACKSLASH = 92;

/** Check `text` is one strict JSON value at most `maxDepth` arrays/objects deep, with no duplicate keys; fill in `paths`. */
export function scanJson(text: string, maxDepth: number, paths?: PathTree): JsonProblem | undefined {
  const stack: Frame[] = [];
  let expect = Expect.Value;
  // Where the next value sits among the paths looked for.
  let valueNode: PathTree | undefined = paths;
  let i = 0;
  const length = text.length;

  const problem = (rule: JsonProblemRule, message: string, offset: number): JsonProblem => ({ rule, message, offset });
  const unexpected = (at: number, expected: string): JsonProblem =>
    problem('invalid-json', `Unexpected ${describeAt(text, at)}, expected ${expected}`, at);

  while (true) {
    // Whitespace as JSON defines it: space, tab, LF, CR.
    let code = text.charCodeAt(i);
    while (code === 32 || code === 10 || code === 13 || code === 9) {
      code = text.charCodeAt(++i);
    }
    if (i >= length) {
      return expect === Expect.End ? undefined : unexpected(i, expectedText(expect, stack));
    }
    const top = stack[stack.length - 1];
    switch (expect) {
      case Expect.End:
        return unexpected(i, 'the end of the file after the JSON value');
      case Expect.Colon:
        if (code !== 58) {
          return unexpected(i, '":" after the property name');
        }
        i++;
        expect = Expect.Value;
        continue;
      case Expect.CommaOrClose:
        if (code === 44) {
          i++;
          expect = top.object ? Expect.Key : Expect.Value;
          if (!top.object) {
            valueNode = elementNode(top);
          }
          continue;
        }
        if (code === (top.object ? 125 : 93)) {
          i++;
          expect = closeContainer(stack);
          continue;
        }
        return unexpected(i, top.object ? '"," or "}"' : '"," or "]"');
      case Expect.Key:
      case Expect.KeyOrClose: {
        if (code === 125 && expect === Expect.KeyOrClose) {
          i++;
          expect = closeContainer(stack);
          continue;
        }
        if (code !== QUOTE) {
          return unexpected(i, expect === Expect.Key ? 'a property name in double quotes (no "," before "}")' : 'a property name in double quotes or "}"');
        }
        const start = i;
        const end = scanString(text, i);
        if (typeof end !== 'number') {
          return end;
        }
        i = end;
        const key = decodeString(text, start, end);
        const keys = (top.keys ??= new Set());
        if (keys.has(key)) {
          return problem(
            'duplicate-key',
            `Unexpected second key ${quoted(key)} in the same object, expected each key once: remove one of them (JSON keeps only the last)`,
            start
          );
        }
        keys.add(key);
        valueNode = top.node?.children.get(key);
        if (valueNode && valueNode.offset === undefined) {
          valueNode.offset = start;
        }
        expect = Expect.Colon;
        continue;
      }
      case Expect.Value:
      case Expect.ValueOrClose: {
        if (code === 93 && expect === Expect.ValueOrClose) {
          i++;
          expect = closeContainer(stack);
          continue;
        }
        // An array element or the root is found at its value; an object member at its key.
        if ((!top || !top.object) && valueNode && valueNode.offset === undefined) {
          valueNode.offset = i;
        }
        if (code === 123 || code === 91) {
          if (stack.length >= maxDepth) {
            return problem('too-deep', `Unexpected nesting deeper than ${maxDepth} arrays and objects, expected a script (one is about 6 deep)`, i);
          }
          const object = code === 123;
          const frame: Frame = { object, keys: undefined, count: 0, node: valueNode };
          stack.push(frame);
          i++;
          expect = object ? Expect.KeyOrClose : Expect.ValueOrClose;
          valueNode = object ? undefined : elementNode(frame);
          continue;
        }
        let end: number | JsonProblem;
        if (code === QUOTE) {
          end = scanString(text, i);
        } else if (code === 45 || (code >= 48 && code <= 57)) {
          end = scanNumber(text, i);
        } else if (text.startsWith('true', i)) {
          end = i + 4;
        } else if (text.startsWith('false', i)) {
          end = i + 5;
        } else if (text.startsWith('null', i)) {
          end = i + 4;
        } else {
          return unexpected(i, expectedText(expect, stack));
        }
        if (typeof end !== 'number') {
          return end;
        }
        i = end;
        expect = afterValue(stack);
        continue;
      }
    }
  }
}

/** What follows a complete value: "," or a close inside an array or object, the end at the root. */
function afterValue(stack: Frame[]): Expect {
  return stack.length ? Expect.CommaOrClose : Expect.End;
}

/** Close the innermost array or object (its "]" or "}" just read); what follows it. */
function closeContainer(stack: Frame[]): Expect {
  stack.pop();
  return afterValue(stack);
}

/** The path node of the array element about to be read, counting it. */
function elementNode(frame: Frame): PathTree | undefined {
  const index = frame.count++;
  return frame.node?.children.get(String(index));
}

function expectedText(expect: Expect, stack: Frame[]): string {
  switch (expect) {
    case Expect.ValueOrClose:
      return 'a value or "]"';
    case Expect.KeyOrClose:
      return 'a property name in double quotes or "}"';
    case Expect.Key:
      return 'a property name in double quotes';
    case Expect.Colon:
      return '":"';
    case Expect.CommaOrClose:
      return stack[stack.length - 1]?.object ? '"," or "}"' : '"," or "]"';
    case Expect.End:
      return 'the end of the file';
    default:
      return 'a value (an object, array, string, number, true, false or null)';
  }
}

/** The offset just after the string starting at `start` (its opening quote), or why it is not one. */
function scanString(text: string, start: number): number | JsonProblem {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      return i + 1;
    }
    if (code === BACKSLASH) {
      const next = text.charCodeAt(i + 1);
      if (next === 117) {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return {
            rule: 'invalid-json',
            message: `Unexpected escape ${quoted(text.slice(i, i + 6))}, expected \\u and four hexadecimal digits`,
            offset: i
          };
        }
        i += 6;
        continue;
      }
      // " \ / b f n r t
      if (next === QUOTE || next === BACKSLASH || next === 47 || next === 98 || next === 102 || next === 110 || next === 114 || next === 116) {
        i += 2;
        continue;
      }
      return {
        rule: 'invalid-json',
        message: `Unexpected escape ${quoted(text.slice(i, i + 2))}, expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`,
        offset: i
      };
    }
    if (code < 0x20) {
      return {
        rule: 'invalid-json',
        message:
          code === 10 || code === 13
            ? 'Unexpected line break in a string, expected the closing " first (write a line break in a string as \\n)'
            : `Unexpected control character U+${code.toString(16).padStart(4, '0').toUpperCase()} in a string, expected it escaped as \\u${code.toString(16).padStart(4, '0')}`,
        offset: i
      };
    }
    i++;
  }
  return { rule: 'invalid-json', message: 'Unexpected end of file in a string, expected the closing " of the string that starts here', offset: start };
}

/** The offset just after the number at `start` (JSON's grammar: no leading zeros, no `+`, digits after `.` and `e`). */
function scanNumber(text: string, start: number): number | JsonProblem {
  let i = start;
  if (text.charCodeAt(i) === 45) {
    i++;
  }
  const digits = (): boolean => {
    const from = i;
    while (isDigit(text.charCodeAt(i))) {
      i++;
    }
    return i > from;
  };
  const fail = (expected: string): JsonProblem => ({
    rule: 'invalid-json',
    message: `Unexpected ${describeAt(text, i)} in a number, expected ${expected}`,
    offset: i
  });
  if (text.charCodeAt(i) === 48) {
    i++;
  } else if (!digits()) {
    return fail('a digit');
  }
  if (text.charCodeAt(i) === 46) {
    i++;
    if (!digits()) {
      return fail('a digit after "."');
    }
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 43 || sign === 45) {
      i++;
    }
    if (!digits()) {
      return fail('a digit in the exponent');
    }
  }
  if (isDigit(text.charCodeAt(i))) {
    return fail('no digits after a leading 0');
  }
  return i;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The value of a scanned string token. */
function decodeString(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  return inner.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : inner;
}

/** `end of file`, or the character at an offset, quoted safely. */
function describeAt(text: string, offset: number): string {
  if (offset >= text.length) {
    return 'end of file';
  }
  const code = text.codePointAt(offset) ?? 0;
  return `character ${quoted(String.fromCodePoint(code))}`;
}

function quoted(text: string): string {
  return `"${userText(text)}"`;
}
