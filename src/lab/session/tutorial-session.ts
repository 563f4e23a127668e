/**
 * One tutorial playing into one notebook, as the rest of the lab sees it: the
 * player panel, the commands and the opener call this class. It is built by
 * `session/lifecycle.ts` from the DOM-free playback session (`src/session`:
 * player, applier, keyframes on the panel's shared model) and the lab's parts:
 * kernel runs (`kernel/runs.ts`), the learner's control and consent
 * (`session/learner-control.ts`, `session/resume-dialog.ts`), what is said and shown
 * (`session/caption-and-announcements.ts`), the cell being worked in (`notebook/cell-highlight.ts`),
 * JupyterLab's placeholder cell (`session/placeholder-cell.ts`) and the notebook's
 * mark (`notebook/mark.ts`).
 *
 * Playback never moves focus (R16): edits go to the Yjs model, the cell being
 * typed into is scrolled into view without activating it. Only an explicit
 * Take over moves focus into the notebook (R17).
 */
import type { YNotebook } from '@jupyter/ydoc';
import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { NotebookPanel } from '@jupyterlab/notebook';
import type { Contents } from '@jupyterlab/services';
import { nullTranslator, type TranslationBundle } from '@jupyterlab/translation';
import { Signal, type ISignal } from '@lumino/signaling';
import type { Keyframes, NotebookApplier } from '../../apply/index.js';
import type { Script } from '../../format/index.js';
import type { Player, PlayerState } from '../../player/index.js';
import { Presenter } from '../../session/index.js';
import type { INotecastAnnouncer } from '../tokens.js';
import { resolveReducedMotion, type Preferences } from '../settings/index.js';
import { sharedModel, startSession, type SessionOptions, type SessionParts } from './lifecycle.js';

export { ACTIVE_CELL_CLASS } from '../notebook/lazy.js';
export type { SessionOptions } from './lifecycle.js';

export class TutorialSession {
  /** The `notecast` translations every word of the session goes through. */
  readonly trans: TranslationBundle;
  /** Words the player's announcements. */
  readonly presenter: Presenter;

  private readonly options: SessionOptions;
  private readonly parts: SessionParts;
  private readonly announcer: INotecastAnnouncer;
  private preferences: Preferences;
  private readonly changedSignal = new Signal<this, void>(this);
  private readonly disposedSignal = new Signal<this, void>(this);
  private fileChangedFlag = false;
  private stopped: string | undefined;
  private disposedFlag = false;

  constructor(options: SessionOptions) {
    this.options = options;
    this.announcer = options.announcer;
    this.preferences = options.preferences;
    this.trans = (options.translator ?? nullTranslator).load('notecast');
    this.presenter = new Presenter(this.trans);
    this.parts = startSession(options, {
      trans: this.trans,
      presenter: this.presenter,
      preferences: () => this.preferences,
      stoppedReason: () => this.stopped,
      isDisposed: () => this.disposedFlag,
      stop: reason => this.stop(reason),
      stateChanged: state => this.onState(state),
      fileChanged: () => {
        this.fileChangedFlag = true;
      },
      changed: () => this.emitChanged()
    });
    this.parts.begin();
  }

  get app(): JupyterFrontEnd {
    return this.options.app;
  }

  get contents(): Contents.IManager {
    return this.options.contents;
  }

  get tutorialPath(): string {
    return this.options.tutorialPath;
  }

  get script(): Script {
    return this.options.script;
  }

  get panel(): NotebookPanel {
    return this.options.panel;
  }

  get player(): Player {
    return this.parts.playback.player;
  }

  get applier(): NotebookApplier {
    return this.parts.playback.applier;
  }

  get keyframes(): Keyframes {
    return this.parts.playback.keyframes;
  }

  /** Cell `cellId`'s number (1-based) in the notebook now, as every message says it; undefined when it is not there. */
  cellNumber(cellId: string): number | undefined {
    return this.parts.playback.cellNumber(cellId);
  }

  /** The numbers of those of `cellIds` that are in the notebook, in the order given. */
  cellNumbers(cellIds: readonly string[]): number[] {
    return this.parts.playback.cellNumbers(cellIds);
  }

  /** Shown in the player for the whole session: files by the notebook's name that were skipped. */
  get notebookNotice(): string | undefined {
    return this.options.notebookNotice;
  }

  /** Whether the caption is narration, in the tutorial's language (not a prompt or notice in JupyterLab's). */
  get captionIsNarration(): boolean {
    return this.parts.narration.captionIsNarration;
  }

  /** What the captions show: the current narration or prompt. */
  get caption(): string {
    return this.parts.narration.caption;
  }

  /** The last conflict message while paused on one. */
  get conflict(): string | undefined {
    return this.parts.narration.conflict;
  }

  /** Cells the kernel has not run for this step (after a seek), in notebook order. */
  get rebuild(): readonly string[] {
    return this.parts.kernel.rebuild;
  }

  /** Whether the tutorial's file changed on disk since it was loaded. */
  get fileChanged(): boolean {
    return this.fileChangedFlag;
  }

  /** Why the session stopped for good, once it has. */
  get stoppedReason(): string | undefined {
    return this.stopped;
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
    return sharedModel(this.options.panel);
  }

  get notebookPath(): string {
    return this.panel.context.path;
  }

  get hasConsent(): boolean {
    return this.options.consent.has(this.tutorialPath);
  }

  // Commands.

  async togglePlay(): Promise<void> {
    const state = this.player.state;
    if (this.stopped) {
      this.announcer.announce(this.stopped, 'assertive');
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
    } else if (await this.parts.learner.ensureConsent()) {
      await this.player.play();
    }
  }

  async nextStep(): Promise<void> {
    if (this.stopped) {
      return;
    }
    const state = this.player.state;
    const willPlay = state === 'idle' || state === 'paused' || state === 'waiting-for-learner';
    if (willPlay && !(await this.parts.learner.ensureConsent())) {
      return;
    }
    await this.player.nextStep();
  }

  async previousStep(): Promise<void> {
    if (!this.stopped) {
      await this.player.previousStep();
    }
  }

  async seek(index: number): Promise<void> {
    if (!this.stopped) {
      await this.player.seek(Math.max(0, Math.min(index, this.script.steps.length)));
    }
  }

  async restart(): Promise<void> {
    if (!this.stopped && (await this.parts.learner.ensureConsent())) {
      await this.player.restart();
    }
  }

  /** The learner takes control; `explicit` (the button or command) moves focus into the notebook. */
  takeOver(explicit: boolean): Promise<void> {
    return this.parts.learner.takeOver(explicit);
  }

  /** Give control back, asking first when the learner changed cells the rest of this step touches. */
  resume(): Promise<void> {
    return this.parts.learner.resume();
  }

  /** While a `::point{… wait}` waits for the learner: what to run, and where. */
  get pointNotice(): string | undefined {
    return this.parts.points.waitingNotice;
  }

  /** Go on without running the command the tutorial points at. */
  skipPoint(): Promise<void> {
    return this.parts.points.skip();
  }

  /** Say the current step and its narration again (R12: narration on request). */
  repeatNarration(): void {
    this.parts.narration.repeat();
  }

  /** Run, in order, the cells the kernel needs for this step; only on request, never automatic. */
  runUpToHere(): Promise<void> {
    return this.parts.kernel.runUpToHere();
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
    if (this.stopped) {
      return;
    }
    this.stopped = reason;
    this.parts.playback.dispose();
    this.parts.highlight.clear();
    for (const dispose of this.parts.disposers.splice(0)) {
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

  private onState(state: PlayerState): void {
    if (state === 'taken-over' || state === 'ended' || state === 'idle') {
      this.parts.highlight.clear();
    }
    this.parts.narration.stateChanged(state);
    this.emitChanged();
  }

  private emitChanged(): void {
    if (!this.disposedFlag) {
      this.changedSignal.emit();
    }
  }
}
