import { userText } from '../../format/index.js';
import { SPEED_RANGE } from '../front-matter.js';
import { typingMs } from '../timing.js';
import { singleCodeBlock, type Directive } from './directive.js';
import { answerCellMessage } from './type.js';

/** `:::replace{cell=NAME find="TEXT"}` retypes the first occurrence of TEXT. */
export const replaceDirective: Directive = {
  name: 'replace',
  forms: ['containerDirective'],
  usage: '`:::replace{cell=NAME find="TEXT"}` with one fenced code block inside (options: `speed=CPS`, `summary="…"`)',
  attributes: {
    cell: { kind: 'cell', required: true },
    find: { kind: 'text', required: true, nonEmpty: true, blankIsText: true },
    speed: { kind: 'number', min: SPEED_RANGE[0], max: SPEED_RANGE[1], unit: 'characters per second' },
    summary: { kind: 'text', nonEmpty: true }
  },
  compile(context) {
    const { node, attributes, place, builder, report } = context;
    const block = singleCodeBlock(context, 'the replacement');
    const id = builder.resolve(attributes.cell as string, place('cell'));
    if (!block || !id) {
      return;
    }
    if (builder.cells[id]?.answer) {
      report.error(answerCellMessage('`:::replace`', attributes.cell as string), place('cell'), 'answer-cell');
      return;
    }
    const find = attributes.find as string;
    const source = builder.cell(id).source;
    const offset = source.indexOf(find);
    if (offset < 0) {
      report.error(
        `Unexpected \`find="${userText(find)}"\`: cell \`${attributes.cell}\` does not contain it at this point (it holds "${userText(source, 60)}"); copy the text exactly from the cell`,
        place('find'),
        'find-not-found'
      );
      return;
    }
    const line = node.position?.start.line;
    builder.emit({ op: 'delete-text', cell: id, offset, length: find.length, ...(line ? { line } : {}) }, node.position?.start);
    if (block.value !== '') {
      const speed = (attributes.speed as number | undefined) ?? builder.options.speed;
      const summary = attributes.summary as string | undefined;
      builder.emit(
        {
          op: 'type',
          cell: id,
          offset,
          text: block.value,
          duration: typingMs(block.value, speed),
          ...(summary ? { summary } : {}),
          ...(line ? { line } : {})
        },
        node.position?.start
      );
    }
    builder.lastTyped = id;
  }
};
