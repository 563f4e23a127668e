import type { ISharedCell, YNotebook } from '@jupyter/ydoc';
import * as Y from 'yjs';
import { NotebookState, type EditOperation, type Script, type TypeOperation } from '../format/index.js';
import { PLAYER_ORIGIN } from './origin.js';
import { mapOffset, minimalEdit } from './text-mapping.js';

/** Part of a `type` operation's text: `text` at `index` of `operation.text`. */
export interface TypedPart {
  index: number;
  text: string;
}

/** An edit that cannot land on the learner's notebook, said in words. */
export interface EditConflict {
  conflict: string;
}

/** Where the last keystroke of a `type` operation landed, so the next follows it. */
interface TypingCursor {
  operation: TypeOperation;
  /** The index in `operation.text` the next keystroke should have. */
  nextIndex: number;
  /** Right after the last inserted keystroke, bound to it (assoc -1). */
  position: Y.RelativePosition;
}

type TextCell = ISharedCell & { ysource: Y.Text };

/**
 * Applies a script's edits to a live notebook, each as one Yjs transaction
 * with the player's origin, so none of them enters the learner's undo
 * history.
 *
 * It keeps the notebook the tutorial *expects* beside the real one. When they
 * agree, offsets apply as they are; when the learner has edited a cell, the
 * offsets are mapped onto the learner's text (see `mapOffset`), and a typing
 * run follows its own last keystroke through a Yjs relative position, so
 * typing lands where it belongs while the learner edits elsewhere in the same
 * cell. What cannot land (a cell the learner deleted, text they changed) is a
 * conflict in words, never an exception.
 */
export class NotebookApplier {
  private expected: NotebookState;
  private cursor: TypingCursor | undefined;

  constructor(
    readonly notebook: YNotebook,
    private readonly script: Pick<Script, 'cells'>,
    expected: NotebookState = new NotebookState()
  ) {
    this.expected = expected.clone();
  }

  /** The notebook as the tutorial expects it now (a copy). */
  get expectedState(): NotebookState {
    return this.expected.clone();
  }

  findCell(id: string): TextCell | undefined {
    return this.notebook.cells.find(cell => cell.id === id) as TextCell | undefined;
  }

  /**
   * Apply one edit; for `type`, only `typed` of it when given (one keystroke,
   * or the rest of the text at once).
   */
  apply(operation: EditOperation, typed?: TypedPart): void | EditConflict {
    switch (operation.op) {
      case 'insert-cell':
        return this.insertCell(operation);
      case 'type':
        return this.type(operation, typed ?? { index: 0, text: operation.text });
      case 'delete-text':
        return this.deleteText(operation);
      case 'delete-cell':
        return this.deleteCell(operation);
    }
  }

  /**
   * Make the notebook exactly `state` with the fewest edits: cells the state
   * lacks are removed, missing ones inserted, sources changed by one minimal
   * replacement each (so a bound editor keeps its place). The caller saves the
   * learner's version first when it matters.
   */
  restore(state: NotebookState): void {
    this.cursor = undefined;
    // `notebook.cells` follows the Yjs array only when a transaction ends, so
    // each change to the list of cells is its own transaction.
    for (let i = this.notebook.cells.length - 1; i >= 0; i--) {
      const cell = this.notebook.cells[i];
      if (state.get(cell.id)?.type !== cell.cell_type) {
        this.transact(() => this.notebook.deleteCell(i));
      }
    }
    state.cells.forEach((target, index) => {
      const current = this.notebook.cells.findIndex(cell => cell.id === target.id);
      if (current < 0) {
        this.transact(() =>
          this.notebook.insertCell(index, { cell_type: target.type, id: target.id, source: target.source, metadata: {} })
        );
      } else if (current !== index) {
        this.transact(() => this.notebook.moveCell(current, index));
      }
    });
    this.transact(() => {
      state.cells.forEach((target, index) => {
        const cell = this.notebook.cells[index] as TextCell;
        const edit = minimalEdit(cell.ysource.toString(), target.source);
        if (!edit) {
          return;
        }
        cell.ysource.delete(edit.at, edit.remove);
        cell.ysource.insert(edit.at, edit.insert);
        // Outputs of code that is no longer there would mislead.
        if (cell.cell_type === 'code') {
          const code = cell as unknown as { setOutputs(outputs: unknown[]): void; execution_count: number | null };
          code.setOutputs([]);
          code.execution_count = null;
        }
      });
    });
    this.expected = state.clone();
  }

  private insertCell(operation: EditOperation & { op: 'insert-cell' }): void | EditConflict {
    this.cursor = undefined;
    this.expected.apply(operation, this.script);
    if (this.findCell(operation.cell)) {
      return;
    }
    // Place it after the cell the tutorial has before it, wherever the learner moved that.
    const before = this.expected.cells[operation.index - 1];
    const anchor = before ? this.notebook.cells.findIndex(cell => cell.id === before.id) : -1;
    const index = before && anchor >= 0 ? anchor + 1 : Math.min(operation.index, this.notebook.cells.length);
    const type = this.script.cells[operation.cell]?.type ?? 'code';
    this.transact(() => this.notebook.insertCell(index, { cell_type: type, id: operation.cell, source: '', metadata: {} }));
  }

  private type(operation: TypeOperation, typed: TypedPart): void | EditConflict {
    const cell = this.findCell(operation.cell);
    if (!cell) {
      this.cursor = undefined;
      return { conflict: `The tutorial types into ${this.cellName(operation.cell)}, which is no longer in the notebook.` };
    }
    const expectedBefore = this.expected.get(operation.cell)?.source ?? '';
    const actual = cell.ysource.toString();
    let at: number;
    const cursor = this.cursor;
    if (cursor && cursor.operation === operation && cursor.nextIndex === typed.index) {
      at = Y.createAbsolutePositionFromRelativePosition(cursor.position, this.notebook.ydoc)?.index ?? actual.length;
    } else {
      at = mapOffset(expectedBefore, actual, Math.min(operation.offset + typed.index, expectedBefore.length));
    }
    this.transact(() => cell.ysource.insert(at, typed.text));
    this.cursor = {
      operation,
      nextIndex: typed.index + typed.text.length,
      position: Y.createRelativePositionFromTypeIndex(cell.ysource, at + typed.text.length, -1)
    };
    this.expected.apply({ ...operation, offset: operation.offset + typed.index, text: typed.text }, this.script);
  }

  private deleteText(operation: EditOperation & { op: 'delete-text' }): void | EditConflict {
    this.cursor = undefined;
    const cell = this.findCell(operation.cell);
    const expectedBefore = this.expected.get(operation.cell)?.source ?? '';
    const removed = expectedBefore.slice(operation.offset, operation.offset + operation.length);
    if (!cell) {
      return { conflict: `The tutorial changes ${this.cellName(operation.cell)}, which is no longer in the notebook.` };
    }
    const actual = cell.ysource.toString();
    let at = mapOffset(expectedBefore, actual, operation.offset);
    if (actual.slice(at, at + removed.length) !== removed) {
      // The learner moved things around: accept the text if it is there exactly once.
      const first = actual.indexOf(removed);
      if (first < 0 || actual.indexOf(removed, first + 1) >= 0) {
        return {
          conflict: `The tutorial replaces “${preview(removed)}” in ${this.cellName(operation.cell)}, but your version of the cell no longer has it${first >= 0 ? ' in one place' : ''}.`
        };
      }
      at = first;
    }
    this.transact(() => cell.ysource.delete(at, removed.length));
    this.expected.apply(operation, this.script);
  }

  private deleteCell(operation: EditOperation & { op: 'delete-cell' }): void | EditConflict {
    this.cursor = undefined;
    const expected = this.expected.get(operation.cell)?.source;
    const cell = this.findCell(operation.cell);
    if (cell && expected !== undefined && cell.ysource.toString() !== expected) {
      // Deleting it would delete what the learner wrote there.
      return { conflict: `The tutorial deletes ${this.cellName(operation.cell)}, which holds your changes.` };
    }
    this.expected.apply(operation, this.script);
    if (cell) {
      const index = this.notebook.cells.findIndex(c => c.id === operation.cell);
      this.transact(() => this.notebook.deleteCell(index));
    }
  }

  private cellName(id: string): string {
    const name = this.script.cells[id]?.name ?? id;
    return `the cell “${name}”`;
  }

  private transact(edit: () => void): void {
    this.notebook.transact(edit, false, PLAYER_ORIGIN);
  }
}

function preview(text: string): string {
  const line = text.replace(/\n/g, '⏎');
  return line.length > 40 ? `${line.slice(0, 37)}…` : line;
}
