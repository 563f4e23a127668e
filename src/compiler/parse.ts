import type { Root } from 'mdast';
import type { Point } from 'unist';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { parseElidingLongBlocks } from './long-blocks.js';
import { forEachSection, parseInSections } from './sections.js';

/**
 * Register only the block forms of generic directives (`::leaf`,
 * `:::container`). The text form is left out on purpose: remark-directive 4
 * lets names start with a digit, so prose such as "At 10:30, ratio 3:17"
 * would otherwise turn into text directives and lose its colons.
 */
function blockDirectives(this: Processor): void {
  const data = this.data();
  const { flow } = directive();
  (data.micromarkExtensions ??= []).push({ flow });
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(blockDirectives).freeze();

/**
 * Parse a tutorial's Markdown into mdast with front matter and block
 * directives: one section (a few steps) at a time, which gives the same tree
 * as `parseWhole` while the parser's working state only ever covers one
 * section (see sections.ts).
 */
export function parseTutorial(markdown: string): Root {
  return whole ? parseWhole(markdown) : parseInSections(markdown, parseLean);
}

/**
 * `parseTutorial`, a section at a time: each section's tree goes to `visit`
 * (positions as in the whole document) and may be dropped once visited, so
 * compiling never holds the whole document's tree. Returns where it ends.
 */
export function parseTutorialSections(markdown: string, visit: (section: Root) => void): Point {
  if (whole) {
    const tree = parseWhole(markdown);
    visit(tree);
    return tree.position?.end ?? { line: 1, column: 1, offset: 0 };
  }
  return forEachSection(markdown, parseLean, visit);
}

let whole = false;

/** Run `task` with `parseTutorial` parsing whole documents as they are, no sections, nothing elided (to compare both ways). */
export function withWholeParse<T>(task: () => T): T {
  const before = whole;
  whole = true;
  try {
    return task();
  } finally {
    whole = before;
  }
}

/**
 * `parseWhole`, with the bodies of long fenced code blocks and containers kept
 * away from the parser (see long-blocks.ts); a container's body is parsed a
 * section at a time, the same way.
 */
export function parseLean(markdown: string): Root {
  return parseElidingLongBlocks(markdown, parseWhole, { parseBody: body => parseInSections(body, parseLean) });
}

/** Parse the whole text in one go (the parser holds well over 100 times the text while it runs). */
export function parseWhole(markdown: string): Root {
  return processor.parse(markdown);
}
