/**
 * Answer cells (`::cell{… placeholder="…"}`, or a cell a `:::pause` names)
 * as the learner sees them: marked as theirs, and while empty, showing the
 * author's placeholder (drawn by CSS from an attribute, so it is never text
 * in the cell) and giving it to screen readers as the editor's
 * `aria-placeholder`. The cells' text is the learner's: nothing here edits it.
 */
import type { Cell } from '@jupyterlab/cells';
import type { NotebookPanel } from '@jupyterlab/notebook';
import type { TranslationBundle } from '@jupyterlab/translation';
import type { Script } from '../../format/index.js';

export const ANSWER_CELL_CLASS = 'jp-Notecast-answerCell';
export const EMPTY_ANSWER_CLASS = 'jp-Notecast-emptyAnswer';
const PLACEHOLDER_ATTRIBUTE = 'data-notecast-placeholder';

/** Keep the notebook's answer cells marked; returns a function that stops. */
export function showAnswerCells(panel: NotebookPanel, script: Script, trans: TranslationBundle): () => void {
  const placeholders = new Map<string, string>();
  for (const [id, info] of Object.entries(script.cells)) {
    if (info.answer) {
      placeholders.set(id, info.placeholder ?? trans.__('Your answer'));
    }
  }
  if (!placeholders.size) {
    return () => undefined;
  }
  const notebook = panel.content;
  let frame: number | undefined;
  let stopped = false;
  // Cells not yet shown, whose editor is made when they first are (the notebook's windowing).
  const unrendered = new WeakSet<Cell>();
  const update = (): void => {
    frame = undefined;
    if (panel.isDisposed || stopped) {
      return;
    }
    for (const cell of notebook.widgets) {
      const placeholder = placeholders.get(cell.model.id);
      if (placeholder === undefined) {
        continue;
      }
      if (cell.isPlaceholder() && !unrendered.has(cell)) {
        // Scrolling to it changes nothing in the notebook: mark it the moment it is drawn.
        unrendered.add(cell);
        void cell.ready.then(schedule);
      }
      cell.addClass(ANSWER_CELL_CLASS);
      cell.toggleClass(EMPTY_ANSWER_CLASS, cell.model.sharedModel.getSource() === '');
      cell.node.querySelector('.jp-InputArea-editor')?.setAttribute(PLACEHOLDER_ATTRIBUTE, placeholder);
      cell.node.querySelector('.cm-content')?.setAttribute('aria-placeholder', placeholder);
    }
  };
  // Once a frame at most: the signal fires on every keystroke, the learner's and the player's.
  const schedule = (): void => {
    // A cell drawn after the session ended still resolves its `ready`: nothing to do then.
    if (!stopped) {
      frame ??= requestAnimationFrame(update);
    }
  };
  notebook.modelContentChanged.connect(schedule);
  schedule();
  return () => {
    stopped = true;
    notebook.modelContentChanged.disconnect(schedule);
    if (frame !== undefined) {
      cancelAnimationFrame(frame);
    }
  };
}
