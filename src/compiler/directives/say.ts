import { readingMs } from '../timing.js';
import { containerText, type Directive } from './directive.js';

/** `:::say` narrates between actions. */
export const sayDirective: Directive = {
  name: 'say',
  forms: ['containerDirective'],
  usage: '`:::say` with the narration inside',
  attributes: {},
  compile({ node, builder, report }) {
    const text = containerText(node);
    if (!text) {
      report.error('Unexpected empty `:::say`, expected the narration text inside it', node, 'unexpected-content');
      return;
    }
    const line = node.position?.start.line;
    builder.emit({ op: 'narrate', text, duration: readingMs(text, builder.options.pace), ...(line ? { line } : {}) });
  }
};
