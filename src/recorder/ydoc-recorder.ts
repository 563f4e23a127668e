/**
 * Records the changes to a notebook's Y.Doc as `RecordedEvent`s: cells
 * inserted and deleted, and every change to a cell's source, with times.
 *
 * It reads the document as @jupyter/ydoc lays it out (an array `cells` of
 * maps with `id`, `cell_type` and a `source` Y.Text), so the same recorder
 * serves a live notebook in JupyterLab and a document rebuilt from the
 * updates jupyter-collaboration stores.
 */
import type * as Y from 'yjs';
import { ListChanges } from './list-changes.js';
import { cellArray, embeddedInSource, isMap, readCell } from './notebook-shape.js';
import { outputsError, outputsText } from './outputs-text.js';
import type { RecordedCell, RecordedEvent, RecordedRun, RecordedMark } from './recording.js';
import { RecordingRefusedError } from './refusal.js';

export interface YDocRecorderOptions {
  /** The time of a change, in ms; `Date.now` unless the changes come with their own times. */
  now?: () => number;
  /**
   * Which transactions are the author's. By default every local one:
   * a collaborator's changes arrive as remote transactions, and the
   * player's own edits are excluded by the caller through their origin.
   */
  accept?: (transaction: Y.Transaction) => boolean;
  /**
   * Read runs from the document: a cell whose execution count is set ran,
   * and printed the outputs it holds (until its next run or edit). For a
   * stored history, where nothing else tells; a live notebook's executed
   * signal says it exactly (and `add` records it).
   */
  runsFromDocument?: boolean;
}

export class YDocRecorder {
  readonly initial: RecordedCell[] = [];
  readonly events: RecordedEvent[] = [];
  /**
   * Why the document cannot be recorded, if it is not a notebook as
   * @jupyter/ydoc lays one out (see `notebook-shape.ts`): recording stops there.
   */
  problem: RecordingRefusedError | undefined;
  private readonly cells: Y.Array<unknown> | undefined;
  /** Cell ids in notebook order, kept in step with the array, so a deletion knows which cell it removed. */
  private readonly order: string[] = [];
  private readonly now: () => number;
  private readonly accept: (transaction: Y.Transaction) => boolean;
  private readonly runsFromDocument: boolean;
  /** Each cell's last run read from the document, whose output may still be arriving. */
  private readonly lastRuns = new Map<string, RecordedRun>();
  /**
   * Each cell's text as the edits followed leave it: a run reads it from here,
   * since reading a Y.Text walks every deletion it ever had, and a long
   * history of a cell would make each run cost its whole past.
   */
  private readonly sources = new WeakMap<object, string>();
  /** Reads what each change did to the cell list and the sources. */
  private readonly lists = new ListChanges();
  private stopped = false;
  /** Whether `onChange` observes the cells: a document refused as it is first read never was. */
  private observing = false;

  constructor(ydoc: Y.Doc, options: YDocRecorderOptions = {}) {
    this.now = options.now ?? Date.now;
    this.accept = options.accept ?? (transaction => transaction.local);
    this.runsFromDocument = options.runsFromDocument ?? false;
    try {
      this.cells = cellArray(ydoc);
      this.initial = this.cells.toArray().map((map, index) => this.read(map, index));
    } catch (error) {
      this.refuse(error);
      return;
    }
    this.order = this.initial.map(cell => cell.id);
    this.cells.observeDeep(this.onChange);
    this.observing = true;
  }

  /** The notebook's cells now, as the recorder has followed them. */
  get cellIds(): readonly string[] {
    return this.order;
  }

  /** Add an event that does not come from the document: a run, a step mark. */
  add(event: RecordedRun | RecordedMark): void {
    if (!this.stopped) {
      this.events.push(event);
    }
  }

  stop(): void {
    if (!this.stopped) {
      this.stopped = true;
      if (this.observing) {
        this.cells?.unobserveDeep(this.onChange);
        this.observing = false;
      }
    }
  }

  /** A refusal stops the recording; anything else is a bug, and thrown. */
  private refuse(error: unknown): void {
    if (!(error instanceof RecordingRefusedError)) {
      throw error;
    }
    this.problem ??= error;
    this.stop();
  }

  private readonly onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction): void => {
    try {
      this.follow(events, transaction);
    } catch (error) {
      // Thrown out of an observer, it would break the transaction of whoever edits the notebook.
      this.refuse(error);
    }
  };

  private follow(events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction): void {
    const at = this.now();
    if (!this.accept(transaction)) {
      // Cells someone else inserts or deletes still move the ones we follow.
      for (const event of events) {
        if (event.target === this.cells) {
          this.followCells(event, at, false);
        } else {
          this.sources.delete(event.target._item?.parent ?? event.target);
          this.lists.forget(event.target);
        }
      }
      return;
    }
    // Source edits name their cell by id, so they are read first, while every
    // cell they touch is still where it was; then the list of cells changes.
    for (const event of events) {
      if (event.target !== this.cells) {
        this.recordSourceEdit(event, at);
      }
    }
    // Runs after the edits: a run reads the text they leave.
    for (const event of events) {
      if (this.runsFromDocument && event.target !== this.cells) {
        this.recordRun(event, at);
      }
    }
    for (const event of events) {
      if (event.target === this.cells) {
        this.followCells(event, at, true);
      }
    }
    // A cell whose id, type or source object was set anew is another cell now.
    for (const event of events) {
      const keys = (event as Y.YMapEvent<unknown>).keysChanged;
      if (event.target.parent === this.cells && keys && (keys.has('id') || keys.has('cell_type') || keys.has('source'))) {
        this.replaceCell(event.target as Y.Map<unknown>, at);
      }
    }
  }

  /** A cell as `readCell` reads it, its text kept for the runs to come. */
  private read(map: unknown, index: number): RecordedCell {
    const cell = readCell(map, index);
    this.sources.set(map as object, cell.source);
    return cell;
  }

  /** Record a cell whose identity changed in place as the old one leaving and the new one coming. */
  private replaceCell(map: Y.Map<unknown>, at: number): void {
    const index = this.cells!.toArray().indexOf(map);
    if (index < 0) {
      return;
    }
    const cell = this.read(map, index);
    const [id] = this.order.splice(index, 1, cell.id);
    if (id !== undefined) {
      this.events.push({ kind: 'delete-cell', at, index, id });
    }
    this.events.push({ kind: 'insert-cell', at, index, cell });
  }

  /** A run read from the document: the execution count set, or more output for the last run. */
  private recordRun(event: Y.YEvent<Y.AbstractType<unknown>>, at: number): void {
    let cell: Y.AbstractType<unknown> | null = event.target;
    while (cell && cell.parent !== this.cells) {
      cell = cell.parent;
    }
    if (!cell) {
      return;
    }
    const map = cell as Y.Map<unknown>;
    const keys = event.target === map ? (event as Y.YMapEvent<unknown>).keysChanged : undefined;
    if (keys?.has('execution_count') && typeof map.get('execution_count') === 'number') {
      const known = this.sources.get(map);
      const { id, source } = known === undefined ? this.read(map, this.cells!.toArray().indexOf(map)) : { id: map.get('id') as string, source: known };
      const run: RecordedRun = { kind: 'run', at, id, source, ...this.outputsOf(map) };
      this.events.push(run);
      this.lastRuns.set(id, run);
    } else if (keys?.has('source') || event.target === map.get('source')) {
      // Edited since: later outputs are not that run's.
      this.lastRuns.delete(map.get('id') as string);
    } else {
      const run = this.lastRuns.get(map.get('id') as string);
      if (run) {
        Object.assign(run, this.outputsOf(map));
      }
    }
  }

  /** What a cell's outputs showed, and the exception they tell of; outputs of another shape show nothing. */
  private outputsOf(cell: Y.Map<unknown>): { output: string; error?: string } {
    const stored = cell.get('outputs') as { toJSON?: () => unknown } | unknown[] | undefined;
    const json = Array.isArray(stored) ? stored : typeof stored?.toJSON === 'function' ? stored.toJSON() : [];
    const outputs = Array.isArray(json) ? (json as unknown[]) : [];
    const error = outputsError(outputs);
    return { output: outputsText(outputs), ...(error !== undefined ? { error } : {}) };
  }

  private recordSourceEdit(event: Y.YEvent<Y.AbstractType<unknown>>, at: number): void {
    const cell = event.target._item?.parent as Y.Map<unknown> | null | undefined;
    if (!cell || cell.parent !== this.cells || !isMap(cell) || cell.get('source') !== event.target) {
      this.lists.forget(event.target);
      return; // metadata, outputs, execution counts: not the author's writing
    }
    const id = cell.get('id') as string;
    let text = this.sources.get(cell);
    let offset = 0;
    let pending: { offset: number; remove: number; insert: string } | undefined;
    const flush = () => {
      if (pending && (pending.remove > 0 || pending.insert !== '')) {
        this.events.push({ kind: 'edit', at, id, ...pending });
        text = text === undefined ? undefined : text.slice(0, pending.offset) + pending.insert + text.slice(pending.offset + pending.remove);
      }
      pending = undefined;
    };
    for (const part of this.lists.changes(event)) {
      if ('retain' in part) {
        flush();
        offset += part.retain;
      } else if ('delete' in part) {
        pending ??= { offset, remove: 0, insert: '' };
        pending.remove += part.delete;
      } else if (typeof part.insert === 'string') {
        pending ??= { offset, remove: 0, insert: '' };
        pending.insert += part.insert;
        offset += part.insert.length;
      } else {
        throw embeddedInSource(id);
      }
    }
    flush();
    if (text !== undefined) {
      this.sources.set(cell, text);
    }
  }

  /**
   * Follow a change to the list of cells: deletions first (from the last, so
   * each index is still right), then insertions at their final places. A
   * move (@jupyter/ydoc deletes a cell and inserts a copy with the same id)
   * so always reads as the cell leaving before it comes back.
   */
  private followCells(event: Y.YEvent<Y.AbstractType<unknown>>, at: number, record: boolean): void {
    const deleted: number[] = [];
    const inserted: Array<{ index: number; map: unknown }> = [];
    let before = 0;
    let after = 0;
    for (const part of this.lists.changes(event)) {
      if ('retain' in part) {
        before += part.retain;
        after += part.retain;
      } else if ('delete' in part) {
        for (let n = 0; n < part.delete; n++) {
          deleted.push(before++);
        }
      } else if (Array.isArray(part.insert)) {
        for (const map of part.insert) {
          inserted.push({ index: after++, map });
        }
      }
    }
    for (const index of deleted.reverse()) {
      const [id] = this.order.splice(index, 1);
      if (record && id !== undefined) {
        this.events.push({ kind: 'delete-cell', at, index, id });
      }
    }
    for (const { index, map } of inserted) {
      const cell = this.read(map, index);
      this.order.splice(index, 0, cell.id);
      if (record) {
        this.events.push({ kind: 'insert-cell', at, index, cell });
      }
    }
  }
}
