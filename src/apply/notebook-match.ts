import type { YNotebook } from '@jupyter/ydoc';
import { isEditOperation, type NotebookState, type Script, type TypeOperation } from '../format/index.js';
import type { Keyframes } from './keyframes.js';

export interface MatchOptions {
  /**
   * Let blank cells the state does not know pass: JupyterLab keeps one blank
   * cell in an empty notebook, and the learner has written nothing in it.
   */
  ignoreBlankCells?: boolean;
}

/**
 * Whether the notebook holds exactly `state`: the same cells, in the same
 * order, with the same types and sources. Anything else is someone else's
 * writing (the learner's), which a restore would replace.
 */
export function notebookMatches(notebook: YNotebook, state: NotebookState, options: MatchOptions = {}): boolean {
  const expected = state.cells;
  let next = 0;
  for (const cell of notebook.cells) {
    const want = expected[next];
    const source = cell.getSource();
    if (want && want.id === cell.id) {
      if (want.type !== cell.cell_type || want.source !== source) {
        return false;
      }
      next++;
    } else if (!options.ignoreBlankCells || source.trim() !== '' || state.indexOf(cell.id) >= 0) {
      return false;
    }
  }
  return next === expected.length;
}

/**
 * Whether the notebook is where the player itself left it inside step
 * `index`: the step's start, then some of the step's edits, the last one
 * perhaps typed part way. A notebook saved (or autosaved) there holds the
 * player's typing, not the learner's.
 */
export function isPlayerProgress(notebook: YNotebook, script: Script, keyframes: Keyframes, index: number, options: MatchOptions = {}): boolean {
  const state = keyframes.at(index).clone();
  for (const operation of script.steps[index]?.operations ?? []) {
    if (!isEditOperation(operation)) {
      continue;
    }
    if (notebookMatches(notebook, state, options) || (operation.op === 'type' && isTypedPartWay(notebook, script, state, operation, options))) {
      return true;
    }
    if (state.apply(operation, script, true) !== null) {
      return false;
    }
  }
  return notebookMatches(notebook, state, options);
}

/** Whether the notebook is `state` with the start of `operation`'s text typed. */
function isTypedPartWay(notebook: YNotebook, script: Script, state: NotebookState, operation: TypeOperation, options: MatchOptions): boolean {
  const before = state.get(operation.cell)?.source;
  const live = notebook.cells.find(cell => cell.id === operation.cell)?.getSource();
  if (before === undefined || live === undefined) {
    return false;
  }
  const typed = live.length - before.length;
  if (typed <= 0 || typed >= operation.text.length) {
    return false;
  }
  const partWay = state.clone();
  partWay.apply({ ...operation, text: operation.text.slice(0, typed) }, script, true);
  return notebookMatches(notebook, partWay, options);
}
