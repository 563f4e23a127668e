import type { ISharedCell, YNotebook } from '@jupyter/ydoc';
import type { EditOperation, Keystroke, Script } from '../format/index.js';
import { PLAYER_ORIGIN } from './origin.js';

/**
 * Applies a script's edits to a live notebook Y.Doc, each as one Yjs
 * transaction with the player's origin.
 */
export class NotebookApplier {
  constructor(
    readonly notebook: YNotebook,
    private readonly script: Pick<Script, 'cells'>
  ) {}

  /** The notebook's cell with a script cell id, if it is there. */
  findCell(id: string): ISharedCell | undefined {
    return this.notebook.cells.find(cell => cell.id === id);
  }

  /**
   * Apply one edit. A `type` operation is applied whole, or one keystroke of
   * it when `keystroke` is given.
   */
  apply(operation: EditOperation, keystroke?: Keystroke): void {
    this.notebook.transact(() => {
      switch (operation.op) {
        case 'insert-cell': {
          const type = this.script.cells[operation.cell]?.type ?? 'code';
          const index = Math.min(operation.index, this.notebook.cells.length);
          this.notebook.insertCell(index, { cell_type: type, id: operation.cell, source: '', metadata: {} });
          break;
        }
        case 'type': {
          const cell = this.requireCell(operation.cell);
          const text = keystroke ? keystroke.text : operation.text;
          const offset = operation.offset + (keystroke ? keystroke.index : 0);
          cell.ysource.insert(Math.min(offset, cell.ysource.length), text);
          break;
        }
        case 'delete-text': {
          const cell = this.requireCell(operation.cell);
          cell.ysource.delete(operation.offset, Math.min(operation.length, cell.ysource.length - operation.offset));
          break;
        }
        case 'delete-cell': {
          const index = this.notebook.cells.findIndex(cell => cell.id === operation.cell);
          if (index >= 0) {
            this.notebook.deleteCell(index);
          }
          break;
        }
      }
    }, false, PLAYER_ORIGIN);
  }

  private requireCell(id: string): ISharedCell & { ysource: import('yjs').Text } {
    const cell = this.findCell(id);
    if (!cell) {
      throw new Error(`cell "${id}" is not in the notebook`);
    }
    return cell as ISharedCell & { ysource: import('yjs').Text };
  }
}
