import type { Directive } from './directive.js';
import { answerCellMessage } from './type.js';

/** `::delete{cell=NAME}` deletes a cell. */
export const deleteDirective: Directive = {
  name: 'delete',
  forms: ['leafDirective'],
  usage: '`::delete{cell=NAME}` on its own line',
  attributes: { cell: { kind: 'cell', required: true } },
  compile({ node, attributes, place, builder, report }) {
    const name = attributes.cell as string;
    const id = builder.resolve(name, place('cell'));
    if (!id) {
      return;
    }
    if (builder.cells[id]?.answer) {
      report.error(answerCellMessage('`::delete`', name), place('cell'), 'answer-cell');
      return;
    }
    const line = node.position?.start.line;
    builder.emit({ op: 'delete-cell', cell: id, ...(line ? { line } : {}) }, node.position?.start);
    builder.forget(name, line);
  }
};
