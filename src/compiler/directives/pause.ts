import { containerText, type Directive } from './directive.js';

/** `:::pause` (its text is the prompt) and `::pause` wait for the learner. */
export const pauseDirective: Directive = {
  name: 'pause',
  forms: ['leafDirective', 'containerDirective'],
  usage: '`::pause` on its own line, or `:::pause` with the prompt for the learner inside',
  attributes: {},
  compile({ node, builder }) {
    const prompt = containerText(node);
    const line = node.position?.start.line;
    builder.emit({ op: 'pause', ...(prompt ? { prompt } : {}), ...(line ? { line } : {}) });
  }
};
