import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { YNotebook } from '@jupyter/ydoc';
import type * as Y from 'yjs';
import { Keyframes, NotebookApplier, playToNotebook } from '../../../src/apply/index.js';
import { expandKeystrokes, type Operation, type Script, type TypeOperation } from '../../../src/format/index.js';

/**
 * Long tutorials, played with the real applier on a real notebook: each
 * would take minutes if a cell or a keystroke cost time in proportion to the
 * notebook (as they did), and each checks the notebook it ends with.
 */
const notebooks: YNotebook[] = [];
afterEach(() => notebooks.splice(0).forEach(notebook => notebook.dispose()));

/** `count` steps, each adding a cell at the end and typing into it. */
function manyCells(count: number): Script {
  const cells: Script['cells'] = {};
  const steps = Array.from({ length: count }, (_, i) => {
    cells[`c${i}`] = { name: `c${i}`, type: i % 3 === 0 ? 'markdown' : 'code' };
    const operations: Operation[] = [
      { op: 'insert-cell', at: 0, cell: `c${i}`, index: i },
      { op: 'type', at: 0, cell: `c${i}`, offset: 0, text: `value_${i} = ${i}`, duration: 100 }
    ];
    return { title: `Step ${i + 1}`, narration: '', narrationMs: 0, operations };
  });
  return { version: 1, title: 'Many cells', kernel: 'python3', cells, steps };
}

test('the notebook at the end of a 20,000-cell tutorial has every cell, in order', () => {
  const notebook = playToNotebook(manyCells(20_000));
  assert.equal(notebook.cells.length, 20_000);
  for (const index of [0, 1, 2, 9_999, 19_999]) {
    const cell = notebook.cells[index];
    assert.equal(cell.id, `c${index}`);
    assert.equal(cell.cell_type, index % 3 === 0 ? 'markdown' : 'code');
    assert.equal(cell.source, `value_${index} = ${index}`);
  }
});

test('seeking an empty notebook to the end of a 20,000-cell tutorial gives it every cell', () => {
  const script = manyCells(20_000);
  const notebook = YNotebook.create();
  notebooks.push(notebook);
  const applier = new NotebookApplier(notebook, script);
  applier.restore(new Keyframes(script).at(script.steps.length));
  assert.deepEqual(
    notebook.cells.map(cell => cell.id),
    script.steps.map((_, i) => `c${i}`)
  );
  assert.equal(applier.cellIndex('c19999'), 19_999);
  assert.ok(applier.matchesExpected());
  applier.dispose();
});

test('a 100,000-character block typed keystroke by keystroke lands whole, and the applier knows it', () => {
  const text = 'for x in range(10):\n    print(x)  # é\n'.repeat(2700).slice(0, 100_000);
  const script: Pick<Script, 'cells'> = { cells: { a: { name: 'a', type: 'code' } } };
  const notebook = YNotebook.create();
  notebooks.push(notebook);
  const applier = new NotebookApplier(notebook, script);
  applier.apply({ op: 'insert-cell', at: 0, cell: 'a', index: 0 });
  applier.apply({ op: 'type', at: 0, cell: 'a', offset: 0, text: 'start\n', duration: 10 });
  const typing: TypeOperation = { op: 'type', at: 0, cell: 'a', offset: 6, text, duration: 1_000_000 };
  for (const key of expandKeystrokes(typing)) {
    assert.equal(applier.apply(typing, key), undefined);
  }
  const cell = notebook.cells[0] as unknown as { ysource: Y.Text };
  assert.equal(cell.ysource.toJSON(), `start\n${text}`);
  assert.equal(applier.expectedState.get('a')?.source, `start\n${text}`);
  assert.ok(applier.matchesExpected());
  applier.dispose();
});
