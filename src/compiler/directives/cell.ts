import type { Directive } from './directive.js';
import { createCell } from './new-cell.js';

/**
 * `::cell{cell=NAME}` creates an empty cell (appended, or `after=`/`before=`
 * another). `:::type` cannot do this, since it always types something, and a
 * notebook the author left with an empty cell in it (JupyterLab adds one
 * below the last cell it runs) must be reproducible. With `placeholder="…"`
 * it is an answer cell: the learner's to write in, which the tutorial never
 * edits and a restore never overwrites.
 */
export const cellDirective: Directive = {
  name: 'cell',
  forms: ['leafDirective'],
  usage: '`::cell{cell=NAME}` on its own line (options: `type=code|markdown|raw`, `after=CELL` or `before=CELL`, `placeholder="…"` for an answer cell)',
  attributes: {
    cell: { kind: 'cell', required: true },
    type: { kind: 'choice', values: ['code', 'markdown', 'raw'] },
    after: { kind: 'cell' },
    before: { kind: 'cell' },
    placeholder: { kind: 'text', nonEmpty: true }
  },
  compile(context) {
    const { attributes, place, builder, report } = context;
    const name = attributes.cell as string;
    if (attributes.after !== undefined && attributes.before !== undefined) {
      report.error('Unexpected `after` and `before` together on `::cell`, expected one of them', place('before'), 'invalid-attribute');
      return;
    }
    if (builder.has(name)) {
      report.error(
        `Unexpected \`::cell{cell=${name}}\`: cell \`${name}\` already exists; \`::cell\` only creates new cells, so use a new cell name`,
        place('cell'),
        'cell-exists'
      );
      return;
    }
    const id = createCell(context, name);
    if (id && attributes.placeholder !== undefined) {
      builder.markAnswer(id, attributes.placeholder as string);
    }
  }
};
