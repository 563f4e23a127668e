import type { Code } from 'mdast';
import { OUTPUT_MATCHES, outputMatchProblem, userText, type OutputMatch } from '../../format/index.js';
import { isLabel, singleCodeBlock, type Directive } from './directive.js';

/** An exception's name as Python and most kernels spell one (`ZeroDivisionError`, `json.JSONDecodeError`), as long as the format allows. */
const EXCEPTION_NAME = /^(?=.{1,200}$)[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * `::run{cell=NAME}` runs a cell (by default the one typed into last) and
 * waits for the kernel. `:::run` may hold a fenced block with the expected output,
 * compared as `match=` says (`notecast test`); `error=NAME` says the run raises
 * that exception on purpose; `alt=TEXT` describes an output that is an image.
 */
export const runDirective: Directive = {
  name: 'run',
  forms: ['leafDirective', 'containerDirective'],
  usage: '`::run` or `::run{cell=NAME}` on its own line, or `:::run` holding a fenced block of the expected output',
  attributes: {
    cell: { kind: 'cell' },
    match: { kind: 'choice', values: OUTPUT_MATCHES },
    error: { kind: 'text', nonEmpty: true },
    alt: { kind: 'text', nonEmpty: true }
  },
  compile(context) {
    const { node, attributes, place, builder, report } = context;
    let expected: Code | undefined;
    if (node.type === 'containerDirective' && node.children.some(child => !isLabel(child))) {
      expected = singleCodeBlock(context, 'the expected output');
      if (!expected) {
        return;
      }
    }
    const match = attributes.match as OutputMatch | undefined;
    const error = attributes.error as string | undefined;
    // An image output cannot be written as text: `alt=` says what it shows.
    const alt = attributes.alt as string | undefined;
    if (match !== undefined && !expected) {
      report.error(
        `Unexpected \`match=${match}\` on a run without expected output, expected \`:::run{match=${match}}\` holding a fenced block of the output`,
        place('match'),
        'match-without-output'
      );
      return;
    }
    const why = expected ? outputMatchProblem(expected.value, match ?? 'exact') : undefined;
    if (why) {
      report.error(`Unexpected expected output for \`match=regex\`: it is not a regular expression (${why})`, expected ?? node, 'invalid-regex');
      return;
    }
    if (error !== undefined && !EXCEPTION_NAME.test(error)) {
      report.error(
        `Unexpected \`error=${userText(error)}\` on \`::run\`, expected the name of an exception such as \`error=ZeroDivisionError\``,
        place('error'),
        'invalid-attribute'
      );
      return;
    }
    let id: string | undefined;
    if (attributes.cell !== undefined) {
      id = builder.resolve(attributes.cell as string, place('cell'));
    } else if (builder.lastTyped !== undefined) {
      id = builder.lastTyped;
    } else {
      report.error(
        'Unexpected `::run` with no cell to run: no cell has been typed into yet; write `::run{cell=NAME}` or put a `:::type` before it',
        node,
        'run-without-cell'
      );
    }
    if (!id) {
      return;
    }
    const line = node.position?.start.line;
    builder.emit(
      {
        op: 'run',
        cell: id,
        ...(expected ? { expect: expected.value } : {}),
        ...(match !== undefined && match !== 'exact' ? { match } : {}),
        ...(error !== undefined ? { error } : {}),
        ...(alt !== undefined ? { alt } : {}),
        ...(line ? { line } : {})
      },
      node.position?.start
    );
  }
};
