import type { Nodes, Paragraph, Root, RootContent } from 'mdast';

type Position = NonNullable<Root['position']>;
type Point = Position['start'];

/**
 * Parsing a tutorial one section at a time, so that the parser's working
 * state (its events and tokens, well over a hundred times the size of the
 * text they cover) is only ever held for one section, never for the whole
 * document. The trees are joined into the one tree a whole-document parse
 * gives, positions included.
 *
 * A section ends just before a line at column 1 that starts an ATX heading
 * or follows a blank line. A line at column 1 that is neither indented nor a
 * lazy paragraph line closes every list item and quote, whatever they hold,
 * so the only blocks that can take it in are at the top level: fenced code,
 * a directive container, an HTML block, front matter, a paragraph it
 * continues, a list it adds an item to. A quick scan of the lines skips the
 * lines inside the first four. The scan only guesses, so each section is
 * parsed together with the first line of the next, and the split is used
 * only when that line comes out as the start of a top-level block: then it
 * closed every block before it just as it does in the whole document, the
 * parser's state before it is that of a fresh document, and nothing after it
 * depends on what came before. Otherwise the section runs on to a later
 * split. Front matter is only at the very start: the scan offers no split
 * until a line the parser surely takes as its end, and no section starts
 * with `---` (which would open front matter) or a byte order mark.
 * Reference definitions apply to the whole document, so a document that may
 * hold one (any `]:`) is parsed whole, and so is one with a lone CR (a line
 * ending the scan does not count).
 *
 * What it costs: the parser's peak is that of the largest section, a few
 * steps or paragraphs; one enormous fenced block, container or HTML block
 * (or text with no blank lines) is one section and costs what it always did.
 */
export interface SectionOptions {
  /** Join sections smaller than this many characters with the next (fewer, larger parses). */
  minSection?: number;
  /** Counts, for tests: sections parsed, and splits tried and not used. */
  stats?: { sections: number; refused: number; inside?: number };
}

export type ParseText = (text: string) => Root;

/** Sections under 4 K characters are joined with the next: each parse holds a few MB at most. */
const MIN_SECTION = 4 * 1024;

/** The whole tree, joined from its sections. */
export function parseInSections(text: string, parse: ParseText, options: SectionOptions = {}): Root {
  const children: RootContent[] = [];
  const end = forEachSection(
    text,
    parse,
    section => {
      for (const child of section.children) {
        children.push(child);
      }
    },
    options
  );
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/**
 * Hand each section's tree, positions already where they are in the whole
 * document, to `visit` as soon as it is parsed, and return where the document
 * ends. A caller that lets each section go once visited never holds the tree
 * of the whole document either.
 */
export function forEachSection(text: string, parse: ParseText, visit: (section: Root) => void, options: SectionOptions = {}): Point {
  const whole = (): Point => {
    const tree = parse(text);
    visit(tree);
    return tree.position?.end ?? { line: 1, column: 1, offset: 0 };
  };
  // `[label]:` may be a definition that links text in any section; a lone CR is a line ending the split does not count.
  if (text.includes(']:') || /\r(?!\n)/.test(text)) {
    return whole();
  }
  const candidates = sectionStarts(text);
  if (candidates.length === 0) {
    return whole();
  }
  const minSection = options.minSection ?? MIN_SECTION;
  let start = 0;
  let line = 1;
  let next = 0;
  let last: Root | undefined;
  // The start of a plain paragraph cut at the end of the last section, joined with its rest when that is parsed.
  let pending: { paragraph: Paragraph; lineEnding: string } | undefined;
  const accept = (tree: Root, lines: number, offset: number, cut?: string): void => {
    shift(tree, lines - 1, offset);
    if (pending) {
      tree.children[0] = joinParagraph(pending, tree.children[0]);
      pending = undefined;
    }
    if (cut !== undefined) {
      pending = { paragraph: plainParagraph(tree.children.pop()), lineEnding: cut };
    }
    visit(tree);
  };
  while (start < text.length || last === undefined) {
    // The first split far enough on.
    while (next < candidates.length && candidates[next].offset <= start) {
      next++;
    }
    let want = start + Math.max(1, minSection);
    for (;;) {
      let pick = next;
      while (pick < candidates.length && candidates[pick].offset < want) {
        pick++;
      }
      const end = pick < candidates.length ? candidates[pick].offset : text.length;
      if (options.stats) {
        options.stats.sections++;
      }
      if (end === text.length) {
        last = parse(text.slice(start));
        accept(last, line, start);
        start = end;
        break;
      }
      const paragraphStart = candidates[pick].paragraph;
      if (paragraphStart !== undefined) {
        // Inside a plain paragraph (see sectionStarts): cut it after its line ending and join its two parts,
        // once the parse shows the section really ends in that paragraph, begun where the scan saw it begin.
        const lineEnding = text.charCodeAt(end - 2) === 0x0d ? '\r\n' : '\n';
        const tree = parse(text.slice(start, end));
        const paragraph = tree.children[tree.children.length - 1];
        if (
          paragraph?.type === 'paragraph' &&
          paragraph.position?.start.offset === Math.max(paragraphStart, start) - start &&
          paragraph.position.end.offset === end - start - lineEnding.length
        ) {
          accept(tree, line, start, lineEnding);
          line = candidates[pick].line;
          start = end;
          next = pick;
          if (options.stats) {
            options.stats.inside = (options.stats.inside ?? 0) + 1;
          }
          break;
        }
      } else {
        // The section is parsed with the first line of the next, which closes its blocks just as in the document.
        const newline = text.indexOf('\n', end);
        const tree = parse(text.slice(start, newline < 0 ? text.length : newline));
        const following = tree.children[tree.children.length - 1];
        // The line must also start the same block on its own: after some blocks the parser reads a line as
        // interrupting one (an empty list item after indented code and a blank line is a paragraph there).
        const alone = () => parse(text.slice(end, newline < 0 ? text.length : newline)).children[0]?.type;
        if (following?.position?.start.offset === end - start && alone() === following.type) {
          tree.children.pop();
          accept(tree, line, start);
          line = candidates[pick].line;
          start = end;
          next = pick;
          break;
        }
      }
      if (options.stats) {
        options.stats.refused++;
      }
      // Not a safe split: try one at least twice as far, so that a run of refusals costs at most twice the text.
      want = start + 2 * (end - start) + 1;
    }
  }
  return last.position?.end ?? { line: 1, column: 1, offset: 0 };
}

interface LineStart {
  offset: number;
  line: number;
  /** For a line inside a plain paragraph, which goes on across the cut: where the paragraph starts. */
  paragraph?: number;
}

/**
 * A line of a paragraph no inline construct can span: it starts with a
 * letter (so it starts no block and is no setext underline), has no character
 * that opens or closes emphasis, a link, an image or HTML, no backslash (a
 * hard break at its end, or an escape), does not end in whitespace (a hard
 * break), and each of its code spans closes on the line (see
 * `codeSpansClose`). Cut between two such lines, a paragraph of them parses
 * to the same inline nodes on each side as whole, with the line ending
 * between them as text.
 */
const PLAIN_LINE = /^\p{L}[^*_[\]<\\\r]*[^\s*_[\]<\\]\r?$|^\p{L}\r?$/u;

function isPlainLine(line: string): boolean {
  return line.length < 4096 && PLAIN_LINE.test(line) && codeSpansClose(line);
}

/**
 * Whether every run of backticks on the line that opens a code span finds
 * its closing run (the next run of the same length) on the same line, so no
 * code span goes on to the next line. Runs are taken left to right, as the
 * parser takes them.
 */
function codeSpansClose(line: string): boolean {
  const runs: number[] = [];
  for (let at = line.indexOf('`'); at >= 0;) {
    let end = at;
    while (line.charCodeAt(end) === 0x60) {
      end++;
    }
    runs.push(end - at);
    at = line.indexOf('`', end);
  }
  for (let i = 0; i < runs.length; i++) {
    const closing = runs.indexOf(runs[i], i + 1);
    if (closing < 0) {
      return false;
    }
    i = closing;
  }
  return true;
}

type Inline = Paragraph['children'][number];

/** `node`, checked to be a paragraph, as plain lines parse. */
function plainParagraph(node: RootContent | undefined): Paragraph {
  if (node?.type !== 'paragraph' || node.children.length === 0) {
    throw new Error(`A plain paragraph was cut, yet the section ends in ${node?.type ?? 'nothing'}`);
  }
  return node;
}

/**
 * The paragraph cut across two sections, whole again: the line ending at the
 * cut is text, joined with the text on either side of it, as the parser makes
 * it (a plain line starts with a letter, so the second part starts with
 * text); the paragraph ends where the second part ends.
 */
function joinParagraph(first: { paragraph: Paragraph; lineEnding: string }, rest: RootContent | undefined): Paragraph {
  const second = plainParagraph(rest);
  const before = first.paragraph.children;
  const head = before[before.length - 1];
  const [tail, ...after] = second.children;
  if (tail.type !== 'text') {
    throw new Error(`A plain line was cut, yet it starts with ${tail.type}`);
  }
  const joined: Inline[] =
    head.type === 'text'
      ? [{ ...head, value: head.value + first.lineEnding + tail.value, position: span(head.position, tail.position) }]
      : [head, { ...tail, value: first.lineEnding + tail.value, position: span({ start: head.position!.end, end: head.position!.end }, tail.position) }];
  return { ...first.paragraph, children: [...before.slice(0, -1), ...joined, ...after], position: span(first.paragraph.position, second.position) };
}

function span(start: Position | undefined, end: Position | undefined): Position | undefined {
  return start && end ? { start: start.start, end: end.end } : undefined;
}

/**
 * The lines (after the first) where a section may start: an ATX heading at
 * column 1, or any line at column 1 after a blank line (so that one very
 * long step is cut too), that is not, as far as one look at each line's
 * start can tell, inside front matter, fenced code, a directive container or
 * an HTML block that runs to an end marker.
 */
export function sectionStarts(text: string): LineStart[] {
  const found: LineStart[] = [];
  let fence: { code: number; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let containers = 0;
  // Assumed wherever the parser might see it, and ended only by a line the parser surely takes as its end.
  let frontMatter = /^\uFEFF?---/.test(text);
  let line = 0;
  let afterBlank = false;
  // The lines after the first of a paragraph of plain lines that began after a blank line (or at the start).
  let plain: { start: number; lines: LineStart[] } | undefined;
  for (let start = 0; start <= text.length;) {
    line++;
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const content = text.slice(start, end);
    if (frontMatter) {
      if (line > 1 && /^---\r?$/.test(content)) {
        frontMatter = false;
      }
    } else if (fence) {
      const match = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/.exec(content);
      if (match && match[1].charCodeAt(0) === fence.code && match[1].length >= fence.length) {
        fence = undefined;
      }
    } else if (htmlEnd) {
      if (htmlEnd.test(content)) {
        htmlEnd = undefined;
      }
    } else {
      // Any block at column 1 after a blank line may start a section, a fence or a container too: a long
      // step of many `:::type`, `:::say` or fenced blocks is cut between them like one of paragraphs.
      if (line > 1 && containers === 0 && (/^#{1,6}([ \t]|\r?$)/.test(content) || (afterBlank && startsBlock(content)))) {
        found.push({ offset: start, line });
      }
      const fenceOpen = /^ {0,3}(`{3,}(?!.*`)|~{3,})/.exec(content);
      const htmlOpen = fenceOpen ? undefined : htmlBlockEnd(content);
      if (fenceOpen) {
        fence = { code: fenceOpen[1].charCodeAt(0), length: fenceOpen[1].length };
      } else if (htmlOpen) {
        if (!htmlOpen.test(afterHtmlOpening(content))) {
          htmlEnd = htmlOpen;
        }
      } else if (/^ {0,3}:::/.test(content)) {
        if (/^ {0,3}:{3,}[ \t]*\r?$/.test(content)) {
          containers = Math.max(0, containers - 1);
        } else {
          containers++;
        }
      }
    }
    const blank = /^[ \t]*\r?$/.test(content);
    // A plain paragraph may be cut at any of its lines once it is known to end at a blank line (or the end).
    const plainLine = !frontMatter && !fence && !htmlEnd && containers === 0 && isPlainLine(content);
    if (plain && plainLine) {
      plain.lines.push({ offset: start, line, paragraph: plain.start });
    } else {
      if (plain && blank) {
        found.push(...plain.lines);
      }
      plain = plainLine && (afterBlank || line === 1) ? { start, lines: [] } : undefined;
    }
    afterBlank = blank;
    if (newline < 0) {
      if (plain) {
        found.push(...plain.lines);
      }
      break;
    }
    start = newline + 1;
  }
  return found;
}

/** The text of a line after the opening of an HTML block that ends at a marker (kinds 1 to 5). */
function afterHtmlOpening(line: string): string {
  const match = /^ {0,3}<(!--|\?|!\[CDATA\[|!|[A-Za-z])/.exec(line);
  return match ? line.slice(match[0].length) : line;
}

/**
 * Whether a line after a blank line may start a block of its own at the top
 * level: it starts at column 1, and could not open front matter (`---`) or
 * lose a byte order mark at the start of a section.
 */
function startsBlock(line: string): boolean {
  const code = line.charCodeAt(0);
  return line.length > 0 && code !== 0x20 && code !== 0x09 && code !== 0x0d && code !== 0xfeff && !line.startsWith('---');
}

/** For a line that opens an HTML block ending at a marker (kinds 1 to 5), the marker. */
function htmlBlockEnd(line: string): RegExp | undefined {
  const match = /^ {0,3}<(!--|\?|!\[CDATA\[|![A-Za-z]|(?:script|pre|style|textarea)(?=[ \t>]|\r?$))/i.exec(line);
  if (!match) {
    return undefined;
  }
  const opener = match[1];
  if (opener === '!--') {
    return /-->/;
  }
  if (opener === '?') {
    return /\?>/;
  }
  if (opener === '![CDATA[') {
    return /\]\]>/;
  }
  if (opener.startsWith('!')) {
    return />/;
  }
  return /<\/(script|pre|style|textarea)>/i;
}

/** Move every position in a section's tree to where the section is in the document. */
export function shift(tree: Root, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) {
    return;
  }
  const move = (point: Point): Point => ({
    line: point.line + lines,
    column: point.column,
    ...(point.offset === undefined ? {} : { offset: point.offset + offset })
  });
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    const position: Position | undefined = node.position;
    if (position) {
      // New points, never changed in place: nodes may share them.
      node.position = { start: move(position.start), end: move(position.end) };
    }
    if ('children' in node) {
      for (const child of node.children) {
        stack.push(child);
      }
    }
  }
}
