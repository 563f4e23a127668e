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
  const listener = (transaction: Y.Transaction) => {
    const edit = learnerEditIn(transaction, notebook);
    if (edit) {
      onEdit(edit);
    }
  };
  notebook.ydoc.on('afterTransaction', listener);
  return () => notebook.ydoc.off('afterTransaction', listener);
}

/** The learner's edit in a transaction on the notebook's document, if it is one. */
export function learnerEditIn(transaction: Y.Transaction, notebook: YNotebook): LearnerEdit | undefined {
  if (transaction.origin === PLAYER_ORIGIN || !transaction.local) {
    return undefined;
  }
  const cells = notebook.ydoc.getArray('cells');
  for (const type of transaction.changed.keys()) {
    if (type === cells) {
      return { kind: 'cells' };
    }
    const parent = type._item?.parent as Y.Map<unknown> | undefined;
    if (parent && parent.parent === cells && parent.get('source') === type) {
      return { kind: 'source', cellId: parent.get('id') as string };
    }
  }
  return undefined;
}
