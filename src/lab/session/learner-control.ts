/**
 * The learner's side of a session: consent before code runs, taking control
 * (explicitly, or by editing or running something), resuming, and keeping
 * their version as a file before the tutorial's state replaces it.
 */
import type { YNotebook } from '@jupyter/ydoc';
import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { NotebookPanel } from '@jupyterlab/notebook';
import type { Contents } from '@jupyterlab/services';
import type { TranslationBundle } from '@jupyterlab/translation';
import type { NotebookState, Script } from '../../format/index.js';
import type { Player } from '../../player/index.js';
import type { INotecastAnnouncer } from '../tokens.js';
import type { KernelConsent } from '../kernel/index.js';
import { myVersionName, saveNotebookCopy } from '../notebook/lazy.js';
import { askResume, conflictingCells } from './resume-dialog.js';

export interface LearnerControlOptions {
  app: JupyterFrontEnd;
  contents: Contents.IManager;
  tutorialPath: string;
  script: Script;
  panel: NotebookPanel;
  player: Player;
  ynotebook: YNotebook;
  announcer: INotecastAnnouncer;
  trans: TranslationBundle;
  consent: KernelConsent;
  /** The cell the player last worked in. */
  lastCellId(): string | undefined;
  expectedState(): NotebookState;
  /** Whether the notebook holds something of the learner's that restoring would replace. */
  hasLearnerChanges(): boolean;
  /** The learner allowed code to run: note it in the notebook's mark. */
  consented(): void;
  /** Whether the session stopped for good or was disposed. */
  stopped(): boolean;
}

export class LearnerControl {
  /** Whether the learner edited the notebook since the tutorial last put it in a state of its own. */
  private dirty: boolean;

  constructor(
    private readonly options: LearnerControlOptions,
    dirty: boolean
  ) {
    this.dirty = dirty;
  }

  get learnerDirty(): boolean {
    return this.dirty;
  }

  /** The learner edited the notebook. */
  edited(): void {
    this.dirty = true;
  }

  /** The tutorial put the notebook in a state of its own. */
  restored(): void {
    this.dirty = false;
  }

  /** Before a restore: save the learner's version when they changed anything. */
  async keepBeforeRestore(): Promise<void> {
    const { contents, panel, announcer, trans } = this.options;
    if (this.dirty && this.options.hasLearnerChanges()) {
      const keepAs = await myVersionName(contents, panel.context.path, this.options.trans);
      await this.keepVersion(keepAs);
      announcer.announce(trans.__('Your version is saved as %1.', keepAs));
    }
  }

  /** Ask once per tutorial before code runs (`force`: even when no run is ahead). */
  async ensureConsent(force = false): Promise<boolean> {
    const { tutorialPath, script, player, panel, announcer, trans, consent } = this.options;
    if (consent.has(tutorialPath)) {
      return true;
    }
    const runsAhead = script.steps.slice(player.step).some(step => step.operations.some(op => op.op === 'run' && script.cells[op.cell]?.type === 'code'));
    if (!runsAhead && !force) {
      return true;
    }
    // The kernel the notebook runs, which may differ from the tutorial's name for it (kernel/spec.ts).
    const context = panel.sessionContext;
    const kernel = context.session?.kernel?.name ?? context.kernelPreference.name ?? script.kernel;
    if (await consent.ask(tutorialPath, { title: script.title, notebookPath: panel.context.path, kernel })) {
      this.options.consented();
      return true;
    }
    announcer.announce(trans.__('Nothing was played: this tutorial needs your permission to run code in your kernel.'), 'assertive');
    return false;
  }

  /**
   * The learner takes control. Explicitly (the button or command): focus
   * moves into the notebook's active cell, in edit mode. Detected (they
   * edited or ran something): focus stays where they are.
   */
  async takeOver(explicit: boolean): Promise<void> {
    const { app, panel, player, ynotebook, announcer, trans } = this.options;
    if (this.options.stopped()) {
      return;
    }
    const before = player.state;
    await player.takeOver();
    const tookOver = player.state === 'taken-over' && before !== 'taken-over';
    if (!tookOver && !explicit) {
      return;
    }
    const notebook = panel.content;
    if (explicit) {
      const last = this.options.lastCellId();
      const index = last ? ynotebook.cells.findIndex(cell => cell.id === last) : -1;
      app.shell.activateById(panel.id);
      if (index >= 0) {
        notebook.activeCellIndex = index;
      }
      if (notebook.activeCell) {
        notebook.mode = 'edit';
        notebook.activeCell.editor?.focus();
      }
    }
    const active = notebook.activeCell ? notebook.activeCellIndex + 1 : undefined;
    announcer.announce(
      active !== undefined
        ? trans.__('You have control. Cell %1 is active. Press Escape to leave the editor.', active)
        : trans.__('You have control. Playback paused.')
    );
  }

  /**
   * Give control back. When the learner changed cells the rest of this step
   * touches, ask first: continue on their version, or restore the tutorial's
   * state after saving theirs as a file, or cancel.
   */
  async resume(): Promise<void> {
    const { contents, panel, player, ynotebook, announcer, trans } = this.options;
    if (this.options.stopped()) {
      return;
    }
    const state = player.state;
    if (state !== 'taken-over' && state !== 'paused' && state !== 'waiting-for-learner') {
      return;
    }
    if (!(await this.ensureConsent())) {
      return;
    }
    const changed = conflictingCells(this.options.expectedState(), player.remainingOperations(), ynotebook, this.options.script);
    if (!changed.length) {
      await player.resume();
      return;
    }
    let keepAs: string;
    try {
      keepAs = await myVersionName(contents, panel.context.path, this.options.trans);
    } catch (error) {
      announcer.announce(
        trans.__('Could not save your version: %1 Nothing was restored.', error instanceof Error ? error.message : String(error)),
        'assertive'
      );
      return;
    }
    const choice = await askResume({ cells: changed, keepAs, step: player.step + 1 }, trans);
    if (this.options.stopped()) {
      return;
    }
    if (choice === 'continue') {
      await player.resume();
    } else if (choice === 'restore') {
      try {
        await this.keepVersion(keepAs);
      } catch (error) {
        announcer.announce(trans.__('Could not save your version as %1: %2. Nothing was restored.', keepAs, String(error)), 'assertive');
        return;
      }
      announcer.announce(trans.__('Your version is saved as %1.', keepAs));
      await player.resume({ restore: true });
    } else {
      announcer.announce(trans.__('Still paused. You have control.'));
    }
  }

  private async keepVersion(path: string): Promise<void> {
    await saveNotebookCopy(this.options.contents, path, this.options.ynotebook.toJSON(), this.options.trans);
    this.dirty = false;
  }
}
