import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MIN_PLAYER_WIDTH, NARROW_AREA_WIDTH, NOTEBOOK_RIGHT_SHARE, dockFor, notebookAreaFor } from '../../../src/lab/shell/layout.js';

/**
 * Where the player docks (docs/explanation/accessibility.md, R21): beside the notebook in a wide area, below
 * it in a narrow one (400 % zoom, a small window), and the side bars closed
 * first where the area cannot hold a player at all. The browser tests check
 * the same in a real JupyterLab at 320 px (test/a11y/narrow.test.ts).
 */
test('a wide area docks the player beside the notebook, a narrow one below it', () => {
  assert.deepEqual(dockFor(1280), { mode: 'split-right', tooNarrow: false });
  assert.deepEqual(dockFor(NARROW_AREA_WIDTH), { mode: 'split-right', tooNarrow: false });
  assert.deepEqual(dockFor(NARROW_AREA_WIDTH - 1), { mode: 'split-bottom', tooNarrow: false });
  assert.deepEqual(dockFor(320), { mode: 'split-bottom', tooNarrow: false });
});

test('an area narrower than the narrowest usable player asks for room first', () => {
  assert.deepEqual(dockFor(MIN_PLAYER_WIDTH), { mode: 'split-bottom', tooNarrow: false });
  assert.deepEqual(dockFor(MIN_PLAYER_WIDTH - 1), { mode: 'split-bottom', tooNarrow: true });
  assert.deepEqual(dockFor(8), { mode: 'split-bottom', tooNarrow: true });
  assert.ok(MIN_PLAYER_WIDTH < NARROW_AREA_WIDTH, 'a player that fits is never docked beside a notebook it would squeeze');
});

test('in Jupyter Notebook 7 the player docks in the right side panel where that holds a player, else below the notebook', () => {
  assert.equal(notebookAreaFor(1280), 'right');
  const narrowest = Math.ceil(MIN_PLAYER_WIDTH / NOTEBOOK_RIGHT_SHARE);
  assert.equal(notebookAreaFor(narrowest), 'right');
  assert.equal(notebookAreaFor(narrowest - 1), 'down');
  assert.equal(notebookAreaFor(320), 'down');
});
