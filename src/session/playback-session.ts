/**
 * The one playback session: the player (when), the applier (what, on a real
 * `@jupyter/ydoc` notebook) and keyframes (seeking) joined behind one
 * `PlayerHost`. DOM-free: the lab, the command line and the bench all use it,
 * and inject only what differs between them, in a `SessionFrontEnd`: how a
 * cell runs, and what happens around edits, seeks and the learner's edits.
 */
import type { YNotebook } from '@jupyter/ydoc';
import { Keyframes, NotebookApplier, watchLearnerEdits, type LearnerEdit, type MatchOptions } from '../apply/index.js';
import type { EditOperation, NotebookState, Script } from '../format/index.js';
import { Player, type Clock, type EditConflict, type PlayerHost, type RunResult, type Scheduler, type TypedText } from '../player/index.js';

/** What a front end brings to a session. */
export interface SessionFrontEnd {
  /** Run a cell (the lab: on its kernel; without a kernel: at once). See `PlayerHost.runCell`. */
  runCell(cellId: string): Promise<RunResult>;
  /**
   * Before the notebook is put back in the tutorial's state at step `index`
   * (a seek, or a restore after a take-over): keep the learner's version.
   * Resolve `false` to leave the notebook as it is (the session stopped meanwhile).
   */
  beforeRestore?(index: number): Promise<boolean> | boolean;
  /** After the notebook was put in the tutorial's state at step `index`. */
  afterRestore?(index: number, state: NotebookState): void;
  /** After an edit landed (`conflict` undefined) or could not (`conflict` set). */
  afterEdit?(operation: EditOperation, typed: TypedText | undefined, conflict: EditConflict | undefined): void;
  /** The learner edited the notebook; default: the player hands them control. */
  learnerEdited?(edit: LearnerEdit): void;
}

export interface PlaybackSessionOptions {
  script: Script;
  /** The notebook the tutorial plays into: the lab's shared model, or a `YNotebook.create()`. */
  notebook: YNotebook;
  clock: Clock;
  scheduler: Scheduler;
  frontEnd: SessionFrontEnd;
  /** The script's keyframes, if the front end built them already (to choose `startStep`). */
  keyframes?: Keyframes;
  /** The step whose starting state the notebook is expected to hold; default 0. */
  startStep?: number;
  speed?: number;
  stepMode?: boolean;
  reducedMotion?: boolean;
}

/**
 * A tutorial playing into a notebook: a `Player`, a `NotebookApplier` that
 * turns each operation into a Yjs transaction on `notebook`, and `Keyframes`
 * for seeking, joined behind one host. The front end brings only how a cell
 * runs and what to do around seeks and the learner's edits
 * (`SessionFrontEnd`); `session.player` takes the commands (`play`,
 * `nextStep`, `seek`, `takeOver`, `resume`) and emits the events.
 *
 * The notebook is an `@jupyter/ydoc` `YNotebook`: JupyterLab's shared model
 * of an open notebook, or `YNotebook.create()` in Node. An edit the learner
 * makes to it hands them control (take-over) unless `frontEnd.learnerEdited`
 * says otherwise. Call `dispose()` when done; it does not dispose the notebook.
 *
 * @example
 * ```ts
 * import { YNotebook } from '@jupyter/ydoc';
 * import { compile } from 'jupyterlab-notecast/compiler';
 * import { realClock, realScheduler } from 'jupyterlab-notecast/player';
 * import { PlaybackSession } from 'jupyterlab-notecast/session';
 *
 * const { script } = compile(markdown);
 * const notebook = YNotebook.create();
 * const session = new PlaybackSession({
 *   script: script!,
 *   notebook,
 *   clock: realClock,
 *   scheduler: realScheduler,
 *   reducedMotion: true,
 *   frontEnd: { runCell: () => Promise.resolve({ ok: true, outputLines: 0 }) }
 * });
 * session.player.on('stateChanged', ({ state }) => {
 *   if (state === 'ended') {
 *     console.log(notebook.cells.map(cell => cell.getSource()));
 *     session.dispose();
 *   }
 * });
 * await session.player.play();
 * ```
 *
 * A `ManualClock` as both `clock` and `scheduler` moves time only when told
 * (`advanceTo(clock.nextTimerAt)`), which makes playback deterministic in tests.
 */
export class PlaybackSession {
  private readonly scriptValue: Script;
  private readonly notebookValue: YNotebook;
  private readonly applierValue: NotebookApplier;
  private readonly keyframesValue: Keyframes;
  private readonly playerValue: Player;
  private readonly frontEnd: SessionFrontEnd;
  private readonly stopWatching: () => void;
  private disposed = false;

  constructor(options: PlaybackSessionOptions) {
    this.scriptValue = options.script;
    this.notebookValue = options.notebook;
    this.frontEnd = options.frontEnd;
    this.keyframesValue = options.keyframes ?? new Keyframes(options.script);
    this.applierValue = new NotebookApplier(options.notebook, options.script, this.keyframesValue.at(options.startStep ?? 0));
    const host: PlayerHost = {
      applyEdit: (operation, typed) => this.applyEdit(operation, typed),
      runCell: cellId => this.frontEnd.runCell(cellId),
      seek: index => this.restoreForPlayer(index),
      restoreStep: index => this.restoreForPlayer(index),
      cellNumber: cellId => this.cellNumber(cellId)
    };
    this.playerValue = new Player({
      script: options.script,
      clock: options.clock,
      scheduler: options.scheduler,
      host,
      speed: options.speed,
      stepMode: options.stepMode,
      reducedMotion: options.reducedMotion
    });
    this.stopWatching = watchLearnerEdits(options.notebook, edit => {
      if (this.frontEnd.learnerEdited) {
        this.frontEnd.learnerEdited(edit);
      } else if (this.playerValue.state !== 'taken-over') {
        void this.playerValue.takeOver();
      }
    });
  }

  get script(): Script {
    return this.scriptValue;
  }

  get notebook(): YNotebook {
    return this.notebookValue;
  }

  get player(): Player {
    return this.playerValue;
  }

  get applier(): NotebookApplier {
    return this.applierValue;
  }

  get keyframes(): Keyframes {
    return this.keyframesValue;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** The cell's number in the notebook (from 1), if it is there. */
  cellNumber(cellId: string): number | undefined {
    const index = this.applierValue.cellIndex(cellId);
    return index < 0 ? undefined : index + 1;
  }

  /** The numbers of those of `cellIds` that are in the notebook, in the order given. */
  cellNumbers(cellIds: readonly string[]): number[] {
    return cellIds.map(id => this.cellNumber(id)).filter((n): n is number => n !== undefined);
  }

  /** Whether the notebook holds anything the tutorial did not put there. */
  hasLearnerChanges(options?: MatchOptions): boolean {
    return !this.applierValue.matchesExpected(options);
  }

  /**
   * Put the notebook in the tutorial's state at the start of step `index`
   * (what the player's seek and restore do), after the front end kept the
   * learner's version: at once unless `beforeRestore` is asynchronous.
   * `false` when nothing was restored.
   */
  restore(index: number): boolean | Promise<boolean> {
    const before = this.frontEnd.beforeRestore?.(index) ?? true;
    return typeof before === 'boolean' ? this.restoreNow(index, before) : before.then(ok => this.restoreNow(index, ok));
  }

  /** Stop the player and stop watching the notebook (which stays its owner's). */
  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.stopWatching();
    this.playerValue.dispose();
    this.applierValue.dispose();
  }

  private restoreForPlayer(index: number): void | Promise<void> {
    const restored = this.restore(index);
    return typeof restored === 'boolean' ? undefined : restored.then(() => undefined);
  }

  private restoreNow(index: number, go: boolean): boolean {
    if (!go || this.disposed) {
      return false;
    }
    const state = this.keyframesValue.at(index);
    this.applierValue.restore(state);
    this.frontEnd.afterRestore?.(index, state);
    return true;
  }

  private applyEdit(operation: EditOperation, typed: TypedText | undefined): void | EditConflict {
    const conflict = this.applierValue.apply(operation, typed) ?? undefined;
    this.frontEnd.afterEdit?.(operation, typed, conflict);
    return conflict;
  }
}
