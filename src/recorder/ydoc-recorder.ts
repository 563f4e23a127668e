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
import { outputsText } from './outputs-text.js';
import type { RecordedCell, RecordedEvent, RecordedRun, RecordedMark } from './recording.js';

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
  readonly initial: RecordedCell[];
  readonly events: RecordedEvent[] = [];
  private readonly cells: Y.Array<Y.Map<unknown>>;
  /** Cell ids in notebook order, kept in step with the array, so a deletion knows which cell it removed. */
  private readonly order: string[];
  private readonly now: () => number;
  private readonly accept: (transaction: Y.Transaction) => boolean;
  private readonly runsFromDocument: boolean;
  /** Each cell's last run read from the document, whose output may still be arriving. */
  private readonly lastRuns = new Map<string, RecordedRun>();
  private stopped = false;

  constructor(ydoc: Y.Doc, options: YDocRecorderOptions = {}) {
    this.cells = ydoc.getArray('cells');
    this.now = options.now ?? Date.now;
    this.accept = options.accept ?? (transaction => transaction.local);
    this.runsFromDocument = options.runsFromDocument ?? false;
    this.initial = this.cells.toArray().map(readCell);
    this.order = this.initial.map(cell => cell.id);
    this.cells.observeDeep(this.onChange);
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
      this.cells.unobserveDeep(this.onChange);
    }
  }

  private readonly onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction): void => {
    const at = this.now();
    if (!this.accept(transaction)) {
      // Cells someone else inserts or deletes still move the ones we follow.
      for (const event of events) {
        if (event.target === this.cells) {
          this.followCells(event, at, false);
        }
      }
      return;
    }
    // Source edits name their cell by id, so they are read first, while every
    // cell they touch is still where it was; then the list of cells changes.
    for (const event of events) {
      if (event.target !== this.cells) {
        this.recordSourceEdit(event, at);
        if (this.runsFromDocument) {
          this.recordRun(event, at);
        }
      }
    }
    for (const event of events) {
      if (event.target === this.cells) {
        this.followCells(event, at, true);
      }
    }
  };

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
    const id = map.get('id') as string;
    const keys = event.target === map ? (event as Y.YMapEvent<unknown>).keysChanged : undefined;
    if (keys?.has('execution_count') && typeof map.get('execution_count') === 'number') {
      const source = map.get('source') as Y.Text | string | undefined;
      const run: RecordedRun = {
        kind: 'run',
        at,
        id,
        source: typeof source === 'string' ? source : (source?.toJSON() ?? ''),
        output: this.outputsOf(map)
      };
      this.events.push(run);
      this.lastRuns.set(id, run);
    } else if (keys?.has('source') || event.target === map.get('source')) {
      // Edited since: later outputs are not that run's.
      this.lastRuns.delete(id);
    } else {
      const run = this.lastRuns.get(id);
      if (run) {
        run.output = this.outputsOf(map);
      }
    }
  }

  private outputsOf(cell: Y.Map<unknown>): string {
    const outputs = cell.get('outputs') as Y.Array<unknown> | unknown[] | undefined;
    return outputsText(Array.isArray(outputs) ? outputs : (outputs?.toJSON() ?? []));
  }

  private recordSourceEdit(event: Y.YEvent<Y.AbstractType<unknown>>, at: number): void {
    const cell = event.target._item?.parent as Y.Map<unknown> | null | undefined;
    if (!cell || cell.parent !== this.cells || cell.get('source') !== event.target) {
      return; // metadata, outputs, execution counts: not the author's writing
    }
    const id = cell.get('id') as string;
    let offset = 0;
    let pending: { offset: number; remove: number; insert: string } | undefined;
    const flush = () => {
      if (pending && (pending.remove > 0 || pending.insert !== '')) {
        this.events.push({ kind: 'edit', at, id, ...pending });
      }
      pending = undefined;
    };
    for (const part of event.delta) {
      if (part.retain !== undefined) {
        flush();
        offset += part.retain;
      } else if (part.delete !== undefined) {
        pending ??= { offset, remove: 0, insert: '' };
        pending.remove += part.delete;
      } else if (typeof part.insert === 'string') {
        pending ??= { offset, remove: 0, insert: '' };
        pending.insert += part.insert;
        offset += part.insert.length;
      }
    }
    flush();
  }

  /**
   * Follow a change to the list of cells: deletions first (from the last, so
   * each index is still right), then insertions at their final places. A
   * move (@jupyter/ydoc deletes a cell and inserts a copy with the same id)
   * so always reads as the cell leaving before it comes back.
   */
  private followCells(event: Y.YEvent<Y.AbstractType<unknown>>, at: number, record: boolean): void {
    const deleted: number[] = [];
    const inserted: Array<{ index: number; map: Y.Map<unknown> }> = [];
    let before = 0;
    let after = 0;
    for (const part of event.delta) {
      if (part.retain !== undefined) {
        before += part.retain;
        after += part.retain;
      } else if (part.delete !== undefined) {
        for (let n = 0; n < part.delete; n++) {
          deleted.push(before++);
        }
      } else if (Array.isArray(part.insert)) {
        for (const map of part.insert as Array<Y.Map<unknown>>) {
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
      const cell = readCell(map);
      this.order.splice(index, 0, cell.id);
      if (record) {
        this.events.push({ kind: 'insert-cell', at, index, cell });
      }
    }
  }
}

/** A cell map as @jupyter/ydoc writes it. */
function readCell(map: Y.Map<unknown>): RecordedCell {
  const type = map.get('cell_type');
  const source = map.get('source') as Y.Text | string | undefined;
  const id = map.get('id');
  return {
    id: typeof id === 'string' ? id : '',
    type: type === 'markdown' || type === 'raw' ? type : 'code',
    source: typeof source === 'string' ? source : (source?.toJSON() ?? '')
  };
}
