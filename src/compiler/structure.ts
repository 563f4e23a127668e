import type { Paragraph, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { LineIndex, userText } from '../format/index.js';
import { diagnoseDirectiveLine } from './directive-syntax.js';
import type { DirectiveNode } from './directives/index.js';
import type { Reporter } from './report.js';
import { walk } from './walk.js';

/**
 * Check how the tutorial's blocks fit together before any directive runs:
 *
 * - a line that starts with `::` but is not a directive would be narrated
 *   aloud and its action lost (`malformed-directive`);
 * - a container whose `:::` never comes takes in everything after it
 *   (`unclosed-container`), reported where it opens;
 * - a directive inside a list, quote or another directive is never played
 *   (`nested-directive`).
 *
 * Returns the directives that must not be compiled, because their content
 * is not what the author meant.
 */
export class StructureChecker {
  private readonly lines: LineIndex;
  /** Malformed container openings not yet matched with the stray `:::` they leave behind (across sections). */
  private strayClosersExpected = 0;

  constructor(
    private readonly source: string,
    private readonly report: Reporter
  ) {
    this.lines = new LineIndex(source);
  }

  /**
   * Check one tree: the whole document, or its sections one after another
   * in order, which reports exactly what checking the whole document does.
   */
  check(tree: Root): Set<DirectiveNode> {
    const { source, lines, report } = this;
    const broken = new Set<DirectiveNode>();
    /** The innermost directive container around each node, by depth. */
    const containers: Array<ContainerDirective | undefined> = [];
    walk(tree, ({ node, parent, depth }) => {
      containers.length = depth + 1;
      const enclosing = depth > 0 ? containers[depth - 1] : undefined;
      containers[depth] = node.type === 'containerDirective' ? node : enclosing;
      if (node.type === 'containerDirective' || node.type === 'leafDirective') {
        if (parent && parent.type !== 'root') {
          reportNested(node, enclosing, report);
          if (enclosing) {
            broken.add(enclosing);
          }
        }
        if (node.type === 'containerDirective' && !isClosed(node, source, lines)) {
          // What follows it is only inside it by mistake: one message, at its start, says all.
          broken.add(node);
          const swallowsSteps = node.children.some(child => child.type === 'heading');
          report.error(
            `Unexpected \`:::${userText(node.name)}\` opened here that is never closed: add ${closingFence(fenceLength(node, source))} on its own line after its content${swallowsSteps ? ' (it runs on to the end of the file, taking in the steps after it)' : ''}`,
            node.position?.start,
            'unclosed-container'
          );
          return false;
        }
        return;
      }
      if (node.type === 'paragraph' && node.data?.directiveLabel !== true) {
        this.strayClosersExpected = checkParagraphLines(node, source, lines, report, this.strayClosersExpected);
        // Inline content holds no blocks.
        return false;
      }
      return node.type !== 'heading' && node.type !== 'code' && node.type !== 'html';
    });
    return broken;
  }
}

function reportNested(node: DirectiveNode, enclosing: ContainerDirective | undefined, report: Reporter): void {
  const written = `${node.type === 'containerDirective' ? ':::' : '::'}${userText(node.name)}`;
  if (enclosing) {
    const line = enclosing.position?.start.line;
    report.error(
      `Unexpected \`${written}\` inside \`:::${userText(enclosing.name)}\`${line ? ` (opened on line ${line})` : ''}: directives do not nest; close the \`:::${userText(enclosing.name)}\` with \`:::\` before it`,
      node,
      'nested-directive'
    );
  } else {
    report.error(
      `Unexpected \`${written}\` inside another block: directives work only at the top level of a step; move it out of the list or quote`,
      node,
      'nested-directive'
    );
  }
}

/** How to write the fence that closes a container opened with `length` colons. */
function closingFence(length: number): string {
  return length <= 8 ? `\`${':'.repeat(length)}\`` : `a line of ${length} colons`;
}

/** How many colons open the container, from its source. */
function fenceLength(node: ContainerDirective, source: string): number {
  const start = node.position?.start.offset ?? 0;
  let length = 0;
  while (source.charCodeAt(start + length) === 0x3a) {
    length++;
  }
  return Math.max(3, length);
}

/**
 * A container is closed when it ends with a fence of its own: the last line
 * it spans is `:::` (at least as long as its opening), and no child reaches
 * that line. An unclosed container ends where its parent or the file ends.
 */
function isClosed(node: ContainerDirective, source: string, lines: LineIndex): boolean {
  const position = node.position;
  if (!position || position.end.offset === undefined || position.end.line <= position.start.line) {
    return false;
  }
  const lineStart = lines.lineStart(position.end.line);
  // A fence that closes the last child (or belongs to it) is not this container's own.
  const last = node.children[node.children.length - 1];
  if (last?.position?.end.offset !== undefined && last.position.end.offset > lineStart) {
    return false;
  }
  const fence = source
    .slice(lineStart, position.end.offset)
    .replace(/^[ \t>]*/, '')
    .trimEnd();
  return /^:+$/.test(fence) && fence.length >= fenceLength(node, source);
}

/**
 * Report every line of a paragraph that starts with `::`: had it been a
 * directive it would not be in a paragraph. Returns the updated count of
 * stray closing fences to expect (a malformed `:::name` leaves its `:::`
 * behind, which is reported once, with the opening).
 */
function checkParagraphLines(node: Paragraph, source: string, lines: LineIndex, report: Reporter, strayClosersExpected: number): number {
  const position = node.position;
  if (!position || position.start.offset === undefined || position.end.offset === undefined) {
    return strayClosersExpected;
  }
  let lineNumber = position.start.line;
  let lineStart = lines.lineStart(lineNumber);
  let from = position.start.offset;
  const end = position.end.offset;
  let expected = strayClosersExpected;
  for (;;) {
    const newline = source.indexOf('\n', from);
    const lineEnd = newline < 0 || newline > end ? end : newline;
    let content = from;
    // Continuation lines carry the prefixes of the quotes and lists around the paragraph.
    while (content < lineEnd && ' \t>'.includes(source[content])) {
      content++;
    }
    if (source.startsWith('::', content)) {
      const text = source.slice(content, lineEnd);
      const column = content - lineStart + 1;
      if (/^:{3,}[ \t]*$/.test(text)) {
        if (expected > 0) {
          expected--;
        } else {
          report.error(
            `Unexpected \`${text.trim()}\` that closes no container: remove it, or check the line that should open the container before it`,
            { line: lineNumber, column },
            'malformed-directive'
          );
        }
      } else {
        if (text.startsWith(':::')) {
          expected++;
        }
        const problem = diagnoseDirectiveLine(text);
        report.error(
          problem
            ? `${problem.reason} (this line is not a directive, so it would be read aloud)`
            : `Unexpected directive \`${userText(text.trim())}\` in the middle of a paragraph, expected it at the start of a line with at most 3 spaces before it`,
          { line: lineNumber, column: problem ? column + problem.at : column },
          'malformed-directive'
        );
      }
    }
    if (newline < 0 || newline >= end) {
      return expected;
    }
    from = newline + 1;
    lineStart = from;
    lineNumber++;
  }
}
