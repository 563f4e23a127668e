import { YNotebook } from '@jupyter/ydoc';
import { Keyframes, NotebookApplier, watchLearnerEdits, type NotebookContent } from '../apply/index.js';
import type { NotebookState, Script } from '../format/index.js';
import { ManualClock, Player, type PlayerHost, type RunResult } from '../player/index.js';

export interface HeadlessOptions {
  /** What a `run` does; default: succeeds at once with no output (there is no kernel). */
  runCell?: (cellId: string, notebook: YNotebook) => Promise<RunResult>;
  speed?: number;
  stepMode?: boolean;
  reducedMotion?: boolean;
}

/**
 * The player and the applier joined on a real `@jupyter/ydoc` notebook, with
 * a manual clock: the whole product minus the browser and the kernel. The
 * command line's `timeline`, the play-through tests and the benchmarks drive
 * it. Learner edits made on `notebook` take over playback, as in JupyterLab.
 */
export class HeadlessSession {
  readonly clock = new ManualClock();
  readonly notebook = YNotebook.create();
  readonly applier: NotebookApplier;
  readonly keyframes: Keyframes;
  readonly player: Player;
  /** The learner's versions saved before the tutorial's state replaced them. */
  readonly kept: NotebookContent[] = [];
  /** How many times the notebook was put back in the tutorial's state. */
  restores = 0;
  private readonly stopWatching: () => void;

  constructor(
    readonly script: Script,
    options: HeadlessOptions = {}
  ) {
    this.applier = new NotebookApplier(this.notebook, script);
    this.keyframes = new Keyframes(script);
    const runCell = options.runCell ?? (() => Promise.resolve({ ok: true }));
    const host: PlayerHost = {
      applyEdit: (operation, typed) => this.applier.apply(operation, typed),
      runCell: cellId => runCell(cellId, this.notebook),
      seek: index => this.restore(this.keyframes.at(index)),
      restoreStep: index => this.restore(this.keyframes.at(index)),
      cellNumber: cellId => {
        const index = this.notebook.cells.findIndex(cell => cell.id === cellId);
        return index < 0 ? undefined : index + 1;
      }
    };
    this.player = new Player({
      script,
      clock: this.clock,
      scheduler: this.clock,
      host,
      speed: options.speed,
      stepMode: options.stepMode,
      reducedMotion: options.reducedMotion
    });
    this.stopWatching = watchLearnerEdits(this.notebook, () => {
      if (this.player.state !== 'taken-over') {
        void this.player.takeOver();
      }
    });
  }

  /** Whether the notebook holds anything the tutorial did not put there. */
  get hasLearnerChanges(): boolean {
    return !this.applier.matchesExpected();
  }

  /** Let pending promises (host calls, the command queue) settle. */
  async settle(): Promise<void> {
    for (let i = 0; i < 20; i++) {
      await Promise.resolve();
    }
    await new Promise(resolve => setImmediate(resolve));
  }

  /**
   * Advance time until the tutorial ends, continuing at each pause as a
   * patient learner would. `onWait` hears about every wait on the world.
   */
  async playToEnd(onWait?: (kind: 'learner', at: number) => void, limit = 1_000_000): Promise<void> {
    this.player.play();
    await this.settle();
    for (let guard = 0; guard < limit; guard++) {
      const state = this.player.state;
      if (state === 'ended' || state === 'error') {
        return;
      }
      if (state === 'waiting-for-learner' || state === 'paused') {
        onWait?.('learner', this.clock.now());
        this.player.play();
      } else {
        const next = this.clock.nextTimerAt;
        if (next !== undefined) {
          this.clock.advanceTo(next);
        }
      }
      await this.settle();
    }
    throw new Error(`the tutorial did not end within ${limit} steps of the clock`);
  }

  dispose(): void {
    this.stopWatching();
    this.player.dispose();
    this.applier.dispose();
    // A YNotebook keeps Node alive until disposed.
    this.notebook.dispose();
  }

  private restore(state: NotebookState): void {
    if (this.hasLearnerChanges) {
      this.kept.push(this.notebook.toJSON());
    }
    this.applier.restore(state);
    this.restores++;
  }
}
