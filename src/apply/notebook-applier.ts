import type { ISharedCell, NotebookChange, YNotebook } from '@jupyter/ydoc';
import * as Y from 'yjs';
import { NotebookState, type EditOperation, type Script, type TypeOperation } from '../format/index.js';
import { ExpectedNotebook, type TypedPart } from './expected-notebook.js';
import { learnerEditIn } from './learner-edits.js';
import { notebookMatches, type MatchOptions } from './notebook-match.js';
import { PLAYER_ORIGIN } from './origin.js';
import { mapOffset, minimalEdit } from './text-mapping.js';

export type { TypedPart } from './expected-notebook.js';

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

/** Cells inserted per transaction when restoring (see `restore`). */
const INSERT_BATCH = 1024;

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
 * conflict in words, never an exception. The script must be a validated one
 * (compiled, or checked by `validateScript`), as for `Keyframes`.
 */
export class NotebookApplier {
  /**
   * The notebook as the tutorial expects it. States handed in (a keyframe,
   * the constructor's) are shared with their giver and never changed: the
   * first edit after one works on a copy, so a seek copies nothing.
   */
  private readonly tutorial: ExpectedNotebook;
  private cursor: TypingCursor | undefined;
  /**
   * Every cell of the notebook by id, kept up to date as cells come (see
   * `onNotebookChanged`); a deleted cell's entry stays until it is looked up
   * and found disposed. Looking a cell up never walks the notebook.
   */
  private byId = new Map<string, TextCell>();
  /**
   * Whether anyone but the player changed the notebook since it last matched
   * `expected`: when not, a restore needs to look only at what the tutorial
   * itself changes, which keeps seeking flat however long the notebook is.
   */
  private touchedByOthers = false;
  /** The answer cells' ids: their text is the learner's, and a restore keeps it. */
  private readonly answers: readonly string[];
  private readonly onTransaction = (transaction: Y.Transaction) => {
    if (learnerEditIn(transaction, this.notebook)) {
      this.touchedByOthers = true;
    }
  };
  private readonly onNotebookChanged = (_: YNotebook, change: NotebookChange) => {
    for (const delta of change.cellsChange ?? []) {
      for (const cell of delta.insert ?? []) {
        this.byId.set(cell.id, cell as TextCell);
      }
    }
  };

  constructor(
    readonly notebook: YNotebook,
    private readonly script: Pick<Script, 'cells'>,
    expected: NotebookState = new NotebookState()
  ) {
    this.tutorial = new ExpectedNotebook(script, expected);
    this.answers = Object.keys(script.cells).filter(id => script.cells[id].answer === true);
    this.touchedByOthers = !notebookMatches(notebook, expected);
    this.indexCells();
    notebook.ydoc.on('afterTransaction', this.onTransaction);
    notebook.changed.connect(this.onNotebookChanged);
  }

  /** The notebook as the tutorial expects it now: read it, never change it. */
  private get expected(): NotebookState {
    return this.tutorial.state;
  }

  /** Whether the notebook holds exactly what the tutorial expects: no one else's edits. */
  matchesExpected(options?: MatchOptions): boolean {
    return notebookMatches(this.notebook, this.expected, options);
  }

  /** Stop watching the document. */
  dispose(): void {
    this.notebook.ydoc.off('afterTransaction', this.onTransaction);
    this.notebook.changed.disconnect(this.onNotebookChanged);
  }

  /** The notebook as the tutorial expects it now (a copy). */
  get expectedState(): NotebookState {
    return this.expected.clone();
  }

  findCell(id: string): TextCell | undefined {
    const cached = this.byId.get(id);
    if (!cached || !cached.isDisposed) {
      return cached;
    }
    // Deleted (or moved, which makes a new cell): look again, once.
    this.indexCells();
    return this.byId.get(id);
  }

  /**
   * The cell's index in the notebook, or -1. Where the tutorial expects it
   * (or `guess`) is checked first: unless the learner moved cells, it is
   * there, and nothing walks the notebook.
   */
  cellIndex(id: string, guess?: number): number {
    const cell = this.findCell(id);
    if (!cell) {
      return -1;
    }
    guess ??= this.tutorial.indexOf(id);
    const cells: readonly ISharedCell[] = this.notebook.cells;
    return cells[guess] === cell ? guess : cells.indexOf(cell);
  }

  private indexCells(): void {
    this.byId = new Map(this.notebook.cells.map(cell => [cell.id, cell as TextCell]));
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
   * Make the notebook exactly `state` with few edits, on the same document:
   * the cells both lists share at their start and end stay (their sources
   * changed by one minimal replacement each, so a bound editor keeps its
   * place), and only the run of cells between them is replaced. Seeking to a
   * nearby step therefore costs the same however long the notebook is. The
   * caller saves the learner's version first when it matters.
   */
  restore(target: NotebookState): void {
    this.cursor = undefined;
    const state = this.withAnswers(target);
    // When only the player has written here, the notebook is `expected`:
    // compare the two states, which share every chunk of cells the steps
    // between them did not touch (see `CellList`). Otherwise compare what is
    // really in the notebook.
    const trusted = !this.touchedByOthers;
    const current = trusted
      ? this.expected
      : new NotebookState(this.notebook.cells.map(cell => ({ id: cell.id, type: cell.cell_type, source: cell.getSource() })));
    const { prefix, suffix, changed } = current.compareWith(state);
    // `notebook.cells` follows the Yjs array only when a transaction ends, so
    // the change to the list of cells and the source edits are separate.
    if (current.length - suffix > prefix) {
      this.transact(() => this.notebook.deleteCellRange(prefix, current.length - suffix));
    }
    const inserted = state.slice(prefix, state.length - suffix);
    // In batches: Yjs builds the change it reports to @jupyter/ydoc by
    // concatenating the inserted cells one array at a time (quadratic in the
    // cells of one transaction), and walks the whole list once per
    // transaction; a batch of about a thousand keeps both small.
    for (let start = 0; start < inserted.length; start += INSERT_BATCH) {
      const batch = inserted.slice(start, start + INSERT_BATCH);
      this.transact(() =>
        this.notebook.insertCells(
          prefix + start,
          batch.map(cell => ({ cell_type: cell.type, id: cell.id, source: cell.source, metadata: {} }))
        )
      );
    }
    // Kept cells whose source differs: one minimal replacement each, in one
    // transaction (none when nothing differs, the usual case stepping forward).
    if (changed.length) {
      this.transact(() => {
        for (const index of changed) {
          this.setSource(this.notebook.cells[index], state.cellAt(index)!.source);
        }
      });
    }
    // The tutorial's state stays the tutorial's: an answer that holds the learner's text is
    // theirs, still a change a later restore must keep a copy of before it removes the cell.
    this.tutorial.reset(target);
    this.touchedByOthers = state !== target;
  }

  /**
   * `state` with the learner's text in those of its answer cells that are in
   * the notebook: what they wrote there is theirs, never the tutorial's to
   * replace (the tutorial leaves answer cells empty and never edits them).
   */
  private withAnswers(state: NotebookState): NotebookState {
    let result = state;
    for (const id of this.answers) {
      const want = result.get(id);
      const live = want ? this.findCell(id)?.ysource.toJSON() : undefined;
      if (want === undefined || live === undefined || live === want.source) {
        continue;
      }
      if (result === state) {
        result = state.clone();
      }
      if (want.source.length) {
        result.apply({ op: 'delete-text', at: 0, cell: id, offset: 0, length: want.source.length }, this.script, true);
      }
      if (live.length) {
        result.apply({ op: 'type', at: 0, cell: id, offset: 0, text: live, duration: 0 }, this.script, true);
      }
    }
    return result;
  }

  /** One minimal replacement, so a bound editor keeps its place; stale outputs go. */
  private setSource(cell: TextCell, source: string): void {
    const edit = minimalEdit(cell.ysource.toJSON(), source);
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
  }

  private insertCell(operation: EditOperation & { op: 'insert-cell' }): void | EditConflict {
    this.cursor = undefined;
    this.tutorial.apply(operation);
    if (this.findCell(operation.cell)) {
      return;
    }
    // Place it after the cell the tutorial has before it, wherever the learner moved that.
    const before = this.expected.cellAt(operation.index - 1);
    const anchor = before ? this.cellIndex(before.id, operation.index - 1) : -1;
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
    let at: number;
    const cursor = this.cursor;
    // The next keystroke of a run follows the last one: no need to read the
    // cell's text (which costs its length, on every keystroke).
    if (cursor && cursor.operation === operation && cursor.nextIndex === typed.index) {
      at = Y.createAbsolutePositionFromRelativePosition(cursor.position, this.notebook.ydoc)?.index ?? cell.ysource.length;
    } else {
      const expectedBefore = this.expected.get(operation.cell)?.source ?? '';
      at = mapOffset(expectedBefore, cell.ysource.toJSON(), Math.min(operation.offset + typed.index, expectedBefore.length));
    }
    this.transact(() => cell.ysource.insert(at, typed.text));
    this.cursor = {
      operation,
      nextIndex: typed.index + typed.text.length,
      position: Y.createRelativePositionFromTypeIndex(cell.ysource, at + typed.text.length, -1)
    };
    this.tutorial.apply(operation, typed);
  }

  private deleteText(operation: EditOperation & { op: 'delete-text' }): void | EditConflict {
    this.cursor = undefined;
    const cell = this.findCell(operation.cell);
    const expectedBefore = this.expected.get(operation.cell)?.source ?? '';
    const removed = expectedBefore.slice(operation.offset, operation.offset + operation.length);
    if (!cell) {
      return { conflict: `The tutorial changes ${this.cellName(operation.cell)}, which is no longer in the notebook.` };
    }
    const actual = cell.ysource.toJSON();
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
    this.tutorial.apply(operation);
  }

  private deleteCell(operation: EditOperation & { op: 'delete-cell' }): void | EditConflict {
    this.cursor = undefined;
    const expected = this.expected.get(operation.cell)?.source;
    const cell = this.findCell(operation.cell);
    if (cell && expected !== undefined && cell.ysource.toJSON() !== expected) {
      // Deleting it would delete what the learner wrote there.
      return { conflict: `The tutorial deletes ${this.cellName(operation.cell)}, which holds your changes.` };
    }
    const index = cell ? this.cellIndex(operation.cell) : -1;
    this.tutorial.apply(operation);
    if (index >= 0) {
      this.transact(() => this.notebook.deleteCell(index));
      this.byId.delete(operation.cell);
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
