/**
 * One tutorial playing into one notebook: the player (when), the applier (what,
 * on the notebook's real shared model), keyframes (seeking), the kernel (runs),
 * and the learner (take over, resume, consent). The lab's version of
 * `src/cli/headless-session.ts`, with a real notebook panel and kernel.
 *
 * Playback never moves focus (R16): edits go to the Yjs model, the cell being
 * typed into is scrolled into view without activating it. Only an explicit
 * Take over moves focus into the notebook (R17).
 */
import type { YNotebook } from '@jupyter/ydoc';
import type { JupyterFrontEnd } from '@jupyterlab/application';
import { Dialog, showDialog } from '@jupyterlab/apputils';
import type { Cell } from '@jupyterlab/cells';
import { NotebookActions, type Notebook, type NotebookPanel } from '@jupyterlab/notebook';
import type { Contents } from '@jupyterlab/services';
import { nullTranslator, type ITranslator, type TranslationBundle } from '@jupyterlab/translation';
import { Signal, type ISignal } from '@lumino/signaling';
import { isPlayerProgress, Keyframes, NotebookApplier, PLAYER_ORIGIN, watchLearnerEdits } from '../apply/index.js';
import { type NotebookState, isEditOperation, type Script } from '../format/index.js';
import { Player, realClock, realScheduler, type Announcement, type PlayerHost, type PlayerState, type RunResult } from '../player/index.js';
import { Presenter } from '../session/index.js';
import type { Announcer } from './announcer.js';
import { runCell } from './kernel.js';
import { describeKernelLoss, KernelLostError, watchKernelLoss, type KernelLoss } from './kernel-loss.js';
import { askConsent, hasConsent, rememberConsent } from './consent.js';
import { myVersionName, saveNotebookCopy, type NotebookMark } from './notebook-files.js';
import { resolveReducedMotion, type Preferences } from './preferences.js';
import { watchTutorialFile } from './tutorial-file-watch.js';
import { markDirtyOnEdits } from './unsaved-changes.js';
import { cellsPhrase } from './wording.js';

/** The class on the cell the player is typing into (a theme-coloured outline, R15-safe). */
export const ACTIVE_CELL_CLASS = 'jp-Notecast-activeCell';

export interface SessionOptions {
  app: JupyterFrontEnd;
  contents: Contents.IManager;
  tutorialPath: string;
  script: Script;
  panel: NotebookPanel;
  announcer: Announcer;
  preferences: Preferences;
  /** Whether the notebook was made for this session (else the learner's, continued). */
  created: boolean;
  /** The tutorial file's `last_modified` when it was read, to notice changes on disk. */
  loadedModified?: string;
  /** Why the notebook is not at the tutorial's first name (files there left as they are), if so. */
  notebookNotice?: string;
  /**
   * The step the player was at before a reload (the layout restorer's). Kept
   * when the notebook holds the player's work at that step; otherwise the
   * notebook's own mark decides, as when the tutorial is opened again.
   */
  step?: number;
  /** Where the words come from (domain `notecast`); default `nullTranslator`, English. */
  translator?: ITranslator;
}

export class TutorialSession {
  readonly app: JupyterFrontEnd;
  readonly contents: Contents.IManager;
  readonly tutorialPath: string;
  readonly script: Script;
  readonly panel: NotebookPanel;
  readonly player: Player;
  readonly applier: NotebookApplier;
  readonly keyframes: Keyframes;
  /** What the captions show: the current narration or prompt. */
  caption = '';
  /** Cells the kernel has not run for this step (after a seek), in notebook order. */
  rebuild: string[] = [];
  /** Set when the tutorial's file changed on disk since it was loaded. */
  fileChanged = false;
  /** Why the session stopped for good, once it has. */
  stoppedReason: string | undefined;
  /** The last conflict message while paused on one. */
  conflict: string | undefined;
  /** Shown in the player for the whole session: files by the notebook's name that were skipped. */
  readonly notebookNotice: string | undefined;
  /** The `notecast` translations every word of the session goes through. */
  readonly trans: TranslationBundle;
  /** Words the player's announcements. */
  readonly presenter: Presenter;

  private readonly announcer: Announcer;
  private preferences: Preferences;
  private readonly changedSignal = new Signal<this, void>(this);
  private readonly disposedSignal = new Signal<this, void>(this);
  private readonly stopWatching: () => void;
  private readonly disposers: Array<() => void> = [];
  private learnerDirty = false;
  private markedCell: Cell | undefined;
  private lastCellId: string | undefined;
  private readonly playerRuns = new Set<Cell>();
  /** The source each cell had when the kernel last ran it (by the player or "Run cells up to here"). */
  private readonly ranSources = new Map<string, string>();
  private running = false;
  /** A run the kernel dropped, to be said instead of the player's "Cell N failed." */
  private droppedRun: { loss: KernelLoss; cellNumber: number } | undefined;
  /** Whether the caption shows narration (a step's, or a `:::say` line), which speech may speak. */
  private captionIsNarration = false;
  private disposedFlag = false;

  constructor(options: SessionOptions) {
    this.app = options.app;
    this.contents = options.contents;
    this.tutorialPath = options.tutorialPath;
    this.script = options.script;
    this.panel = options.panel;
    this.announcer = options.announcer;
    this.preferences = options.preferences;
    this.notebookNotice = options.notebookNotice;
    this.trans = (options.translator ?? nullTranslator).load('notecast');
    this.presenter = new Presenter(this.trans);
    this.keyframes = new Keyframes(this.script);

    const ynotebook = this.ynotebook;
    const mark = this.mark;
    const startStep = this.startStep(options, mark);
    this.applier = new NotebookApplier(ynotebook, this.script, this.keyframes.at(startStep));
    if (mark?.consent) {
      rememberConsent(this.tutorialPath);
    }

    const host: PlayerHost = {
      applyEdit: (operation, typed) => {
        const outcome = this.applier.apply(operation, typed);
        if (!outcome && operation.op === 'insert-cell') {
          this.removePlaceholders();
        }
        if (!outcome) {
          this.follow(operation.cell, operation.op !== 'type' || typed === undefined || typed.index === 0 || typed.text.includes('\n'));
        }
        return outcome;
      },
      runCell: cellId => this.runForPlayer(cellId),
      seek: index => this.restoreTo(index),
      restoreStep: index => this.restoreTo(index),
      cellNumber: cellId => {
        const index = this.ynotebook.cells.findIndex(cell => cell.id === cellId);
        return index < 0 ? undefined : index + 1;
      }
    };
    this.player = new Player({
      script: this.script,
      clock: realClock,
      scheduler: realScheduler,
      host,
      speed: this.preferences.speed,
      stepMode: this.preferences.stepMode,
      reducedMotion: resolveReducedMotion(this.preferences.reducedMotion)
    });
    this.player.on('announcement', announcement => this.speak(announcement));
    this.player.on('stateChanged', ({ state }) => this.onState(state));
    this.player.on('stepChanged', ({ index }) => {
      const step = this.script.steps[index];
      this.caption = step ? step.narration : this.trans.__('Tutorial finished.');
      this.captionIsNarration = step !== undefined;
      this.conflict = undefined;
      this.droppedRun = undefined;
      this.setMark({ step: index });
      this.emitChanged();
    });
    this.player.on('operationApplied', ({ operation }) => {
      if (operation.op === 'narrate') {
        this.caption = operation.text;
        this.captionIsNarration = true;
        this.emitChanged();
      }
    });
    this.player.on('waitingForLearner', ({ prompt }) => {
      this.caption = prompt ? this.trans.__('Your turn: %1', prompt) : this.trans.__('Your turn. Press Play when you are ready.');
      this.captionIsNarration = false;
      this.emitChanged();
    });
    this.player.on('conflict', ({ message }) => {
      this.conflict = message;
      this.emitChanged();
    });
    this.player.on('error', ({ message }) => {
      console.warn(`Notecast: playback stopped: ${message}`);
    });
    this.caption = this.script.steps[0]?.narration ?? '';
    this.captionIsNarration = true;
    // A notebook saved (or autosaved) while the player was part way through its step holds the
    // player's typing, not the learner's: the step starts again without keeping a copy of it.
    this.learnerDirty = this.hasLearnerChanges() && !isPlayerProgress(ynotebook, this.script, this.keyframes, startStep, { ignoreBlankCells: true });

    this.stopWatching = watchLearnerEdits(ynotebook, edit => {
      // JupyterLab keeps one blank cell in an empty notebook; adding it is not the learner's doing.
      if (edit.kind === 'cells' && !this.hasLearnerChanges()) {
        return;
      }
      this.learnerDirty = true;
      void this.takeOver(false);
    });
    const onScheduled = (_: unknown, args: { notebook: Notebook; cell: Cell }): void => {
      if (args.notebook === this.panel.content && !this.playerRuns.has(args.cell)) {
        void this.takeOver(false);
      }
    };
    // What the player types is the learner's unsaved work: shown, asked about on close, autosaved.
    this.disposers.push(markDirtyOnEdits(ynotebook, PLAYER_ORIGIN));
    NotebookActions.executionScheduled.connect(onScheduled);
    this.disposers.push(() => NotebookActions.executionScheduled.disconnect(onScheduled));
    this.disposers.push(
      watchKernelLoss(this.panel.sessionContext, loss => {
        if (this.running) {
          // The run in progress fails with KernelLostError and says so, naming its cell.
          return;
        }
        this.forgetKernel();
        if (this.player.state === 'playing' || this.player.state === 'waiting-for-kernel') {
          void this.player.pause();
          this.announcer.announce(this.kernelLossMessage(loss, undefined, true), 'assertive');
        }
      })
    );
    const onPanelDisposed = (): void => this.stop(this.trans.__('The notebook was closed. Playback stopped.'));
    this.panel.disposed.connect(onPanelDisposed);
    this.disposers.push(() => this.panel.disposed.disconnect(onPanelDisposed));

    const start = this.keyframes.at(startStep);
    if ((options.created || startStep === 0) && !this.learnerDirty && (start.cells.length || this.hasLearnerChanges())) {
      this.applier.restore(start);
    }
    if (startStep > 0) {
      void this.player.seek(startStep);
    }
    this.disposers.push(
      watchTutorialFile(this.contents, this.tutorialPath, options.loadedModified, () => {
        this.fileChanged = true;
        this.announcer.announce(this.trans.__('The tutorial file changed on disk. Press Reload tutorial in the player to load the new version.'));
        this.emitChanged();
      })
    );
  }

  /**
   * Where a continued notebook starts: the step in its mark, saved with its
   * cells. The step a restored player was at counts only when the notebook
   * holds the player's work at that step and not at the marked one (a step's
   * end is also the next one's start, so the mark, saved with the cells, wins
   * whenever it describes them). A new notebook starts at the beginning.
   * Deciding reads the notebook and changes nothing in it.
   */
  private startStep(options: SessionOptions, mark: NotebookMark | undefined): number {
    if (options.created) {
      return 0;
    }
    const clamp = (step: number): number => Math.max(0, Math.min(Math.floor(step), this.script.steps.length));
    const marked = mark?.step !== undefined ? clamp(mark.step) : 0;
    if (options.step === undefined || !Number.isFinite(options.step) || clamp(options.step) === marked) {
      return marked;
    }
    const holds = (step: number): boolean => isPlayerProgress(this.ynotebook, this.script, this.keyframes, step, { ignoreBlankCells: true });
    const restored = clamp(options.step);
    return !holds(marked) && holds(restored) ? restored : marked;
  }

  get changed(): ISignal<this, void> {
    return this.changedSignal;
  }

  get disposed(): ISignal<this, void> {
    return this.disposedSignal;
  }

  get isDisposed(): boolean {
    return this.disposedFlag;
  }

  /** The notebook's shared model: the Yjs document the player writes. */
  get ynotebook(): YNotebook {
    return this.panel.content.model!.sharedModel as YNotebook;
  }

  get notebookPath(): string {
    return this.panel.context.path;
  }

  get hasConsent(): boolean {
    return hasConsent(this.tutorialPath);
  }

  // Commands.

  async togglePlay(): Promise<void> {
    const state = this.player.state;
    if (this.stoppedReason) {
      this.announcer.announce(this.stoppedReason, 'assertive');
      return;
    }
    if (state === 'playing' || state === 'waiting-for-kernel') {
      await this.player.pause();
      this.announcer.announce(this.trans.__('Paused.'));
    } else if (state === 'error') {
      this.announcer.announce(
        this.trans.__('Playback stopped because of an error. Choose a step in the step list or with the slider to start again.'),
        'assertive'
      );
    } else if (state === 'taken-over') {
      await this.resume();
    } else if (await this.ensureConsent()) {
      await this.player.play();
    }
  }

  async nextStep(): Promise<void> {
    if (this.stoppedReason) {
      return;
    }
    const state = this.player.state;
    const willPlay = state === 'idle' || state === 'paused' || state === 'waiting-for-learner';
    if (willPlay && !(await this.ensureConsent())) {
      return;
    }
    await this.player.nextStep();
  }

  async previousStep(): Promise<void> {
    if (!this.stoppedReason) {
      await this.player.previousStep();
    }
  }

  async seek(index: number): Promise<void> {
    if (!this.stoppedReason) {
      await this.player.seek(Math.max(0, Math.min(index, this.script.steps.length)));
    }
  }

  async restart(): Promise<void> {
    if (!this.stoppedReason && (await this.ensureConsent())) {
      await this.player.restart();
    }
  }

  /**
   * The learner takes control. Explicitly (the button or command): focus
   * moves into the notebook's active cell, in edit mode. Detected (they
   * edited or ran something): focus stays where they are.
   */
  async takeOver(explicit: boolean): Promise<void> {
    if (this.stoppedReason) {
      return;
    }
    const before = this.player.state;
    await this.player.takeOver();
    const tookOver = this.player.state === 'taken-over' && before !== 'taken-over';
    if (!tookOver && !explicit) {
      return;
    }
    const notebook = this.panel.content;
    if (explicit) {
      const index = this.lastCellId ? this.ynotebook.cells.findIndex(cell => cell.id === this.lastCellId) : -1;
      this.app.shell.activateById(this.panel.id);
      if (index >= 0) {
        notebook.activeCellIndex = index;
      }
      if (notebook.activeCell) {
        notebook.mode = 'edit';
        notebook.activeCell.editor?.focus();
      }
    }
    const active = notebook.activeCell ? notebook.activeCellIndex + 1 : undefined;
    this.announcer.announce(
      active !== undefined
        ? this.trans.__('You have control. Cell %1 is active. Press Escape to leave the editor.', active)
        : this.trans.__('You have control. Playback paused.')
    );
  }

  /**
   * Give control back. When the learner changed cells the rest of this step
   * touches, ask first: continue on their version, or restore the tutorial's
   * state after saving theirs as a file, or cancel.
   */
  async resume(): Promise<void> {
    if (this.stoppedReason) {
      return;
    }
    const state = this.player.state;
    if (state !== 'taken-over' && state !== 'paused' && state !== 'waiting-for-learner') {
      return;
    }
    if (!(await this.ensureConsent())) {
      return;
    }
    const changed = this.conflictingCells();
    if (!changed.length) {
      await this.player.resume();
      return;
    }
    let keepAs: string;
    try {
      keepAs = await myVersionName(this.contents, this.notebookPath);
    } catch (error) {
      this.announcer.announce(
        this.trans.__('Could not save your version: %1 Nothing was restored.', error instanceof Error ? error.message : String(error)),
        'assertive'
      );
      return;
    }
    const trans = this.trans;
    const cells = changed.map(n => trans.__('cell %1', n)).join(trans._p('between the cells of a list', ', '));
    const continueLabel = trans.__('Continue with my changes');
    const restoreLabel = trans.__("Restore the tutorial's state");
    const body =
      trans.__('You changed %1, which the tutorial changes next.', cells) +
      '\n\n' +
      trans.__('"%1" goes on from here on your version.', continueLabel) +
      ' ' +
      trans.__('"%1" first saves your version as %2, then starts step %3 again as the tutorial has it.', restoreLabel, keepAs, this.player.step + 1);
    const CONTINUE = 'notecast:continue';
    const RESTORE = 'notecast:restore';
    const result = await showDialog({
      title: trans.__('Resume the tutorial?'),
      body,
      buttons: [
        Dialog.cancelButton({ label: trans.__('Cancel') }),
        Dialog.createButton({ label: restoreLabel, accept: true, displayType: 'warn', actions: [RESTORE] }),
        Dialog.okButton({ label: continueLabel, actions: [CONTINUE] })
      ],
      defaultButton: 2
    });
    if (this.isDisposed) {
      return;
    }
    const choice = result.button.accept ? result.button.actions : [];
    if (choice.includes(CONTINUE)) {
      await this.player.resume();
    } else if (choice.includes(RESTORE)) {
      try {
        await this.keepLearnerVersion(keepAs);
      } catch (error) {
        this.announcer.announce(trans.__('Could not save your version as %1: %2. Nothing was restored.', keepAs, String(error)), 'assertive');
        return;
      }
      this.announcer.announce(trans.__('Your version is saved as %1.', keepAs));
      await this.player.resume({ restore: true });
    } else {
      this.announcer.announce(trans.__('Still paused. You have control.'));
    }
  }

  /** Say the current step and its narration again (R12: narration on request). */
  repeatNarration(): void {
    const index = Math.min(this.player.step, this.script.steps.length - 1);
    const step = this.script.steps[index];
    if (!step) {
      return;
    }
    const label = this.presenter.stepLabel(index, this.script.steps.length, step.title);
    // Once the tutorial has ended the caption says so; what is worth hearing
    // again is the narration of the step the learner last heard.
    const ended = this.player.step >= this.script.steps.length;
    const text = ended ? step.narration : this.caption;
    const narration = text !== '' && (ended || this.captionIsNarration);
    this.announcer.announce(text ? this.trans.__('%1. %2', label, text) : label, 'polite', { narration });
  }

  /** Run, in order, the cells the kernel needs for this step; only on request, never automatic. */
  async runUpToHere(): Promise<void> {
    if (this.stoppedReason || !this.rebuild.length) {
      this.announcer.announce(this.trans.__('No cells need to run for this step.'));
      return;
    }
    if (!(await this.ensureConsent(true))) {
      return;
    }
    const cells = [...this.rebuild];
    const numbers: number[] = [];
    for (const id of cells) {
      const widget = this.cellWidget(id);
      if (!widget) {
        continue;
      }
      const number = this.panel.content.widgets.indexOf(widget) + 1;
      let result: RunResult;
      try {
        result = await this.execute(widget);
      } catch (error) {
        if (error instanceof KernelLostError) {
          this.forgetKernel(id);
          this.announcer.announce(this.kernelLossMessage(error.loss, number, false), 'assertive');
          return;
        }
        throw error;
      }
      numbers.push(number);
      if (!result.ok) {
        this.announcer.announce(
          result.error
            ? this.trans.__('Cell %1 raised %2. Stopped running cells.', number, result.error)
            : this.trans.__('Cell %1 raised an error. Stopped running cells.', number),
          'assertive'
        );
        this.rebuild = this.rebuild.filter(cell => !cells.slice(0, numbers.length - 1).includes(cell));
        this.emitChanged();
        return;
      }
    }
    this.rebuild = [];
    this.announcer.announce(this.trans.__('Ran %1. The kernel is ready for this step.', cellsPhrase(numbers, this.trans)));
    this.emitChanged();
  }

  applyPreferences(preferences: Preferences): void {
    this.preferences = preferences;
    // The player takes them in turn with its other commands: say changed once it has, so the
    // controls show the new speed and step mode (not the old ones, still current right now).
    const applied = Promise.all([
      this.player.setSpeed(preferences.speed),
      this.player.setStepMode(preferences.stepMode),
      this.player.setReducedMotion(resolveReducedMotion(preferences.reducedMotion))
    ]);
    void applied.then(
      () => this.emitChanged(),
      error => console.warn('Notecast: could not apply the settings to the player', error)
    );
    this.emitChanged();
  }

  /** Stop for good (the notebook closed, the player closed): no error, nothing left running. */
  stop(reason: string): void {
    if (this.stoppedReason) {
      return;
    }
    this.stoppedReason = reason;
    this.player.dispose();
    this.applier.dispose();
    this.stopWatching();
    this.unmark();
    for (const dispose of this.disposers.splice(0)) {
      dispose();
    }
    this.announcer.announce(reason);
    this.emitChanged();
  }

  dispose(): void {
    if (this.disposedFlag) {
      return;
    }
    this.stop(this.trans.__('The tutorial player was closed.'));
    this.disposedFlag = true;
    this.disposedSignal.emit();
    Signal.clearData(this);
  }

  // Host.

  private async runForPlayer(cellId: string): Promise<RunResult> {
    const widget = this.cellWidget(cellId);
    if (!widget) {
      throw new Error(this.trans.__('the cell to run (%1) is not in the notebook', this.script.cells[cellId]?.name ?? cellId));
    }
    const number = this.panel.content.widgets.indexOf(widget) + 1;
    if (widget.model.type === 'code' && !(await this.ensureConsent(true))) {
      void this.player.pause();
      this.announcer.announce(this.trans.__('Cell %1 was not run: running code needs your permission.', number), 'assertive');
      return { ok: false };
    }
    this.follow(cellId, true);
    try {
      return await this.execute(widget);
    } catch (error) {
      if (error instanceof KernelLostError) {
        this.forgetKernel(cellId);
        // The player announces the failed run next; speak() says this instead.
        this.droppedRun = { loss: error.loss, cellNumber: number };
        return { ok: false };
      }
      throw error;
    }
  }

  private async execute(widget: Cell): Promise<RunResult> {
    const id = widget.model.id;
    this.playerRuns.add(widget);
    this.running = true;
    try {
      const source = widget.model.sharedModel.getSource();
      const result = await runCell(widget, this.panel.sessionContext);
      this.ranSources.set(id, source);
      this.rebuild = this.rebuild.filter(cell => cell !== id);
      return result;
    } finally {
      this.running = false;
      this.playerRuns.delete(widget);
    }
  }

  /**
   * Put the notebook in the tutorial's state at the start of step `index`,
   * keeping the learner's version as a file first when they changed anything.
   */
  private async restoreTo(index: number): Promise<void> {
    if (this.learnerDirty && this.hasLearnerChanges()) {
      const keepAs = await myVersionName(this.contents, this.notebookPath);
      await this.keepLearnerVersion(keepAs);
      this.announcer.announce(this.trans.__('Your version is saved as %1.', keepAs));
    }
    if (this.isDisposed || this.stoppedReason) {
      return;
    }
    const state = this.keyframes.at(index);
    this.applier.restore(state);
    this.learnerDirty = false;
    this.unmark();
    this.rebuild = this.cellsToRebuild(index, state);
    if (this.rebuild.length) {
      const numbers = this.rebuild.map(id => state.indexOf(id) + 1);
      this.announcer.announce(
        this.trans._n(
          'The kernel has not run %2 for this step. Use Run cells up to here to run it.',
          'The kernel has not run %2 for this step. Use Run cells up to here to run them.',
          numbers.length,
          cellsPhrase(numbers, this.trans)
        )
      );
    }
    this.emitChanged();
  }

  private async keepLearnerVersion(path: string): Promise<void> {
    await saveNotebookCopy(this.contents, path, this.ynotebook.toJSON());
    this.learnerDirty = false;
  }

  /** Code cells that earlier steps ran, which the kernel has not run with their current source. */
  private cellsToRebuild(index: number, state: NotebookState): string[] {
    const ran = new Set<string>();
    for (const step of this.script.steps.slice(0, index)) {
      for (const operation of step.operations) {
        if (operation.op === 'run' && this.script.cells[operation.cell]?.type === 'code') {
          ran.add(operation.cell);
        }
      }
    }
    return state.cells.filter(cell => ran.has(cell.id) && this.ranSources.get(cell.id) !== cell.source).map(cell => cell.id);
  }

  /**
   * The kernel lost what it ran: every code cell the tutorial ran before this
   * point must run again before the next steps can use it, except `dropped`,
   * the run the loss interrupted (running it again may well lose the kernel again).
   */
  private forgetKernel(dropped?: string): void {
    this.ranSources.clear();
    const ran = new Set<string>();
    const { step, operation } = this.player.cursor;
    const done = [...this.script.steps.slice(0, step).flatMap(s => s.operations), ...(this.script.steps[step]?.operations.slice(0, operation) ?? [])];
    for (const op of done) {
      if (op.op === 'run' && op.cell !== dropped && this.script.cells[op.cell]?.type === 'code') {
        ran.add(op.cell);
      }
    }
    this.rebuild = this.applier.expectedState.cells.filter(cell => ran.has(cell.id)).map(cell => cell.id);
    this.emitChanged();
  }

  /** What happened to the kernel and what to do about it, with the cells to run again. */
  private kernelLossMessage(loss: KernelLoss, cellNumber: number | undefined, paused: boolean): string {
    const rebuild = this.rebuild.map(id => this.ynotebook.cells.findIndex(cell => cell.id === id) + 1).filter(n => n > 0);
    return describeKernelLoss(loss, { cellNumber, paused, rebuild }, this.trans);
  }

  // Learner.

  private async ensureConsent(force = false): Promise<boolean> {
    if (this.hasConsent) {
      return true;
    }
    const from = this.player.step;
    const runsAhead = this.script.steps
      .slice(from)
      .some(step => step.operations.some(op => op.op === 'run' && this.script.cells[op.cell]?.type === 'code'));
    if (!runsAhead && !force) {
      return true;
    }
    if (await askConsent(this.tutorialPath, { title: this.script.title, notebookPath: this.notebookPath, kernel: this.script.kernel })) {
      this.setMark({ consent: true });
      return true;
    }
    this.announcer.announce(this.trans.__('Nothing was played: this tutorial needs your permission to run code in your kernel.'), 'assertive');
    return false;
  }

  /** Cells (1-based) the rest of this step touches whose text the learner changed. */
  private conflictingCells(): number[] {
    const expected = this.applier.expectedState;
    const touched = new Set<string>();
    for (const operation of this.player.remainingOperations()) {
      if (isEditOperation(operation) || operation.op === 'run') {
        touched.add(operation.cell);
      }
    }
    const numbers: number[] = [];
    const cells = this.ynotebook.cells;
    for (const id of touched) {
      const want = expected.get(id);
      if (!want) {
        continue;
      }
      const index = cells.findIndex(cell => cell.id === id);
      if (index < 0) {
        numbers.push(expected.indexOf(id) + 1);
      } else if (cells[index].getSource() !== want.source) {
        numbers.push(index + 1);
      }
    }
    return numbers.sort((a, b) => a - b);
  }

  /**
   * Blank cells the tutorial does not know, once the notebook has cells of the
   * tutorial: JupyterLab's placeholder for an empty notebook. Removed with the
   * player's origin, so it is not the learner's edit.
   */
  private removePlaceholders(): void {
    const expected = this.applier.expectedState;
    const cells = this.ynotebook.cells;
    const placeholders = cells
      .map((cell, index) => ({ cell, index }))
      .filter(({ cell }) => !expected.get(cell.id) && cell.getSource() === '' && cell.cell_type !== 'raw');
    if (!placeholders.length || placeholders.length === cells.length) {
      return;
    }
    // Removing the cell that has focus would drop focus to <body>, where no shortcut works:
    // keep it in the notebook, on the cell that took the placeholder's place.
    const notebook = this.panel.content;
    const focused = document.activeElement;
    const hadFocus = placeholders.some(({ index }) => notebook.widgets[index]?.node.contains(focused));
    this.ynotebook.transact(
      () => {
        for (const { index } of placeholders.reverse()) {
          this.ynotebook.deleteCell(index);
        }
      },
      false,
      PLAYER_ORIGIN
    );
    if (hadFocus && !notebook.node.contains(document.activeElement)) {
      void NotebookActions.focusActiveCell(notebook, { preventScroll: true });
    }
  }

  /**
   * Whether the notebook holds something of the learner's that restoring
   * would replace. JupyterLab's blank placeholder cell is not the learner's.
   */
  private hasLearnerChanges(): boolean {
    return !this.applier.matchesExpected({ ignoreBlankCells: true });
  }

  // Presentation.

  private speak(announcement: Announcement): void {
    if (announcement.kind === 'took-over') {
      // takeOver() says which cell is active and how to leave the editor (R17).
      return;
    }
    const dropped = this.droppedRun;
    if (dropped && announcement.kind === 'raised' && announcement.error === undefined) {
      // The kernel went away during the run: say that, not "Cell N failed."
      this.droppedRun = undefined;
      this.announcer.announce(this.kernelLossMessage(dropped.loss, dropped.cellNumber, announcement.pausedByIt), 'assertive');
      return;
    }
    const options = { verbosity: this.preferences.verbosity };
    const stepMessage = announcement.kind === 'step-started' || announcement.kind === 'step-reached';
    this.announcer.announce(this.presenter.words(announcement, options), announcement.politeness, {
      replace: stepMessage,
      narration: this.presenter.narrationIn(announcement, options) !== undefined
    });
  }

  private onState(state: PlayerState): void {
    if (state === 'taken-over' || state === 'ended' || state === 'idle') {
      this.unmark();
    }
    if (state !== 'paused') {
      this.conflict = undefined;
    }
    if (state === 'ended') {
      this.caption = this.trans.__('Tutorial finished.');
      this.captionIsNarration = false;
    }
    this.emitChanged();
  }

  /** Mark the cell the player works in and scroll it into view, without focus. */
  private follow(cellId: string, scroll: boolean): void {
    const widget = this.cellWidget(cellId);
    if (!widget) {
      return;
    }
    this.lastCellId = cellId;
    if (this.markedCell !== widget) {
      this.unmark();
      widget.addClass(ACTIVE_CELL_CLASS);
      this.markedCell = widget;
      scroll = true;
    }
    if (scroll) {
      const index = this.panel.content.widgets.indexOf(widget);
      void this.panel.content.scrollToItem(index, 'smart').catch(() => undefined);
    }
  }

  private unmark(): void {
    if (this.markedCell && !this.markedCell.isDisposed) {
      this.markedCell.removeClass(ACTIVE_CELL_CLASS);
    }
    this.markedCell = undefined;
  }

  private cellWidget(cellId: string): Cell | undefined {
    return this.panel.content.widgets.find(widget => widget.model.id === cellId);
  }

  private get mark(): NotebookMark | undefined {
    return this.ynotebook.getMetadata('notecast') as NotebookMark | undefined;
  }

  private setMark(change: Partial<NotebookMark>): void {
    if (this.stoppedReason || this.panel.isDisposed) {
      return;
    }
    const mark = { ...(this.mark ?? { tutorial: this.tutorialPath }), ...change };
    this.ynotebook.setMetadata('notecast', mark as never);
  }

  private emitChanged(): void {
    if (!this.disposedFlag) {
      this.changedSignal.emit();
    }
  }
}
