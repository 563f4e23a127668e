import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, test } from 'node:test';
import { YNotebook, type YCodeCell } from '@jupyter/ydoc';
import type * as Y from 'yjs';
import { Keyframes, NotebookApplier, PLAYER_ORIGIN, watchLearnerEdits, type EditConflict } from '../../../src/apply/index.js';
import { compile } from '../../../src/compiler/index.js';
import { expandKeystrokes, isEditOperation, NotebookState, type Script, type TypeOperation } from '../../../src/format/index.js';
import { fromRoot } from '../../helpers/paths.js';

const notebooks: YNotebook[] = [];
afterEach(() => notebooks.splice(0).forEach(notebook => notebook.dispose()));

function newNotebook(): YNotebook {
  const notebook = YNotebook.create();
  notebooks.push(notebook);
  return notebook;
}

const script: Pick<Script, 'cells'> = {
  cells: { a: { name: 'alpha', type: 'code' }, b: { name: 'beta', type: 'markdown' } }
};

function source(notebook: YNotebook, id: string): string | undefined {
  return (notebook.cells.find(cell => cell.id === id) as { ysource: Y.Text } | undefined)?.ysource.toJSON();
}

/** What the learner does: an ordinary, undoable local edit. */
function learnerTypes(notebook: YNotebook, id: string, index: number, text: string): void {
  const cell = notebook.cells.find(c => c.id === id) as unknown as { ysource: Y.Text };
  notebook.transact(() => cell.ysource.insert(index, text), true);
}

function typeOp(text: string, offset = 0, cell = 'a'): TypeOperation {
  return { op: 'type', at: 0, cell, offset, text, duration: 100 };
}

test("the player's edits never enter the learner's undo history", () => {
  const notebook = newNotebook();
  const applier = new NotebookApplier(notebook, script);
  applier.apply({ op: 'insert-cell', at: 0, cell: 'a', index: 0 });
  for (const key of expandKeystrokes(typeOp('x = 1'))) {
    applier.apply(typeOp('x = 1'), key);
  }
  assert.equal(notebook.undoManager.undoStack.length, 0);
  learnerTypes(notebook, 'a', 5, '  # mine');
  assert.equal(notebook.undoManager.undoStack.length, 1);
  notebook.undoManager.undo();
  assert.equal(source(notebook, 'a'), 'x = 1', "undo removes the learner's edit only");
});

test('typing lands in place while the learner edits elsewhere in the same cell', () => {
  const notebook = newNotebook();
  const applier = new NotebookApplier(notebook, script);
  applier.apply({ op: 'insert-cell', at: 0, cell: 'a', index: 0 });
  applier.apply(typeOp('first\nlast'));
  const operation = typeOp('middle\n', 6);
  const keys = expandKeystrokes(operation);
  keys.forEach((key, i) => {
    applier.apply(operation, key);
    if (i === 2) {
      learnerTypes(notebook, 'a', 0, '# learner\n');
    }
    if (i === 4) {
      learnerTypes(notebook, 'a', source(notebook, 'a')!.length, '\n# end');
    }
  });
  assert.equal(source(notebook, 'a'), '# learner\nfirst\nmiddle\nlast\n# end');
});

test("an operation that starts after the learner's edit maps its offset onto their text", () => {
  const notebook = newNotebook();
  const applier = new NotebookApplier(notebook, script);
  applier.apply({ op: 'insert-cell', at: 0, cell: 'a', index: 0 });
  applier.apply(typeOp('def f():\n    return 1'));
  learnerTypes(notebook, 'a', 0, 'import math\n');
  applier.apply(typeOp('\nprint(f())', 21));
  assert.equal(source(notebook, 'a'), 'import math\ndef f():\n    return 1\nprint(f())');
});

test('an edit on a cell the learner deleted is a conflict in words, not an exception', () => {
  const notebook = newNotebook();
  const applier = new NotebookApplier(notebook, script);
  applier.apply({ op: 'insert-cell', at: 0, cell: 'a', index: 0 });
  applier.apply(typeOp('x = 1'));
  notebook.transact(() => notebook.deleteCell(0), true);
  const result = applier.apply(typeOp(' + 1', 5)) as EditConflict;
  assert.match(result.conflict, /types into the cell “alpha”, which is no longer in the notebook/);
  const replace = applier.apply({ op: 'delete-text', at: 0, cell: 'a', offset: 0, length: 1 }) as EditConflict;
  assert.match(replace.conflict, /the cell “alpha”/);
});

test('replacing text the learner changed is a conflict; text they only moved is still found', () => {
  const notebook = newNotebook();
  const applier = new NotebookApplier(notebook, script);
  applier.apply({ op: 'insert-cell', at: 0, cell: 'a', index: 0 });
  applier.apply(typeOp('total = max(rows)'));
  const cell = notebook.cells[0] as unknown as { ysource: Y.Text };
  notebook.transact(() => {
    cell.ysource.delete(0, cell.ysource.length);
    cell.ysource.insert(0, 'rows = []\ntotal = max(rows)');
  }, true);
  assert.equal(applier.apply({ op: 'delete-text', at: 0, cell: 'a', offset: 8, length: 3 }), undefined);
  assert.equal(source(notebook, 'a'), 'rows = []\ntotal = (rows)');
  learnerTypes(notebook, 'a', 0, '#');
  const changed = newNotebook();
  const other = new NotebookApplier(changed, script);
  other.apply({ op: 'insert-cell', at: 0, cell: 'a', index: 0 });
  other.apply(typeOp('total = max(rows)'));
  const c = changed.cells[0] as unknown as { ysource: Y.Text };
  changed.transact(() => c.ysource.delete(8, 3), true);
  const conflict = other.apply({ op: 'delete-text', at: 0, cell: 'a', offset: 8, length: 3 }) as EditConflict;
  assert.match(conflict.conflict, /replaces “max” in the cell “alpha”, but your version of the cell no longer has it/);
});

test('a new cell goes after the cell the tutorial has before it, even when the learner added cells', () => {
  const notebook = newNotebook();
  const applier = new NotebookApplier(notebook, script);
  applier.apply({ op: 'insert-cell', at: 0, cell: 'a', index: 0 });
  notebook.transact(() => notebook.insertCell(0, { cell_type: 'code', id: 'learner', source: 'mine' }), true);
  applier.apply({ op: 'insert-cell', at: 0, cell: 'b', index: 1 });
  assert.deepEqual(
    notebook.cells.map(cell => cell.id),
    ['learner', 'a', 'b']
  );
  assert.equal(notebook.cells[2].cell_type, 'markdown');
});

test('restore reaches the state exactly with minimal edits on the same document', () => {
  const notebook = newNotebook();
  const applier = new NotebookApplier(notebook, script);
  applier.apply({ op: 'insert-cell', at: 0, cell: 'a', index: 0 });
  applier.apply(typeOp('x = 1\ny = 2'));
  const ysourceBefore = (notebook.cells[0] as unknown as { ysource: Y.Text }).ysource;
  learnerTypes(notebook, 'a', 5, ' # changed');
  notebook.transact(() => notebook.insertCell(1, { cell_type: 'code', id: 'extra', source: 'learner' }), true);
  (notebook.cells[0] as YCodeCell).setOutputs([{ output_type: 'stream', name: 'stdout', text: 'old\n' }]);
  const target = new NotebookState([
    { id: 'b', type: 'markdown', source: '# Title' },
    { id: 'a', type: 'code', source: 'x = 1\ny = 3' }
  ]);
  const ydoc = notebook.ydoc;
  const undoItems = notebook.undoManager.undoStack.length;
  applier.restore(target);
  assert.equal(notebook.ydoc, ydoc);
  assert.deepEqual(
    notebook.cells.map(cell => [cell.id, cell.cell_type, cell.source]),
    [
      ['b', 'markdown', '# Title'],
      ['a', 'code', 'x = 1\ny = 3']
    ]
  );
  assert.deepEqual((notebook.cells[1] as YCodeCell).outputs, [], 'stale outputs are cleared');
  assert.equal(notebook.undoManager.undoStack.length, undoItems, 'restoring adds nothing to undo');
  const unchanged = newNotebook();
  const quiet = new NotebookApplier(unchanged, script);
  quiet.apply({ op: 'insert-cell', at: 0, cell: 'a', index: 0 });
  quiet.apply(typeOp('same'));
  const ysource = (unchanged.cells[0] as unknown as { ysource: Y.Text }).ysource;
  quiet.restore(new NotebookState([{ id: 'a', type: 'code', source: 'same' }]));
  assert.equal((unchanged.cells[0] as unknown as { ysource: Y.Text }).ysource, ysource, 'an unchanged cell keeps its Y.Text');
  assert.ok(ysourceBefore);
});

test('keyframes give the same state as replaying from the start, for every step', () => {
  for (const name of ['01-python-basics.md', '02-functions-and-errors.md', '03-data-exploration.md']) {
    const { script: compiled } = compile(readFileSync(fromRoot('tutorials', name)));
    assert.ok(compiled);
    const keyframes = new Keyframes(compiled, 2);
    const state = new NotebookState();
    for (let step = 0; step <= compiled.steps.length; step++) {
      assert.deepEqual(keyframes.at(step).cells, state.cells, `${name} step ${step}`);
      for (const operation of compiled.steps[step]?.operations ?? []) {
        if (isEditOperation(operation)) {
          state.apply(operation, compiled);
        }
      }
    }
  }
});

test("learner edits are reported; the player's own edits and outputs are not", () => {
  const notebook = newNotebook();
  const applier = new NotebookApplier(notebook, script);
  const edits: unknown[] = [];
  const stop = watchLearnerEdits(notebook, edit => edits.push(edit));
  applier.apply({ op: 'insert-cell', at: 0, cell: 'a', index: 0 });
  applier.apply(typeOp('x = 1'));
  (notebook.cells[0] as YCodeCell).setOutputs([{ output_type: 'stream', name: 'stdout', text: '1\n' }]);
  (notebook.cells[0] as YCodeCell).execution_count = 3;
  assert.deepEqual(edits, []);
  learnerTypes(notebook, 'a', 0, '#');
  notebook.transact(() => notebook.insertCell(1, { cell_type: 'code', source: '' }), true);
  notebook.ydoc.transact(() => (notebook.cells[0] as unknown as { ysource: Y.Text }).ysource.insert(0, '!'), 'codemirror');
  assert.deepEqual(edits, [{ kind: 'source', cellId: 'a' }, { kind: 'cells' }, { kind: 'source', cellId: 'a' }]);
  stop();
  learnerTypes(notebook, 'a', 0, '#');
  assert.equal(edits.length, 3, 'nothing is reported after stopping');
  assert.ok(PLAYER_ORIGIN);
});

test("the tutorial never deletes a cell that holds the learner's changes", () => {
  const notebook = newNotebook();
  const applier = new NotebookApplier(notebook, script);
  applier.apply({ op: 'insert-cell', at: 0, cell: 'a', index: 0 });
  applier.apply(typeOp('scratch'));
  learnerTypes(notebook, 'a', 7, ' # keep me');
  const result = applier.apply({ op: 'delete-cell', at: 0, cell: 'a' }) as EditConflict;
  assert.match(result.conflict, /deletes the cell “alpha”, which holds your changes/);
  assert.equal(source(notebook, 'a'), 'scratch # keep me');
});

test('keyframes answer any order of seeks the same, and a restore never changes the state it was given', () => {
  const { script: compiled } = compile(readFileSync(fromRoot('tutorials', '02-functions-and-errors.md')));
  assert.ok(compiled);
  const reference = new Keyframes(compiled, 4);
  const expected = Array.from({ length: compiled.steps.length + 1 }, (_, step) => structuredClone(reference.at(step).cells));
  const keyframes = new Keyframes(compiled, 4);
  const applier = new NotebookApplier(newNotebook(), compiled);
  // Forward one at a time (the cached last answer), backwards, jumps, repeats.
  const order = [0, 1, 2, 3, 3, 7, 6, 2, compiled.steps.length, 1, 5, 9, 8, 0];
  for (const step of order.filter(step => step <= compiled.steps.length)) {
    const state = keyframes.at(step);
    assert.deepEqual(state.cells, expected[step], `step ${step}`);
    applier.restore(state);
    // Playing the step edits the applier's own copy, never the keyframe it was given.
    for (const operation of compiled.steps[step]?.operations ?? []) {
      if (isEditOperation(operation)) {
        applier.apply(operation);
      }
    }
    assert.deepEqual(state.cells, expected[step], `step ${step} after playing it`);
    assert.deepEqual(keyframes.at(step).cells, expected[step], `step ${step} asked again`);
  }
});
