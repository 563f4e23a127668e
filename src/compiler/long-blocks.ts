import type { Nodes, Parent, Root } from 'mdast';
import type { ParseText } from './sections.js';
import { shift } from './sections.js';

type Point = NonNullable<Root['position']>['start'];

/**
 * Parsing text with long fenced code blocks and long directive containers
 * without handing their bodies to the parser whole. The parser keeps several
 * tokens per line while it runs (well over a hundred bytes for each byte of a
 * long block), yet all the tree keeps of a fenced block is its text, and a
 * container's body is a document of its own. So a long body is replaced by
 * one placeholder line and the shorter text is parsed; then a fence gets its
 * body back as its value, and a container the tree of its body, parsed apart
 * by `parseBody` (a section at a time, with this same elision inside), while
 * every position after it moves to where it is in the real text.
 *
 * Only blocks whose lines start at column 1 are elided: then nothing is
 * stripped from their lines (no indentation, no quote or list prefix: a line
 * at column 1 closes every quote and list, and directive containers add no
 * prefix). A fence's value is then exactly the text between its fences, and
 * a container's body is parsed as a document, which is how the directive
 * syntax parses it (`chunkDocument`). The line scan only guesses what the
 * parser will see, so the guess is checked: every elided block must come back
 * as a `code` or `containerDirective` node spanning exactly its lines, with
 * only the placeholder in it. If one does not (a fence inside an HTML block,
 * a container that could not interrupt a paragraph), the real text is parsed
 * instead.
 */
export interface ElisionOptions {
  /** Bodies shorter than this many characters are parsed as they are. */
  minBody?: number;
  /** How a container's body is parsed (a document of its own); without it, containers are not elided. */
  parseBody?: ParseText;
  /** Counts, for tests: blocks elided, and parses that fell back to the real text. */
  stats?: { elided: number; fallbacks: number };
}

/** 16 K characters: below that the parser's state for a block is a few MB at most. */
const MIN_BODY = 16 * 1024;

const PLACEHOLDER = 'x';

interface Block {
  kind: 'code' | 'containerDirective';
  /** Where the opening line starts. */
  open: number;
  /** Where the body starts (after the opening line's line ending). */
  bodyStart: number;
  /** Where the closing line starts. */
  close: number;
  /** The line the body starts on. */
  bodyLine: number;
  /** Line endings in the body, the one before the closing line included. */
  lines: number;
}

/** `parse(text)`, with the bodies of long column-1 fenced blocks and containers kept away from the parser. */
export function parseElidingLongBlocks(text: string, parse: ParseText, options: ElisionOptions = {}): Root {
  // A lone CR ends a line for the parser but not for the scan; a definition (`]:`) links text across a container's edge.
  const containers = options.parseBody !== undefined && !text.includes(']:');
  const blocks = /\r(?!\n)/.test(text) ? [] : longBlocks(text, options.minBody ?? MIN_BODY, containers);
  if (blocks.length === 0) {
    return parse(text);
  }
  const pieces: string[] = [];
  let from = 0;
  for (const block of blocks) {
    pieces.push(text.slice(from, block.bodyStart), PLACEHOLDER, '\n');
    from = block.close;
  }
  pieces.push(text.slice(from));
  const tree = parse(pieces.join(''));
  if (!restore(tree, text, blocks, options.parseBody)) {
    if (options.stats) {
      options.stats.fallbacks++;
    }
    return parse(text);
  }
  if (options.stats) {
    options.stats.elided += blocks.length;
  }
  return tree;
}

/**
 * The closed fenced blocks and directive containers at column 1 whose body is
 * at least `minBody` characters, outermost only, as one look at each line's
 * start finds them (outside front matter; HTML blocks and the rest are left to
 * the check after parsing). A fence's body is kept whole when the parser
 * might end the block inside it: a closing fence that is indented, or a `:::`
 * line, which closes an enclosing container and the code block with it; and
 * when it holds a NUL, which the parser replaces. A container ends at the
 * first line of at least as many colons, whatever it holds (the directive
 * syntax looks for its closing line before anything else on every line); its
 * body is kept whole when it could open front matter as a document.
 */
function longBlocks(text: string, minBody: number, containers: boolean): Block[] {
  const found: Block[] = [];
  let fence: { marker: number; length: number; at: number; bodyStart: number; bodyLine: number; lines: number; keep: boolean } | undefined;
  // The fewest colons for which no closing line follows: no later container of as many needs a search.
  let unclosable = Infinity;
  let frontMatter = /^\uFEFF?---/.test(text);
  let line = 0;
  for (let start = 0; start < text.length;) {
    line++;
    const newline = text.indexOf('\n', start);
    if (newline < 0) {
      // A block the last line closes has no line ending before its end: nothing to elide.
      break;
    }
    const content = text.slice(start, Math.min(newline, start + 1024));
    if (frontMatter) {
      if (line > 1 && /^---\r?$/.test(content)) {
        frontMatter = false;
      }
    } else if (fence) {
      const closing = /^( {0,3})(`{3,}|~{3,})[ \t]*\r?$/.exec(content);
      if (closing && closing[2].charCodeAt(0) === fence.marker && closing[2].length >= fence.length && newline - start < 1024) {
        const body = start - fence.bodyStart;
        if (closing[1] === '' && !fence.keep && body > 0 && body >= minBody && !text.slice(fence.bodyStart, start).includes('\0')) {
          found.push({ kind: 'code', open: fence.at, bodyStart: fence.bodyStart, close: start, bodyLine: fence.bodyLine, lines: fence.lines });
        }
        fence = undefined;
      } else {
        fence.lines++;
        if (/^ {0,3}:{3}/.test(content)) {
          fence.keep = true;
        }
      }
    } else {
      const opening = /^(`{3,}|~{3,}|:{3,}(?=[A-Za-z]))/.exec(content);
      if (opening?.[1][0] === ':') {
        const colons = opening[1].length;
        const close = containers && colons < unclosable ? closingLine(text, newline + 1, colons) : -1;
        if (containers && close < 0) {
          unclosable = Math.min(unclosable, colons);
        } else if (close >= 0 && close - (newline + 1) >= Math.max(1, minBody) && !/^(\uFEFF|---)/.test(text.slice(newline + 1, newline + 4))) {
          const lines = countLineEndings(text, newline + 1, close);
          found.push({ kind: 'containerDirective', open: start, bodyStart: newline + 1, close, bodyLine: line + 1, lines });
          line += lines;
          start = close;
          continue;
        }
      } else if (opening && (opening[1][0] === '~' || !text.slice(start + opening[1].length, newline).includes('`'))) {
        // A backtick fence's info string has no backtick.
        fence = {
          marker: opening[1].charCodeAt(0),
          length: opening[1].length,
          at: start,
          bodyStart: newline + 1,
          bodyLine: line + 1,
          lines: 0,
          keep: false
        };
      }
    }
    start = newline + 1;
  }
  return found;
}

/** Where the first line from `from` on that closes a container of `colons` colons starts, or -1. */
function closingLine(text: string, from: number, colons: number): number {
  const pattern = new RegExp(`^ {0,3}:{${colons},}[ \\t]*\\r?$`, 'gm');
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  // The closing line needs a line ending of its own (the block before it is elided up to there).
  return match && text.indexOf('\n', match.index) >= 0 ? match.index : -1;
}

function countLineEndings(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) {
    count++;
  }
  return count;
}

interface Expected {
  block: Block;
  /** Where, in the elided text, the placeholder line starts, and the closing line starts and ends. */
  placeholderStart: number;
  closeStart: number;
  closeEnd: number;
}

/**
 * Put the elided bodies back into `tree`, parsed from the elided text, and
 * move its positions to the real text's; false, with `tree` left unusable,
 * when a block did not come back as the node it was taken for.
 */
function restore(tree: Root, text: string, blocks: Block[], parseBody: ParseText | undefined): boolean {
  const shifts: Array<{ at: number; offset: number; lines: number }> = [];
  const expected = new Map<number, Expected>();
  let offset = 0;
  let lines = 0;
  for (const block of blocks) {
    const placeholderStart = block.bodyStart - offset;
    const closeStart = placeholderStart + PLACEHOLDER.length + 1;
    expected.set(block.open - offset, { block, placeholderStart, closeStart, closeEnd: closeStart + text.indexOf('\n', block.close) - block.close });
    offset += block.close - block.bodyStart - (PLACEHOLDER.length + 1);
    lines += block.lines - 1;
    // Everything from the closing line on moves by what was removed so far.
    shifts.push({ at: closeStart, offset, lines });
  }
  const found: Array<{ node: Nodes; block: Block }> = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    const at = node.position?.start.offset;
    const wanted = at === undefined ? undefined : expected.get(at);
    if (wanted && node.type === wanted.block.kind) {
      const end = node.position?.end.offset ?? -1;
      if (node.position?.start.column !== 1 || end <= wanted.closeStart || end > wanted.closeEnd || !holdsOnlyPlaceholder(node, wanted.placeholderStart)) {
        return false;
      }
      found.push({ node, block: wanted.block });
      continue;
    }
    if ('children' in node) {
      for (const child of node.children) {
        stack.push(child);
      }
    }
  }
  if (found.length !== blocks.length) {
    return false;
  }
  moveAll(tree, shifts);
  for (const { node, block } of found) {
    if (node.type === 'code') {
      // The value ends before the line ending that precedes the closing fence.
      const lineEnd = text.charCodeAt(block.close - 2) === 0x0d ? 2 : 1;
      node.value = text.slice(block.bodyStart, block.close - lineEnd);
    } else if (parseBody) {
      const body = parseBody(text.slice(block.bodyStart, block.close));
      shift(body, block.bodyLine - 1, block.bodyStart);
      const container = node as Parent;
      container.children.splice(container.children.length - 1, 1, ...body.children);
    }
  }
  return true;
}

/** Whether a block parsed from the elided text holds the placeholder and nothing else (a container's label aside). */
function holdsOnlyPlaceholder(node: Nodes, placeholderStart: number): boolean {
  if (node.type === 'code') {
    return node.value === PLACEHOLDER;
  }
  if (node.type !== 'containerDirective') {
    return false;
  }
  const last = node.children[node.children.length - 1];
  const text = last?.type === 'paragraph' && last.children.length === 1 ? last.children[0] : undefined;
  return (
    last?.position?.start.offset === placeholderStart &&
    text?.type === 'text' &&
    text.value === PLACEHOLDER &&
    node.children.slice(0, -1).every(child => child.type === 'paragraph' && child.data?.directiveLabel === true)
  );
}

/** Move every point at or after a shift's place by that shift (the last one that applies). */
function moveAll(tree: Root, shifts: Array<{ at: number; offset: number; lines: number }>): void {
  const move = (point: Point): Point => {
    if (point.offset === undefined || point.offset < shifts[0].at) {
      return point;
    }
    // Binary search: the last shift whose place is at or before the point.
    let low = 0;
    let high = shifts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (shifts[middle].at <= point.offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: point.line + shifts[low].lines, column: point.column, offset: point.offset + shifts[low].offset };
  };
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.position) {
      // New points, never changed in place: nodes may share them.
      node.position = { start: move(node.position.start), end: move(node.position.end) };
    }
    if ('children' in node) {
      for (const child of node.children) {
        stack.push(child);
      }
    }
  }
}
