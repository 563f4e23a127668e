import { isEditOperation, NotebookState, type Script } from '../format/index.js';

/**
 * The tutorial's notebook at the start of any step, fast: a snapshot every
 * `interval` steps, then the few steps in between replayed on plain strings.
 * (The same idea as a video's keyframes; no Yjs involved, so it is cheap.)
 * The script must be a validated one (compiled, or checked by `validateScript`).
 */
export class Keyframes {
  private readonly snapshots: NotebookState[] = [];
  /** The last state asked for: Next asks for the step after it, one step to replay. */
  private last: { index: number; state: NotebookState } | undefined;

  constructor(
    private readonly script: Script,
    private readonly interval = 16
  ) {
    const state = new NotebookState();
    for (let step = 0; step <= script.steps.length; step++) {
      if (step % interval === 0) {
        this.snapshots.push(state.clone());
      }
      if (step < script.steps.length) {
        this.replayStep(state, step);
      }
    }
  }

  /**
   * The notebook at the start of step `index` (`steps.length` = the finished
   * tutorial). The state is shared with this cache: read it, or clone it
   * before changing it (`NotebookApplier.restore` only reads it).
   */
  at(index: number): NotebookState {
    const clamped = Math.max(0, Math.min(index, this.script.steps.length));
    const base = Math.floor(clamped / this.interval);
    const last = this.last;
    const fromLast = last !== undefined && last.index <= clamped && last.index >= base * this.interval;
    const start = fromLast ? last.index : base * this.interval;
    const from = fromLast ? last.state : this.snapshots[base];
    if (start === clamped) {
      return from;
    }
    const state = from.clone();
    for (let step = start; step < clamped; step++) {
      this.replayStep(state, step);
    }
    this.last = { index: clamped, state };
    return state;
  }

  private replayStep(state: NotebookState, step: number): void {
    for (const operation of this.script.steps[step].operations) {
      if (isEditOperation(operation)) {
        state.apply(operation, this.script, true);
      }
    }
  }
}
