import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NotebookState, type CellState } from '../../../src/format/index.js';
import { seededRandom } from '../../../src/format/keystrokes.js';

/** The plain-array answer `compareWith` must give. */
function naiveCompare(from: readonly CellState[], to: readonly CellState[]) {
  const shared = Math.min(from.length, to.length);
  const kept = (x: CellState, y: CellState) => x.id === y.id && x.type === y.type;
  let prefix = 0;
  while (prefix < shared && kept(from[prefix], to[prefix])) prefix++;
  let suffix = 0;
  while (suffix < shared - prefix && kept(from[from.length - 1 - suffix], to[to.length - 1 - suffix])) suffix++;
  const changed: number[] = [];
  for (let i = 0; i < to.length; i++) {
    const j = i < prefix ? i : i + from.length - to.length;
    if ((i < prefix || i >= to.length - suffix) && from[j].source !== to[i].source) changed.push(i);
  }
  return { prefix, suffix, changed };
}

const cell = (n: number, source = `s${n}`): CellState => ({ id: `c${n}`, type: n % 3 ? 'code' : 'markdown', source });

test('a state and its edited copy: cells, lookups and the comparison match a plain array, and the original never changes', () => {
  const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 1_000_000);
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  let next = 0;
  for (let run = 0; run < 200; run++) {
    const size = pick(run % 2 ? 300 : 12);
    const cells = Array.from({ length: size }, () => cell(next++));
    const base = new NotebookState(cells);
    const copy = base.clone();
    const model = [...cells];
    for (let edit = pick(8); edit > 0; edit--) {
      const kind = pick(4);
      if (kind === 0 || !model.length) {
        const at = pick(model.length + 1);
        const added = cell(next++, '');
        assert.equal(
          copy.apply({ op: 'insert-cell', at: 0, cell: added.id, index: at }, { cells: { [added.id]: { name: added.id, type: added.type } } }),
          null
        );
        model.splice(at, 0, added);
      } else if (kind === 1) {
        const at = pick(model.length);
        assert.equal(copy.apply({ op: 'delete-cell', at: 0, cell: model[at].id }, { cells: {} }), null);
        model.splice(at, 1);
      } else {
        const at = pick(model.length);
        assert.equal(copy.apply({ op: 'type', at: 0, cell: model[at].id, offset: 0, text: 'x', duration: 10 }, { cells: {} }), null);
        model[at] = { ...model[at], source: `x${model[at].source}` };
      }
    }
    const context = `seed ${seed} run ${run} (PROPERTY_SEED=${seed} replays it)`;
    assert.deepEqual(copy.cells, model, context);
    assert.deepEqual(base.cells, cells, `the original changed: ${context}`);
    for (let i = 0; i < model.length; i++) {
      assert.equal(copy.cellAt(i), copy.cells[i], context);
      assert.equal(copy.indexOf(model[i].id), i, context);
    }
    assert.deepEqual(base.compareWith(copy), naiveCompare(cells, model), context);
    assert.deepEqual(copy.compareWith(base), naiveCompare(model, cells), context);
  }
});

test('a step on a long notebook: the copy shares the untouched cells and the comparison finds just its edits', () => {
  const base = new NotebookState(Array.from({ length: 5000 }, (_, n) => cell(n)));
  const next = base.clone();
  next.apply({ op: 'insert-cell', at: 0, cell: 'new', index: 5000 }, { cells: { new: { name: 'new', type: 'code' } } });
  next.apply({ op: 'type', at: 0, cell: 'c4990', offset: 0, text: 'y', duration: 10 }, { cells: {} });
  // Reading a cell of an untouched chunk through the copy finds the original's object.
  assert.equal(next.cellAt(10), base.cellAt(10));
  assert.deepEqual(base.compareWith(next), { prefix: 5000, suffix: 0, changed: [4990] });
});

test('slices of a state read across its chunks', () => {
  const cells = Array.from({ length: 200 }, (_, n) => cell(n));
  const state = new NotebookState(cells).clone();
  for (const [start, end] of [
    [0, 200],
    [5, 6],
    [31, 33],
    [60, 140],
    [199, 200],
    [10, 10],
    [150, 400]
  ]) {
    assert.deepEqual(state.slice(start, end), cells.slice(start, end), `${start}..${end}`);
  }
});

test('long edit sequences with lookups between them: the index of cells by id stays right through chunk splits, emptied chunks and copies', () => {
  const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 1_000_000);
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  let next = 0;
  for (let run = 0; run < 6; run++) {
    const cells = Array.from({ length: pick(400) }, () => cell(next++));
    let state = new NotebookState(cells);
    const model = [...cells];
    const context = () => `seed ${seed} run ${run} (PROPERTY_SEED=${seed} replays it)`;
    for (let edit = 0; edit < 3000; edit++) {
      const kind = pick(10);
      // Inserting near one place fills and splits a chunk; deleting around one empties chunks.
      const near = (n: number) => (random() < 0.5 ? Math.min(n - 1, pick(4)) : pick(n));
      if (kind < 4 || !model.length) {
        const at = random() < 0.3 ? model.length : near(model.length + 1);
        const added = cell(next++, '');
        assert.equal(
          state.apply({ op: 'insert-cell', at: 0, cell: added.id, index: at }, { cells: { [added.id]: { name: added.id, type: added.type } } }),
          null,
          context()
        );
        model.splice(at, 0, added);
      } else if (kind < 7) {
        const at = near(model.length);
        assert.equal(state.apply({ op: 'delete-cell', at: 0, cell: model[at].id }, { cells: {} }), null, context());
        model.splice(at, 1);
      } else if (kind < 9) {
        const at = pick(model.length);
        assert.equal(state.apply({ op: 'type', at: 0, cell: model[at].id, offset: 0, text: 'x', duration: 10 }, { cells: {} }), null, context());
        model[at] = { ...model[at], source: `x${model[at].source}` };
      } else {
        // A copy takes over; the original must not change from now on.
        const frozen = state;
        const frozenCells = [...frozen.cells];
        state = frozen.clone();
        state.apply({ op: 'insert-cell', at: 0, cell: 'probe', index: 0 }, { cells: { probe: { name: 'probe', type: 'code' } } });
        state.apply({ op: 'delete-cell', at: 0, cell: 'probe' }, { cells: {} });
        assert.deepEqual(frozen.cells, frozenCells, context());
      }
      if (model.length) {
        const probe = pick(model.length);
        assert.equal(state.indexOf(model[probe].id), probe, context());
        assert.equal(state.cellAt(probe), state.get(model[probe].id), context());
      }
      assert.equal(state.indexOf(`c${next + 5}`), -1, context());
    }
    assert.deepEqual(state.cells, model, context());
  }
});

test('a notebook read from outside may repeat an id: lookups find the last such cell, before and after edits', () => {
  const cells = Array.from({ length: 300 }, (_, n) => cell(n));
  cells[150] = { ...cells[3] };
  const state = new NotebookState(cells);
  assert.equal(state.indexOf('c3'), 150);
  assert.equal(state.apply({ op: 'delete-cell', at: 0, cell: 'c3' }, { cells: {} }), null);
  assert.equal(state.indexOf('c3'), 3);
  assert.equal(state.indexOf('c299'), 298);
  assert.equal(state.indexOf('c10'), 10);
  // A repeat made by an edit on an indexed list is found too.
  const indexed = new NotebookState(Array.from({ length: 300 }, (_, n) => cell(n)));
  assert.equal(indexed.indexOf('c7'), 7);
  assert.equal(indexed.apply({ op: 'insert-cell', at: 0, cell: 'c7', index: 250 }, { cells: { c7: { name: 'c7', type: 'code' } } }, true), null);
  assert.equal(indexed.indexOf('c7'), 250);
  assert.equal(indexed.apply({ op: 'delete-cell', at: 0, cell: 'c7' }, { cells: {} }), null);
  assert.equal(indexed.indexOf('c7'), 7);
});
