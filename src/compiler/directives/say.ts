import { readingMs } from '../timing.js';
import { hasStructure, narrationBlocks } from '../narration-blocks.js';
import { containerText, isLabel, type Directive } from './directive.js';

/** `:::say` narrates between actions. */
export const sayDirective: Directive = {
  name: 'say',
  forms: ['containerDirective'],
  usage: '`:::say` with the narration inside',
  attributes: {},
  compile({ node, builder, report, source }) {
    const text = containerText(node);
    if (!text) {
      report.error('Unexpected empty `:::say`, expected the narration text inside it', node, 'unexpected-content');
      return;
    }
    const line = node.position?.start.line;
    const blocks = node.children.filter(child => !isLabel(child)).flatMap(child => narrationBlocks(child, source));
    builder.emit({
      op: 'narrate',
      text,
      ...(hasStructure(blocks) ? { blocks } : {}),
      duration: readingMs(text, builder.options.pace),
      ...(line ? { line } : {})
    });
  }
};
