import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { YNotebook } from '@jupyter/ydoc';
import { isPlayerProgress, Keyframes, notebookMatches } from '../../../src/apply/index.js';
import { compile } from '../../../src/compiler/index.js';
import { NotebookState } from '../../../src/format/index.js';

const notebooks: YNotebook[] = [];
afterEach(() => notebooks.splice(0).forEach(notebook => notebook.dispose()));

function notebookOf(cells: Array<{ id: string; type?: 'code' | 'markdown'; source: string }>): YNotebook {
  const notebook = YNotebook.create();
  notebooks.push(notebook);
  notebook.insertCells(
    0,
    cells.map(cell => ({ cell_type: cell.type ?? 'code', id: cell.id, source: cell.source, metadata: {} }))
  );
  return notebook;
}

const state = new NotebookState([
  { id: 'a', type: 'code', source: 'x = 1' },
  { id: 'b', type: 'markdown', source: '# Notes' }
]);

test('a notebook matches a state only with the same cells, in order, of the same types and sources', () => {
  assert.ok(
    notebookMatches(
      notebookOf([
        { id: 'a', source: 'x = 1' },
        { id: 'b', type: 'markdown', source: '# Notes' }
      ]),
      state
    )
  );
  assert.ok(
    !notebookMatches(
      notebookOf([
        { id: 'a', source: 'x = 2' },
        { id: 'b', type: 'markdown', source: '# Notes' }
      ]),
      state
    ),
    'source'
  );
  assert.ok(
    !notebookMatches(
      notebookOf([
        { id: 'a', source: 'x = 1' },
        { id: 'b', source: '# Notes' }
      ]),
      state
    ),
    'type'
  );
  assert.ok(
    !notebookMatches(
      notebookOf([
        { id: 'b', type: 'markdown', source: '# Notes' },
        { id: 'a', source: 'x = 1' }
      ]),
      state
    ),
    'order'
  );
  assert.ok(!notebookMatches(notebookOf([{ id: 'a', source: 'x = 1' }]), state), 'a cell missing');
});

test("blank cells of its own pass only when asked to, and never a cell with the learner's text", () => {
  const withPlaceholder = notebookOf([
    { id: 'a', source: 'x = 1' },
    { id: 'p', source: '' },
    { id: 'b', type: 'markdown', source: '# Notes' }
  ]);
  assert.ok(!notebookMatches(withPlaceholder, state));
  assert.ok(notebookMatches(withPlaceholder, state, { ignoreBlankCells: true }));
  const withText = notebookOf([
    { id: 'a', source: 'x = 1' },
    { id: 'b', type: 'markdown', source: '# Notes' },
    { id: 'mine', source: 'print(2)' }
  ]);
  assert.ok(!notebookMatches(withText, state, { ignoreBlankCells: true }));
  // A tutorial cell emptied by the learner is not a placeholder.
  const emptied = notebookOf([
    { id: 'a', source: '' },
    { id: 'b', type: 'markdown', source: '# Notes' }
  ]);
  assert.ok(!notebookMatches(emptied, state, { ignoreBlankCells: true }));
});

test("the player's own progress inside a step is recognised, part-typed code included; the learner's writing is not", () => {
  const { script } = compile('---\ntitle: T\n---\n\n# One\n\n:::type{cell=a}\n```python\ntotal = 40 + 2\n```\n:::\n');
  assert.ok(script);
  const keyframes = new Keyframes(script);
  assert.ok(isPlayerProgress(notebookOf([]), script, keyframes, 0), 'the step not started');
  assert.ok(isPlayerProgress(notebookOf([{ id: 'a', source: '' }]), script, keyframes, 0), 'the cell inserted');
  assert.ok(isPlayerProgress(notebookOf([{ id: 'a', source: 'total = 4' }]), script, keyframes, 0), 'typed part way');
  assert.ok(isPlayerProgress(notebookOf([{ id: 'a', source: 'total = 40 + 2' }]), script, keyframes, 0), 'the step done');
  assert.ok(!isPlayerProgress(notebookOf([{ id: 'a', source: 'total = 7' }]), script, keyframes, 0), "the learner's text");
  assert.ok(
    !isPlayerProgress(
      notebookOf([
        { id: 'a', source: 'total = 40 + 2' },
        { id: 'mine', source: '1' }
      ]),
      script,
      keyframes,
      0
    )
  );
  assert.ok(
    isPlayerProgress(
      notebookOf([
        { id: 'p', source: '' },
        { id: 'a', source: 'tot' }
      ]),
      script,
      keyframes,
      0,
      { ignoreBlankCells: true }
    )
  );
});
