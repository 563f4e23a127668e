/**
 * What the embedder (the JupyterLab extension, the headless runner, the CLI)
 * implements for the player: the player decides what happens when; the host
 * makes it happen on a notebook and a kernel.
 */
import type { EditOperation } from '../format/index.js';
import type { TypedText } from './cues.js';

/** What a kernel run came to. */
export interface RunResult {
  ok: boolean;
  /** Lines of output the run produced, for "Cell 3 ran, 2 lines of output". */
  outputLines?: number;
  /**
   * The output's text (streams and plain-text results, in order), so that one
   * short line can be said: "Cell 3 ran: 83.0". The host may leave it out, or
   * give only its start when it is long.
   */
  output?: string;
  /** On failure, the error's name (`NameError`), never the traceback (R19). */
  error?: string;
}

/** An edit that cannot land on the learner's notebook, in words the learner reads. */
export interface EditConflict {
  conflict: string;
}

export interface PlayerHost {
  /**
   * Apply one edit to the notebook, synchronously (one Yjs transaction).
   * For `type`, `typed` is the text to insert at `operation.offset +
   * typed.index`: one keystroke, or with reduced motion everything the
   * operation has left to type; the other edits never get `typed`.
   * Return a conflict instead of throwing when the learner's notebook cannot
   * take the edit (a cell they deleted): the player pauses on it and retries
   * it on Play. A throw is a broken host and stops playback in `error`.
   */
  applyEdit(operation: EditOperation, typed?: TypedText): void | EditConflict;

  /**
   * Run a cell on the kernel (render it, for markdown) and settle when done.
   * Resolve `{ ok: false }` for an error in the learner's code; reject only
   * when running was impossible, which stops playback in `error`. A result
   * that arrives after a seek or a restore is ignored.
   */
  runCell(cellId: string): Promise<RunResult>;

  /**
   * Put the notebook in the tutorial's state at the start of step `index`
   * (`index === steps.length` is the finished notebook), from keyframes, and
   * without running the kernel. Called when the learner navigates; the
   * learner's own edits must be kept (saved aside) before they are replaced.
   */
  seek(index: number): Promise<void> | void;

  /**
   * Like `seek(index)`, on `resume({ restore: true })` after a take-over: the
   * learner's version is saved first, then the step's starting state restored.
   */
  restoreStep(index: number): Promise<void> | void;

  /**
   * The 1-based position of a cell in the live notebook, for announcements
   * ("into cell 2"); the live position is what the learner navigates by, even
   * after they added cells of their own. `undefined` when the cell is gone.
   */
  cellNumber(cellId: string): number | undefined;
}

/** Whether `applyEdit` answered with a conflict. */
export function isConflict(outcome: void | EditConflict): outcome is EditConflict {
  return typeof outcome === 'object' && outcome !== null && typeof outcome.conflict === 'string';
}
