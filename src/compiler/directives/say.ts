import { readingMs } from '../timing.js';
import { hasStructure, narrationBlocks, narrationText } from '../narration-blocks.js';
import { isLabel, type Directive } from './directive.js';

/** `:::say` narrates between actions. */
export const sayDirective: Directive = {
  name: 'say',
  forms: ['containerDirective'],
  usage: '`:::say` with the narration inside',
  attributes: {},
  compile({ node, builder, report, source }) {
    const children = node.children.filter(child => !isLabel(child));
    // As a step's narration: a table is spoken row by row, never as its pipes.
    const text = children
      .map(child => narrationText(child, source))
      .filter(Boolean)
      .join('\n\n');
    if (!text) {
      report.error('Unexpected empty `:::say`, expected the narration text inside it', node, 'unexpected-content');
      return;
    }
    const line = node.position?.start.line;
    const blocks = children.flatMap(child => narrationBlocks(child, source));
    builder.emit(
      {
        op: 'narrate',
        text,
        ...(hasStructure(blocks) ? { blocks } : {}),
        duration: readingMs(text, builder.options.pace),
        ...(line ? { line } : {})
      },
      node.position?.start
    );
  }
};
