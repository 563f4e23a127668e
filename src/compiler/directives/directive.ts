import type { Code, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { AttributePlace, AttributeSpecs, AttributeValues } from '../attributes.js';
import { plainText, tidy } from '../narration.js';
import type { Reporter } from '../report.js';
import type { TutorialBuilder } from '../tutorial-builder.js';

export type DirectiveNode = ContainerDirective | LeafDirective;

export interface DirectiveContext {
  node: DirectiveNode;
  attributes: AttributeValues;
  /** Where an attribute is written, so a message about it points there. */
  place: AttributePlace;
  builder: TutorialBuilder;
  report: Reporter;
  /** The tutorial text, for slicing source exactly. */
  source: string;
}

/** One directive of the authoring language: its forms, attributes and effect. */
export interface Directive {
  name: string;
  /** `::name` (leaf) and/or `:::name` (container). */
  forms: ReadonlyArray<DirectiveNode['type']>;
  attributes: AttributeSpecs;
  /** How to write it, for error messages: "expected <usage>". */
  usage: string;
  compile(context: DirectiveContext): void;
}

/**
 * The single fenced code block a container holds, or a positioned error.
 * Its text is taken from the source between the fences, so tabs, unicode and
 * trailing blank lines arrive byte for byte.
 */
export function singleCodeBlock(context: DirectiveContext, what: string): Code | undefined {
  const { node, report } = context;
  const children = node.type === 'containerDirective' ? node.children.filter(child => !isLabel(child)) : [];
  const blocks = children.filter((child): child is Code => child.type === 'code');
  const other = children.find(child => child.type !== 'code');
  if (blocks.length !== 1 || other) {
    const found =
      blocks.length === 0 && !other ? 'Missing code block' : blocks.length > 1 ? `Unexpected ${blocks.length} code blocks` : `Unexpected ${other?.type}`;
    report.error(
      `${found} in \`:::${node.name}\`, expected exactly one fenced code block with ${what} (\`\`\` on its own line before and after)`,
      other ?? blocks[1] ?? node,
      'expected-one-code-block'
    );
    return undefined;
  }
  const block = blocks[0];
  // A fenced block's node starts at its fence; an indented one at its indent.
  const start = block.position?.start.offset ?? 0;
  if (/^(`{3}|~{3})/.test(context.source.slice(start, start + 3))) {
    return block;
  }
  report.error(
    `Unexpected indented code block in \`:::${node.name}\`, expected a fenced code block (\`\`\` on its own line before and after)`,
    block,
    'expected-one-code-block'
  );
  return undefined;
}

/** The `[label]` of a directive, which mdast keeps as its first paragraph. */
export function isLabel(node: RootContent): boolean {
  return node.type === 'paragraph' && node.data?.directiveLabel === true;
}

/** The text a container holds (prompt, narration, expected output), flattened to plain text. */
export function containerText(node: DirectiveNode): string {
  if (node.type !== 'containerDirective') {
    return '';
  }
  return tidy(
    node.children
      .filter(child => !isLabel(child))
      .map(child => plainText(child))
      .filter(Boolean)
      .join('\n\n')
  );
}
