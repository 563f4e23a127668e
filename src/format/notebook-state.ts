import { CellList, compareCells, type CellState } from './cell-list.js';
import type { EditOperation, Script } from './script.js';

/**
 * The notebook a script expects, as plain data: the cells in order with their
 * sources. The compiler builds scripts against it, validation replays scripts
 * on it, and the player's keyframes are snapshots of it.
 */
export class NotebookState {
  /** Shared with copies chunk by chunk (see `CellList`), so copying is cheap however long the notebook is. */
  private readonly list: CellList;
  private array: readonly CellState[] | undefined;

  constructor(cells: readonly CellState[] | CellList = []) {
    this.list = cells instanceof CellList ? cells : new CellList(cells);
  }

  /**
   * The cells, in order (a fresh array after each edit). Cell objects are
   * never changed in place: an edit puts a new object at its index, so copies
   * of a state share them.
   */
  get cells(): readonly CellState[] {
    return (this.array ??= this.list.toArray());
  }

  get length(): number {
    return this.list.length;
  }

  cellAt(index: number): CellState | undefined {
    return this.list.at(index);
  }

  /** The cells from `start` up to (not including) `end`. */
  slice(start: number, end: number): CellState[] {
    return this.list.slice(start, Math.min(end, this.length));
  }

  clone(): NotebookState {
    return new NotebookState(this.list.clone());
  }

  /** How to turn this state into `other` with few edits (see `compareCells`). */
  compareWith(other: NotebookState): { prefix: number; suffix: number; changed: number[] } {
    return compareCells(this.list, other.list);
  }

  /** Searched from the end: tutorials mostly edit the cells they added last. */
  indexOf(id: string): number {
    return this.list.indexOfId(id);
  }

  get(id: string): CellState | undefined {
    return this.list.at(this.list.indexOfId(id));
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
        if (operation.index > this.length) {
          return `index ${operation.index} is past the end of a notebook with ${this.length} cells`;
        }
        this.edited();
        this.list.insert(operation.index, { id: operation.cell, type: info.type, source: '' });
        return null;
      }
      case 'type': {
        const index = this.indexOf(operation.cell);
        const cell = this.list.at(index);
        if (!cell) {
          return `cell "${operation.cell}" does not exist at this point`;
        }
        if (operation.offset > cell.source.length) {
          return `offset ${operation.offset} is past the end of cell "${operation.cell}" (length ${cell.source.length})`;
        }
        this.edited();
        this.list.set(index, { ...cell, source: cell.source.slice(0, operation.offset) + operation.text + cell.source.slice(operation.offset) });
        return null;
      }
      case 'delete-text': {
        const index = this.indexOf(operation.cell);
        const cell = this.list.at(index);
        if (!cell) {
          return `cell "${operation.cell}" does not exist at this point`;
        }
        if (operation.offset + operation.length > cell.source.length) {
          return `range ${operation.offset}..${operation.offset + operation.length} is past the end of cell "${operation.cell}" (length ${cell.source.length})`;
        }
        this.edited();
        this.list.set(index, { ...cell, source: cell.source.slice(0, operation.offset) + cell.source.slice(operation.offset + operation.length) });
        return null;
      }
      case 'delete-cell': {
        const index = this.indexOf(operation.cell);
        if (index < 0) {
          return `cell "${operation.cell}" does not exist at this point`;
        }
        this.edited();
        this.list.remove(index);
        return null;
      }
    }
  }

  private edited(): void {
    this.array = undefined;
  }
}
