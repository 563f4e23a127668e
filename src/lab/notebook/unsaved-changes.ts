/**
 * What the player writes into the notebook is the learner's unsaved work, like
 * what they type themselves: JupyterLab shows the tab as changed, asks before
 * closing it, and autosaves it.
 *
 * JupyterLab keeps that flag in the shared model (`dirty` in the document's
 * state map). Its editor binding sets it with every keystroke, and
 * `@jupyter/ydoc`'s methods (`insertCell`, `setSource`, …) set it too, but a raw
 * `Y.Text` edit (how the player types) does not. So: after every local
 * transaction with the player's origin that changed the cells, set it.
 */
import type { YNotebook } from '@jupyter/ydoc';
import type * as Y from 'yjs';

/**
 * Marks `notebook` dirty after each of `origin`'s edits to its cells (not
 * after a transaction that only touched metadata or state). Returns a function
 * that stops watching.
 */
export function markDirtyOnEdits(notebook: YNotebook, origin: unknown): () => void {
  const cells = notebook.ydoc.getArray<unknown>('cells');
  let pending = false;
  const onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin !== origin || !transaction.local || pending || notebook.dirty) {
      return;
    }
    const changedCells = [...transaction.changed.keys()].some(type => type === cells || isInCell(type, cells));
    if (!changedCells) {
      return;
    }
    // Not from inside this transaction's cleanup: Yjs runs a transaction started there out of order.
    pending = true;
    queueMicrotask(() => {
      pending = false;
      if (!notebook.isDisposed && !notebook.dirty) {
        notebook.transact(() => (notebook.dirty = true), false, origin);
      }
    });
  };
  notebook.ydoc.on('afterTransaction', onTransaction);
  return () => notebook.ydoc.off('afterTransaction', onTransaction);
}

/** Whether `type` is part of a cell of `cells` (its source, outputs, metadata, …): walks up its items' parents. */
function isInCell(type: { _item: Y.Item | null }, cells: Y.Array<unknown>): boolean {
  for (let item = type._item; item; item = (item.parent as { _item?: Y.Item | null } | null)?._item ?? null) {
    if (item.parent === cells) {
      return true;
    }
  }
  return false;
}
