import type { Directive } from './directive.js';

/** `::delete{cell=NAME}` deletes a cell. */
export const deleteDirective: Directive = {
  name: 'delete',
  forms: ['leafDirective'],
  usage: '`::delete{cell=NAME}` on its own line',
  attributes: { cell: { kind: 'cell', required: true } },
  compile({ node, attributes, place, builder }) {
    const name = attributes.cell as string;
    const id = builder.resolve(name, place('cell'));
    if (!id) {
      return;
    }
    const line = node.position?.start.line;
    builder.emit({ op: 'delete-cell', cell: id, ...(line ? { line } : {}) });
    builder.forget(name, line);
  }
};
