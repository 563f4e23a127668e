import { isEditOperation, NotebookState, type Script } from '../format/index.js';

/**
 * The tutorial's notebook at the start of any step, fast: a snapshot every
 * `interval` steps, then the few steps in between replayed on plain strings.
 * (The same idea as a video's keyframes; no Yjs involved, so it is cheap.)
 */
export class Keyframes {
  private readonly snapshots: NotebookState[] = [];

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

  /** The notebook at the start of step `index` (`steps.length` = the finished tutorial). */
  at(index: number): NotebookState {
    const clamped = Math.max(0, Math.min(index, this.script.steps.length));
    const base = Math.floor(clamped / this.interval);
    const state = this.snapshots[base].clone();
    for (let step = base * this.interval; step < clamped; step++) {
      this.replayStep(state, step);
    }
    return state;
  }

  private replayStep(state: NotebookState, step: number): void {
    for (const operation of this.script.steps[step].operations) {
      if (isEditOperation(operation)) {
        state.apply(operation, this.script);
      }
    }
  }
}
