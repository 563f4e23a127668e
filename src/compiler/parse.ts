import type { Root } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

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

/** Parse a tutorial's Markdown into mdast with front matter and block directives. */
export function parseTutorial(markdown: string): Root {
  return processor.parse(markdown);
}
