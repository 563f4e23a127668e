import { CellList, type CellState } from './cell-list.js';
import { compareCells } from './cell-list-compare.js';
import { cellInfo, type EditOperation, type Script } from './script.js';
import { userText } from './user-text.js';
import { firstLoneSurrogate } from './utf8.js';

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

  /** The index of a cell by id, -1 if none; in constant time however long the notebook (see `CellList`). */
  indexOf(id: string): number {
    return this.list.indexOfId(id);
  }

  get(id: string): CellState | undefined {
    return this.list.at(this.list.indexOfId(id));
  }

  /**
   * Apply one edit, or explain why it cannot apply (the script is then
   * inconsistent). Never throws. `validated`: the script already passed
   * validation, so a new cell's id cannot be taken and the check is skipped.
   *
   * An edit must not cut a character in two: an offset between the two
   * halves of a surrogate pair (an emoji, say) would leave lone halves, which
   * reach the notebook as U+FFFD.
   */
  apply(operation: EditOperation, script: Pick<Script, 'cells'>, validated = false): string | null {
    const name = `"${userText(operation.cell)}"`;
    switch (operation.op) {
      case 'insert-cell': {
        // `constructor` or `__proto__` are cells only when declared.
        const info = cellInfo(script, operation.cell);
        if (!info) {
          return `cell ${name} is not declared in "cells"`;
        }
        if (!validated && this.indexOf(operation.cell) >= 0) {
          return `cell ${name} already exists`;
        }
        if (operation.index > this.length) {
          return `index ${operation.index} is past the end of a notebook with ${this.length} cells`;
        }
        this.edited();
        this.list.insert(operation.index, { id: operation.cell, type: info.type, source: '' });
        return null;
      }
      case 'type':
        return this.editSource(operation.cell, name, source => {
          if (operation.offset > source.length) {
            return `offset ${operation.offset} is past the end of cell ${name} (length ${source.length})`;
          }
          if (splitsSurrogatePair(source, operation.offset)) {
            return `offset ${operation.offset} of cell ${name} is inside a character (between the two halves of a surrogate pair); offsets count UTF-16 code units and must fall between characters`;
          }
          if (firstLoneSurrogate(operation.text) >= 0) {
            return `text typed into cell ${name} holds half of a surrogate pair (a lone U+D800–U+DFFF), which a notebook saves as U+FFFD; type whole characters`;
          }
          return { source: source.slice(0, operation.offset) + operation.text + source.slice(operation.offset) };
        });
      case 'delete-text':
        return this.editSource(operation.cell, name, source => {
          const end = operation.offset + operation.length;
          if (end > source.length) {
            return `range ${operation.offset}..${end} is past the end of cell ${name} (length ${source.length})`;
          }
          const inside = splitsSurrogatePair(source, operation.offset) ? operation.offset : splitsSurrogatePair(source, end) ? end : -1;
          if (inside >= 0) {
            return `range ${operation.offset}..${end} of cell ${name} ${inside === end ? 'ends' : 'starts'} inside a character (between the two halves of a surrogate pair); delete whole characters`;
          }
          return { source: source.slice(0, operation.offset) + source.slice(end) };
        });
      case 'delete-cell': {
        const index = this.indexOf(operation.cell);
        if (index < 0) {
          return `cell ${name} does not exist at this point`;
        }
        this.edited();
        this.list.remove(index);
        return null;
      }
    }
  }

  /** Give a cell the source `edit` returns, or say why not: the cell is not there, or `edit` says why (a string). */
  private editSource(cellId: string, name: string, edit: (source: string) => { source: string } | string): string | null {
    const index = this.indexOf(cellId);
    const cell = this.list.at(index);
    if (!cell) {
      return `cell ${name} does not exist at this point`;
    }
    const edited = edit(cell.source);
    if (typeof edited === 'string') {
      return edited;
    }
    this.edited();
    this.list.set(index, { ...cell, source: edited.source });
    return null;
  }

  private edited(): void {
    this.array = undefined;
  }
}

/** Whether `offset` falls between a high and a low surrogate. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
