import type { Code } from 'mdast';
import { isLabel, singleCodeBlock, type Directive } from './directive.js';

/**
 * `::run{cell=NAME}` runs a cell (by default the one typed into last) and
 * waits for the kernel. `:::run` may hold a fenced block with the expected output.
 */
export const runDirective: Directive = {
  name: 'run',
  forms: ['leafDirective', 'containerDirective'],
  usage: '`::run` or `::run{cell=NAME}` on its own line, or `:::run` holding a fenced block of the expected output',
  attributes: { cell: { kind: 'cell' } },
  compile(context) {
    const { node, attributes, builder, report } = context;
    let expected: Code | undefined;
    if (node.type === 'containerDirective' && node.children.some(child => !isLabel(child))) {
      expected = singleCodeBlock(context, 'the expected output');
      if (!expected) {
        return;
      }
    }
    let id: string | undefined;
    if (attributes.cell !== undefined) {
      id = builder.resolve(attributes.cell as string, node);
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
    builder.emit({ op: 'run', cell: id, ...(expected ? { expect: expected.value } : {}), ...(line ? { line } : {}) });
  }
};
