import type { Directive } from './directive.js';

/** `::wait{s=1.5}` waits a number of seconds. */
export const waitDirective: Directive = {
  name: 'wait',
  forms: ['leafDirective'],
  usage: '`::wait{s=SECONDS}` on its own line',
  attributes: { s: { kind: 'number', required: true, min: 0, max: 600, unit: 'seconds' } },
  compile({ node, attributes, builder }) {
    const line = node.position?.start.line;
    builder.emit({ op: 'wait', duration: Math.round((attributes.s as number) * 1000), ...(line ? { line } : {}) }, node.position?.start);
  }
};
