import type { YNotebook } from '@jupyter/ydoc';
import type * as Y from 'yjs';
import { PLAYER_ORIGIN } from './origin.js';

/** A change the learner made: to a cell's source, or to the list of cells. */
export interface LearnerEdit {
  kind: 'source' | 'cells';
  /** The cell whose source changed (for `source`). */
  cellId?: string;
}

/**
 * Call `onEdit` for every local change to cell sources or the cell list
 * whose origin is not the player's: by elimination, the learner's. Outputs,
 * execution counts and metadata change when the *player* runs a cell too, so
 * they are not edits. Returns a function that stops watching.
 */
export function watchLearnerEdits(notebook: YNotebook, onEdit: (edit: LearnerEdit) => void): () => void {
  const cells = notebook.ydoc.getArray('cells');
  const listener = (transaction: Y.Transaction) => {
    if (transaction.origin === PLAYER_ORIGIN || !transaction.local) {
      return;
    }
    for (const type of transaction.changed.keys()) {
      if (type === cells) {
        onEdit({ kind: 'cells' });
        return;
      }
      const parent = type._item?.parent as Y.Map<unknown> | undefined;
      if (parent && parent.parent === cells && parent.get('source') === type) {
        onEdit({ kind: 'source', cellId: parent.get('id') as string });
        return;
      }
    }
  };
  notebook.ydoc.on('afterTransaction', listener);
  return () => notebook.ydoc.off('afterTransaction', listener);
}
