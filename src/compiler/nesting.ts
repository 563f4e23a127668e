import { MAX_INLINE_MARKS, MAX_NESTING, MAX_PARAGRAPH_CHARS } from './markdown-limits.js';

/** Where the tutorial nests deeper than the compiler allows, and what to do. */
export interface TooDeep {
  reason: string;
  ruleId: 'too-deep' | 'too-many-marks' | 'too-long-paragraph';
  line: number;
  column: number;
}

/**
 * Find nesting the Markdown parser would take too long over (or that would
 * make a tree too deep to walk), before handing the text to it: one pass
 * over the lines, looking only at each line's start.
 *
 * The depth of a line is estimated from its prefix: every `>` and list
 * marker is a level, and so is every two columns of indentation before them,
 * because a nested list item is indented at least two columns past its
 * parent's. Directive containers (`:::name` … `:::`) do not indent, so they
 * are counted with a stack of open fences. The estimate can only be too
 * high, never too low, and fenced code is skipped so deeply indented code is
 * never mistaken for nesting.
 */
export function findTooDeep(text: string): TooDeep | undefined {
  /** Fence lengths of the directive containers open at this line, outermost first. */
  const containers: number[] = [];
  let fence: { marker: string; length: number } | undefined;
  let marks = 0;
  /** Where the paragraph this line continues began, if it does. */
  let paragraph: { offset: number; line: number } | undefined;
  let line = 0;
  for (let start = 0; start <= text.length;) {
    line++;
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const prefix = readPrefix(text, start, end);
    const contentAt = prefix.end;
    if (fence) {
      // Inside fenced code only markers count: code is often indented deeply,
      // but a code line rarely starts with dozens of `>` or `-`.
      if (isClosingFence(text, skipSpace(text, contentAt, end), end, fence)) {
        fence = undefined;
      } else if (prefix.quotes + prefix.markers > MAX_NESTING) {
        return tooDeep(line, prefix.deepAt - start + 1);
      }
    } else {
      const depth = containers.length + prefix.quotes + prefix.markers + Math.floor(prefix.indent / 2);
      if (depth > MAX_NESTING) {
        return tooDeep(line, prefix.deepAt - start + 1);
      }
      const content = skipSpace(text, contentAt, end);
      const opened = openingFence(text, content, end);
      if (opened) {
        fence = opened;
        marks = 0;
        paragraph = undefined;
      } else if (content === end) {
        marks = 0;
        paragraph = undefined;
      } else {
        if (text.charCodeAt(content) === COLON) {
          const openedContainer = trackContainers(containers, text, content, end);
          if (openedContainer && containers.length + prefix.quotes + prefix.markers > MAX_NESTING) {
            return tooDeep(line, content - start + 1);
          }
        }
        if (startsOwnParagraph(text, content, end, prefix)) {
          marks = 0;
          paragraph = undefined;
        }
        paragraph ??= { offset: start, line };
        if (end - paragraph.offset > MAX_PARAGRAPH_CHARS) {
          return {
            ruleId: 'too-long-paragraph',
            reason: `Unexpected paragraph of more than ${MAX_PARAGRAPH_CHARS / 1024} K characters (from line ${paragraph.line} to ${line}), expected less: split it with blank lines`,
            line: paragraph.line,
            column: 1
          };
        }
        // A line that is not a directive continues the paragraph before it, so colon lines count too.
        const counted = countMarks(text, content, end, MAX_INLINE_MARKS - marks);
        if (counted.overAt >= 0) {
          return {
            ruleId: 'too-many-marks',
            reason: `Unexpected paragraph with more than ${MAX_INLINE_MARKS} emphasis and link marks (\`*\`, \`_\`, \`[\`, \`]\`), expected fewer: split it with blank lines, or put code in a fenced block`,
            line,
            column: counted.overAt - start + 1
          };
        }
        marks += counted.count;
      }
    }
    if (newline < 0) {
      break;
    }
    start = newline + 1;
  }
  return undefined;
}

function tooDeep(line: number, column: number): TooDeep {
  return {
    ruleId: 'too-deep',
    reason: `Unexpected nesting deeper than ${MAX_NESTING} levels (quotes, lists and directive containers inside each other), expected at most ${MAX_NESTING}: flatten the structure, or close containers with \`:::\``,
    line,
    column
  };
}

const COLON = 0x3a;
const SPACE = 0x20;
const TAB = 0x09;

interface Prefix {
  /** Where the line's content starts, after its container markers. */
  end: number;
  quotes: number;
  markers: number;
  /** Columns of indentation, not counting the one space that follows a marker. */
  indent: number;
  /** Where the estimate went past the limit (or the content start). */
  deepAt: number;
  /** Columns of indentation before the first marker. */
  leading: number;
  /** The first list marker is a bullet or `1.`, which may interrupt a paragraph. */
  firstMarkerInterrupts: boolean;
}

/** The `>` markers, list markers and indentation that start a line. */
function readPrefix(text: string, start: number, end: number): Prefix {
  let quotes = 0;
  let markers = 0;
  let indent = 0;
  let column = 0;
  let afterMarker = false;
  let i = start;
  let deepAt = -1;
  let leading = -1;
  let firstMarkerInterrupts = false;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === SPACE || code === TAB) {
      const width = code === TAB ? 4 - (column % 4) : 1;
      if (!(afterMarker && code === SPACE)) {
        indent += width;
      }
      afterMarker = false;
      column += width;
      i++;
    } else if (code === 0x3e /* > */) {
      if (markers === 0 && quotes === 0) {
        leading = column;
      }
      quotes++;
      afterMarker = true;
      column++;
      i++;
    } else {
      const width = listMarkerWidth(text, i, end);
      if (width === 0) {
        break;
      }
      if (markers === 0 && quotes === 0) {
        leading = column;
        firstMarkerInterrupts = width === 1 || (width === 2 && text.charCodeAt(i) === 0x31);
      }
      markers++;
      afterMarker = true;
      column += width;
      i += width;
    }
    if (deepAt < 0 && quotes + markers + Math.floor(indent / 2) > MAX_NESTING) {
      deepAt = i - 1;
    }
  }
  return {
    end: i,
    quotes,
    markers,
    indent,
    deepAt: deepAt < 0 ? i : deepAt,
    leading: leading < 0 ? column : leading,
    firstMarkerInterrupts
  };
}

/** The width of a list marker (`-`, `+`, `*`, `1.`, `1)`) followed by a space or the line end, or 0. */
function listMarkerWidth(text: string, at: number, end: number): number {
  const code = text.charCodeAt(at);
  let width = 0;
  if (code === 0x2d || code === 0x2b || code === 0x2a) {
    width = 1;
  } else {
    const digits = runWhile(text, at, end, c => c >= 0x30 && c <= 0x39);
    if (digits >= 1 && digits <= 9) {
      const after = text.charCodeAt(at + digits);
      if (after === 0x2e || after === 0x29) {
        width = digits + 1;
      }
    }
  }
  if (width === 0) {
    return 0;
  }
  const next = at + width;
  return next === end || text.charCodeAt(next) === SPACE || text.charCodeAt(next) === TAB ? width : 0;
}

/**
 * Whether a line always starts a new paragraph rather than continuing one:
 * a heading or a bullet or `1.` list item (other numbers do not interrupt a
 * paragraph, so they may be its next line).
 */
function startsOwnParagraph(text: string, content: number, end: number, prefix: Prefix): boolean {
  if (prefix.leading > 3) {
    return false;
  }
  if (prefix.markers > 0) {
    return prefix.firstMarkerInterrupts && content < end;
  }
  const code = text.charCodeAt(content);
  if (code === 0x23 /* # */) {
    const hashes = runLength(text, content, end, 0x23);
    const after = text.charCodeAt(content + hashes);
    return hashes <= 6 && (content + hashes === end || after === SPACE || after === TAB);
  }
  return false;
}

/**
 * Follow a line that starts with `:::`: an opening fence pushes a container,
 * a bare closing fence closes the outermost container it is long enough for
 * (and all inside it). True when a container was opened.
 */
function trackContainers(containers: number[], text: string, content: number, end: number): boolean {
  const colons = runLength(text, content, end, COLON);
  if (colons < 3) {
    return false;
  }
  if (skipSpace(text, content + colons, end) === end) {
    const closes = containers.findIndex(length => length <= colons);
    if (closes >= 0) {
      containers.length = closes;
    }
    return false;
  }
  containers.push(colons);
  return true;
}

/** The emphasis and link marks in text[from, end), and the index of the one past `budget` (or -1). */
function countMarks(text: string, from: number, end: number, budget: number): { count: number; overAt: number } {
  let count = 0;
  for (let i = from; i < end; i++) {
    const code = text.charCodeAt(i);
    // Every character counts, not every run: a run of a thousand `*` nests a thousand deep.
    if (code === 0x2a || code === 0x5f || code === 0x5b || code === 0x5d) {
      count++;
      if (count > budget) {
        return { count, overAt: i };
      }
    }
  }
  return { count, overAt: -1 };
}

function openingFence(text: string, at: number, end: number): { marker: string; length: number } | undefined {
  const code = text.charCodeAt(at);
  if (code !== 0x60 && code !== 0x7e) {
    return undefined;
  }
  const length = runLength(text, at, end, code);
  if (length < 3) {
    return undefined;
  }
  // A backtick fence's info string cannot hold a backtick (it would be inline code).
  if (code === 0x60 && text.slice(at + length, end).includes('`')) {
    return undefined;
  }
  return { marker: text[at], length };
}

function isClosingFence(text: string, at: number, end: number, fence: { marker: string; length: number }): boolean {
  const length = runLength(text, at, end, fence.marker.charCodeAt(0));
  return length >= fence.length && skipSpace(text, at + length, end) === end;
}

function skipSpace(text: string, at: number, end: number): number {
  return at + runWhile(text, at, end, c => c === SPACE || c === TAB);
}

function runLength(text: string, at: number, end: number, code: number): number {
  return runWhile(text, at, end, c => c === code);
}

function runWhile(text: string, at: number, end: number, test: (code: number) => boolean): number {
  let i = at;
  while (i < end && test(text.charCodeAt(i))) {
    i++;
  }
  return i - at;
}
