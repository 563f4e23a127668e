import { containerText, type Directive } from './directive.js';

/**
 * `:::pause` (its text is the prompt) and `::pause` wait for the learner;
 * `cell=NAME` names the empty `::cell` they are to answer in, which makes it
 * an answer cell (the learner's: never edited by the tutorial).
 */
export const pauseDirective: Directive = {
  name: 'pause',
  forms: ['leafDirective', 'containerDirective'],
  usage: '`::pause` on its own line, or `:::pause` with the prompt for the learner inside (option: `cell=NAME`, an empty `::cell` for the answer)',
  attributes: { cell: { kind: 'cell' } },
  compile({ node, attributes, place, builder, report }) {
    const prompt = containerText(node);
    const line = node.position?.start.line;
    let cell: string | undefined;
    if (attributes.cell !== undefined) {
      const name = attributes.cell as string;
      cell = builder.resolve(name, place('cell'));
      if (!cell) {
        return;
      }
      const info = builder.cells[cell];
      if (!info.answer && builder.cell(cell).source !== '') {
        report.error(
          `Unexpected \`cell=${name}\` on \`:::pause\`: the tutorial has written in cell \`${name}\`, so it cannot be the learner's answer cell; create an empty one with \`::cell{cell=NAME placeholder="…"}\``,
          place('cell'),
          'answer-cell'
        );
        return;
      }
      builder.markAnswer(cell);
    }
    builder.emit({ op: 'pause', ...(prompt ? { prompt } : {}), ...(cell ? { cell } : {}), ...(line ? { line } : {}) }, node.position?.start);
  }
};
