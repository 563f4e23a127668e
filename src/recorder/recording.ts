/**
 * A recording: what an author did in a notebook, as plain data with times.
 * Whatever produced it (a live notebook's Y.Doc in JupyterLab, or the
 * updates jupyter-collaboration keeps), the tutorial is written from this.
 */
import type { CellType } from '../format/index.js';

/** A cell as it was at some moment. */
export interface RecordedCell {
  id: string;
  type: CellType;
  source: string;
}

/** A cell came into the notebook at `index` (typed in, pasted, moved there, or its type changed). */
export interface RecordedInsertCell {
  kind: 'insert-cell';
  at: number;
  index: number;
  cell: RecordedCell;
}

/** The cell at `index` left the notebook. */
export interface RecordedDeleteCell {
  kind: 'delete-cell';
  at: number;
  index: number;
  id: string;
}

/** One change to a cell's source: `remove` code units at `offset` deleted, then `insert` written there. */
export interface RecordedEdit {
  kind: 'edit';
  at: number;
  id: string;
  offset: number;
  remove: number;
  insert: string;
}

/**
 * A cell ran; `source` is what ran, `output` the text the author saw (streams
 * and plain-text results), `error` the name of the exception it raised, if any.
 */
export interface RecordedRun {
  kind: 'run';
  at: number;
  id: string;
  source: string;
  output: string;
  error?: string;
}

/** The author started a new step here. */
export interface RecordedMark {
  kind: 'mark';
  at: number;
  title: string;
  narration?: string;
}

export type RecordedEvent = RecordedInsertCell | RecordedDeleteCell | RecordedEdit | RecordedRun | RecordedMark;

export interface Recording {
  /** The tutorial's title (the notebook's name, unless the author gives one). */
  title: string;
  /** The kernel spec the notebook ran with. */
  kernel: string;
  /** When recording started and stopped, in ms (any clock, the events use the same). */
  startedAt: number;
  endedAt: number;
  /** The notebook when recording started. */
  initial: RecordedCell[];
  /** What happened, in the order it happened. */
  events: RecordedEvent[];
}
