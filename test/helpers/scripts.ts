import type { Operation, Script } from '../../src/format/index.js';

/** A script with one code cell `a` and one step doing `operations`, for tests of what reads scripts. */
export function oneCellScript(operations: Operation[], fields: { title?: string; kernel?: string; step?: string } = {}): Script {
  return {
    version: 1,
    title: fields.title ?? 'T',
    kernel: fields.kernel ?? 'python3',
    cells: { a: { name: 'a', type: 'code' } },
    steps: [{ title: fields.step ?? 'S', narration: '', narrationMs: 0, operations }]
  };
}
