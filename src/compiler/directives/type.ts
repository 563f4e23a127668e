import { SPEED_RANGE } from '../front-matter.js';
import { readingMs, typingMs } from '../timing.js';
import { singleCodeBlock, type Directive } from './directive.js';
import { createCell } from './new-cell.js';

/**
 * `:::type{cell=NAME}` types a fenced block into a cell, creating the cell
 * (appended, or `after=`/`before=` another) when it does not exist yet.
 * `instant` (or `speed=instant`) inserts it at once: typing 15,000
 * characters of boilerplate or data would take a quarter of an hour.
 */
export const typeDirective: Directive = {
  name: 'type',
  forms: ['containerDirective'],
  usage:
    '`:::type{cell=NAME}` with one fenced code block inside (options: `type=code|markdown|raw`, `after=CELL` or `before=CELL`, `at=start|end`, `speed=CPS` or `instant`, `summary="…"`)',
  attributes: {
    cell: { kind: 'cell', required: true },
    type: { kind: 'choice', values: ['code', 'markdown', 'raw'] },
    after: { kind: 'cell' },
    before: { kind: 'cell' },
    at: { kind: 'choice', values: ['start', 'end'] },
    speed: { kind: 'number', min: SPEED_RANGE[0], max: SPEED_RANGE[1], unit: 'characters per second', or: ['instant'] },
    instant: { kind: 'flag' },
    summary: { kind: 'text', nonEmpty: true }
  },
  compile(context) {
    const { node, attributes, place, builder, report } = context;
    const name = attributes.cell as string;
    const block = singleCodeBlock(context, 'the code to type');
    if (!block) {
      return;
    }
    if (block.value === '') {
      report.error('Unexpected empty code block in `:::type`, expected the code to type', block, 'empty-code');
      return;
    }
    if (attributes.after !== undefined && attributes.before !== undefined) {
      report.error('Unexpected `after` and `before` together on `:::type`, expected one of them', place('before'), 'invalid-attribute');
      return;
    }
    const instant = attributes.instant === true || attributes.speed === 'instant';
    if (attributes.instant === true && typeof attributes.speed === 'number') {
      report.error('Unexpected `speed` with `instant` on `:::type`, expected one of them', place('speed'), 'invalid-attribute');
      return;
    }
    const speed = typeof attributes.speed === 'number' ? attributes.speed : builder.options.speed;
    const summary = attributes.summary as string | undefined;
    const line = node.position?.start.line;
    let id: string;
    let offset: number;
    let text = block.value;
    let atStart = false;
    if (builder.has(name)) {
      id = builder.resolve(name, place('cell')) as string;
      const cell = builder.cell(id);
      if (builder.cells[id]?.answer) {
        report.error(answerCellMessage('`:::type`', name), place('cell'), 'answer-cell');
        return;
      }
      const placement = attributes.after !== undefined ? 'after' : attributes.before !== undefined ? 'before' : undefined;
      if (placement) {
        report.error(
          `Unexpected \`${placement}\` for cell \`${name}\`, which already exists: \`${placement}\` only places new cells; remove it, or type into a new cell name`,
          place(placement),
          'cell-exists'
        );
        return;
      }
      if (attributes.type !== undefined && attributes.type !== cell.type) {
        report.error(
          `Unexpected \`type=${attributes.type}\` for cell \`${name}\`, which is already a ${cell.type} cell; remove \`type\` or use a new cell name`,
          place('type'),
          'cell-exists'
        );
        return;
      }
      if (attributes.at === 'start') {
        offset = 0;
        if (cell.source !== '') {
          text = `${text}\n`;
          atStart = true;
        }
      } else {
        offset = cell.source.length;
        if (cell.source !== '' && !cell.source.endsWith('\n')) {
          text = `\n${text}`;
        }
      }
    } else {
      const created = createCell(context, name);
      if (!created) {
        return;
      }
      id = created;
      offset = 0;
    }
    builder.emit(
      {
        op: 'type',
        cell: id,
        offset,
        text,
        // Inserted at once, it still leaves time to hear what it was.
        duration: instant ? readingMs(summary ?? '', builder.options.pace) : typingMs(text, speed),
        ...(summary ? { summary } : {}),
        ...(atStart ? { atStart: true as const } : {}),
        ...(instant ? { instant: true } : {}),
        ...(line ? { line } : {})
      },
      node.position?.start
    );
    builder.lastTyped = id;
  }
};

/** Why a directive cannot edit an answer cell: its text is the learner's. */
export function answerCellMessage(directive: string, name: string): string {
  return `Unexpected ${directive} on cell \`${name}\`, an answer cell (\`::cell\` with \`placeholder\`, or named by \`:::pause\`): its text is the learner's, so the tutorial never edits it; use another cell`;
}
