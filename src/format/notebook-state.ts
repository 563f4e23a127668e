import type { CellType, EditOperation, Script } from './script.js';

/** One cell of the notebook as the tutorial expects it. */
export interface CellState {
  id: string;
  type: CellType;
  source: string;
}

/**
 * The notebook a script expects, as plain data: the cells in order with their
 * sources. The compiler builds scripts against it, validation replays scripts
 * on it, and the player's keyframes are snapshots of it.
 */
export class NotebookState {
  /**
   * The cells, in order. Cell objects are never changed in place (an edit
   * puts a new object at its index), so copies of a state share them and
   * copying stays cheap however long the notebook is.
   */
  readonly cells: CellState[];

  /**
   * For a copy: the state it was copied from and how many leading cells are
   * still that state's very objects, so that comparing the two (a seek to the
   * next step) can skip them. One level only: copying this state forgets its
   * own origin, so a chain of copies never keeps old states alive.
   */
  private origin: { state: NotebookState; unchangedPrefix: number } | undefined;

  constructor(cells: readonly CellState[] = []) {
    this.cells = cells.slice();
  }

  clone(): NotebookState {
    const copy = new NotebookState(this.cells);
    copy.origin = { state: this, unchangedPrefix: this.cells.length };
    this.origin = undefined;
    return copy;
  }

  /**
   * How many leading cells this state shares, as the same objects, with
   * `other`, when that is known without looking (this is a copy of `other`);
   * otherwise 0.
   */
  knownSharedPrefix(other: NotebookState): number {
    return this.origin?.state === other ? this.origin.unchangedPrefix : 0;
  }

  private touched(index: number): void {
    if (this.origin && index < this.origin.unchangedPrefix) {
      this.origin.unchangedPrefix = index;
    }
  }

  /**
   * Searched from the end: tutorials mostly edit the cells they added last,
   * so a step costs the same however many cells come before them.
   */
  indexOf(id: string): number {
    for (let index = this.cells.length - 1; index >= 0; index--) {
      if (this.cells[index].id === id) {
        return index;
      }
    }
    return -1;
  }

  get(id: string): CellState | undefined {
    const index = this.indexOf(id);
    return index < 0 ? undefined : this.cells[index];
  }

  /**
   * Apply one edit, or explain why it cannot apply (the script is then
   * inconsistent). Never throws. `validated`: the script already passed
   * validation, so a new cell's id cannot be taken and the search for it
   * (the whole notebook, as the id is not there) is skipped.
   */
  apply(operation: EditOperation, script: Pick<Script, 'cells'>, validated = false): string | null {
    switch (operation.op) {
      case 'insert-cell': {
        const info = script.cells[operation.cell];
        if (!info) {
          return `cell "${operation.cell}" is not declared in "cells"`;
        }
        if (!validated && this.get(operation.cell)) {
          return `cell "${operation.cell}" already exists`;
        }
        if (operation.index > this.cells.length) {
          return `index ${operation.index} is past the end of a notebook with ${this.cells.length} cells`;
        }
        this.touched(operation.index);
        this.cells.splice(operation.index, 0, { id: operation.cell, type: info.type, source: '' });
        return null;
      }
      case 'type': {
        const index = this.indexOf(operation.cell);
        const cell = this.cells[index];
        if (!cell) {
          return `cell "${operation.cell}" does not exist at this point`;
        }
        if (operation.offset > cell.source.length) {
          return `offset ${operation.offset} is past the end of cell "${operation.cell}" (length ${cell.source.length})`;
        }
        this.touched(index);
        this.cells[index] = { ...cell, source: cell.source.slice(0, operation.offset) + operation.text + cell.source.slice(operation.offset) };
        return null;
      }
      case 'delete-text': {
        const index = this.indexOf(operation.cell);
        const cell = this.cells[index];
        if (!cell) {
          return `cell "${operation.cell}" does not exist at this point`;
        }
        if (operation.offset + operation.length > cell.source.length) {
          return `range ${operation.offset}..${operation.offset + operation.length} is past the end of cell "${operation.cell}" (length ${cell.source.length})`;
        }
        this.touched(index);
        this.cells[index] = { ...cell, source: cell.source.slice(0, operation.offset) + cell.source.slice(operation.offset + operation.length) };
        return null;
      }
      case 'delete-cell': {
        const index = this.indexOf(operation.cell);
        if (index < 0) {
          return `cell "${operation.cell}" does not exist at this point`;
        }
        this.touched(index);
        this.cells.splice(index, 1);
        return null;
      }
    }
  }
}
