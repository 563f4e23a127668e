/**
 * JupyterLab keeps one blank cell in an empty notebook. Once the tutorial
 * has put cells of its own there, that placeholder (and any other blank cell
 * the tutorial does not know) goes, with the player's origin, so it is not
 * the learner's edit.
 */
import type { YNotebook } from '@jupyter/ydoc';
import { NotebookActions, type NotebookPanel } from '@jupyterlab/notebook';
import { PLAYER_ORIGIN } from '../../apply/index.js';
import type { NotebookState } from '../../format/index.js';

export function removePlaceholders(panel: NotebookPanel, ynotebook: YNotebook, expected: NotebookState): void {
  const cells = ynotebook.cells;
  const placeholders = cells
    .map((cell, index) => ({ cell, index }))
    .filter(({ cell }) => !expected.get(cell.id) && cell.getSource() === '' && cell.cell_type !== 'raw');
  if (!placeholders.length || placeholders.length === cells.length) {
    return;
  }
  // Removing the cell that has focus would drop focus to <body>, where no shortcut works:
  // keep it in the notebook, on the cell that took the placeholder's place.
  const notebook = panel.content;
  const focused = document.activeElement;
  const hadFocus = placeholders.some(({ index }) => notebook.widgets[index]?.node.contains(focused));
  ynotebook.transact(
    () => {
      for (const { index } of placeholders.reverse()) {
        ynotebook.deleteCell(index);
      }
    },
    false,
    PLAYER_ORIGIN
  );
  if (hadFocus && !notebook.node.contains(document.activeElement)) {
    void NotebookActions.focusActiveCell(notebook, { preventScroll: true });
  }
}
