/**
 * The kernel's side of a session: the player's runs (after consent, naming
 * the cell), which cells the kernel has not run for the current step (after
 * a seek, or when the kernel lost what it ran), "Run cells up to here", and
 * what to say when the kernel goes away.
 */
import type { YNotebook } from '@jupyter/ydoc';
import type { Cell } from '@jupyterlab/cells';
import type { INotebookCellExecutor, NotebookPanel } from '@jupyterlab/notebook';
import type { TranslationBundle } from '@jupyterlab/translation';
import type { NotebookState, Script } from '../../format/index.js';
import type { Announcement, Player, RunResult } from '../../player/index.js';
import type { INotecastAnnouncer } from '../tokens.js';
import { cellWidget } from '../notebook/lazy.js';
import { runCell } from './run-cell.js';
import { describeKernelLoss, KernelLostError, watchKernelLoss, type KernelLoss } from './loss.js';
import { cellsPhrase } from '../announce/index.js';

/** What the kernel runs need of their session. */
export interface KernelRunsSession {
  readonly panel: NotebookPanel;
  /** JupyterLab's cell executor, what "Run cell" uses; absent where no plugin provides it. */
  readonly executor?: INotebookCellExecutor;
  readonly script: Script;
  readonly player: Player;
  readonly ynotebook: YNotebook;
  readonly trans: TranslationBundle;
  readonly announcer: INotecastAnnouncer;
  /** Cell `cellId`'s number (1-based) in the notebook now (the playback session's); undefined when it is not there. */
  cellNumber(cellId: string): number | undefined;
  /** The numbers of those of `cellIds` that are in the notebook, in the order given. */
  cellNumbers(cellIds: readonly string[]): number[];
  /** The notebook as the tutorial expects it now. */
  expectedState(): NotebookState;
  ensureConsent(force: boolean): Promise<boolean>;
  /** Show the cell being run. */
  follow(cellId: string): void;
  /** Whether the session stopped for good. */
  stopped(): boolean;
  emitChanged(): void;
}

export class KernelRuns {
  private rebuildCells: string[] = [];
  private readonly playerRuns = new Set<Cell>();
  /** The source each cell had when the kernel last ran it (by the player or "Run cells up to here"). */
  private readonly ranSources = new Map<string, string>();
  private running = false;
  /** A run the kernel dropped, to be said instead of the player's "Cell N failed." */
  private droppedRun: { loss: KernelLoss; cellNumber: number } | undefined;

  constructor(private readonly session: KernelRunsSession) {}

  /** Cells the kernel has not run for this step (after a seek), in notebook order. */
  get rebuild(): readonly string[] {
    return this.rebuildCells;
  }

  /** Whether `cell` runs because the player (not the learner) runs it. */
  isPlayerRun(cell: Cell): boolean {
    return this.playerRuns.has(cell);
  }

  /** Watch the kernel: when it goes away between runs, pause and say what to run again. */
  watchKernel(): () => void {
    const { session } = this;
    return watchKernelLoss(session.panel.sessionContext, loss => {
      if (this.running) {
        // The run in progress fails with KernelLostError and says so, naming its cell.
        return;
      }
      this.forgetKernel();
      if (session.player.state === 'playing' || session.player.state === 'waiting-for-kernel') {
        void session.player.pause();
        session.announcer.announce(this.kernelLossMessage(loss, undefined, true), 'assertive');
      }
    });
  }

  /** The player's run of a cell: `PlayerHost.runCell`. */
  async runForPlayer(cellId: string): Promise<RunResult> {
    const { session } = this;
    // Named `trans` where it words: the catalog's extractor finds `trans.__(…)` calls only.
    const { trans } = session;
    const widget = cellWidget(session.panel, cellId);
    if (!widget) {
      throw new Error(trans.__('the cell to run (%1) is not in the notebook', session.script.cells[cellId]?.name ?? cellId));
    }
    const number = session.cellNumber(cellId) ?? 0;
    if (widget.model.type === 'code' && !(await session.ensureConsent(true))) {
      void session.player.pause();
      session.announcer.announce(trans.__('Cell %1 was not run: running code needs your permission.', number), 'assertive');
      return { ok: false };
    }
    session.follow(cellId);
    try {
      return await this.execute(widget);
    } catch (error) {
      if (error instanceof KernelLostError) {
        this.forgetKernel(cellId);
        // The player announces the failed run next; sayDroppedRun() says this instead.
        this.droppedRun = { loss: error.loss, cellNumber: number };
        return { ok: false };
      }
      throw error;
    }
  }

  /** Run, in order, the cells the kernel needs for this step; only on request, never automatic. */
  async runUpToHere(): Promise<void> {
    const { session } = this;
    const trans = session.trans;
    if (session.stopped() || !this.rebuildCells.length) {
      session.announcer.announce(trans.__('No cells need to run for this step.'));
      return;
    }
    if (!(await session.ensureConsent(true))) {
      return;
    }
    const cells = [...this.rebuildCells];
    const numbers: number[] = [];
    for (const id of cells) {
      const widget = cellWidget(session.panel, id);
      if (!widget) {
        continue;
      }
      const number = session.cellNumber(id) ?? 0;
      let result: RunResult;
      try {
        result = await this.execute(widget);
      } catch (error) {
        if (error instanceof KernelLostError) {
          this.forgetKernel(id);
          session.announcer.announce(this.kernelLossMessage(error.loss, number, false), 'assertive');
          return;
        }
        throw error;
      }
      numbers.push(number);
      if (!result.ok) {
        session.announcer.announce(
          result.error
            ? trans.__('Cell %1 raised %2. Stopped running cells.', number, result.error)
            : trans.__('Cell %1 raised an error. Stopped running cells.', number),
          'assertive'
        );
        this.rebuildCells = this.rebuildCells.filter(cell => !cells.slice(0, numbers.length - 1).includes(cell));
        session.emitChanged();
        return;
      }
    }
    this.rebuildCells = [];
    session.announcer.announce(trans.__('Ran %1. The kernel is ready for this step.', cellsPhrase(numbers, trans)));
    session.emitChanged();
  }

  /** After the notebook was put in step `index`'s state: say which cells the kernel has not run. */
  restored(index: number, state: NotebookState): void {
    const { trans, announcer } = this.session;
    this.rebuildCells = this.cellsToRebuild(index, state);
    if (this.rebuildCells.length) {
      const numbers = this.rebuildCells.map(id => state.indexOf(id) + 1);
      announcer.announce(
        trans._n(
          'The kernel has not run %2 for this step. Use Run cells up to here to run it.',
          'The kernel has not run %2 for this step. Use Run cells up to here to run them.',
          numbers.length,
          cellsPhrase(numbers, trans)
        )
      );
    }
  }

  /** A new step: a run the kernel dropped earlier is old news. */
  stepChanged(): void {
    this.droppedRun = undefined;
  }

  /**
   * When the player says a run failed because the kernel went away during it,
   * say that instead; `true` when this announcement was said here.
   */
  sayDroppedRun(announcement: Announcement): boolean {
    const dropped = this.droppedRun;
    if (!dropped || announcement.kind !== 'raised' || announcement.error !== undefined) {
      return false;
    }
    this.droppedRun = undefined;
    this.session.announcer.announce(this.kernelLossMessage(dropped.loss, dropped.cellNumber, announcement.pausedByIt), 'assertive');
    return true;
  }

  private async execute(widget: Cell): Promise<RunResult> {
    const id = widget.model.id;
    this.playerRuns.add(widget);
    this.running = true;
    try {
      const source = widget.model.sharedModel.getSource();
      const result = await runCell(widget, this.session.panel, this.session.executor);
      this.ranSources.set(id, source);
      this.rebuildCells = this.rebuildCells.filter(cell => cell !== id);
      return result;
    } finally {
      this.running = false;
      this.playerRuns.delete(widget);
    }
  }

  /** Code cells that earlier steps ran, which the kernel has not run with their current source. */
  private cellsToRebuild(index: number, state: NotebookState): string[] {
    const script = this.session.script;
    const ran = new Set<string>();
    for (const step of script.steps.slice(0, index)) {
      for (const operation of step.operations) {
        if (operation.op === 'run' && script.cells[operation.cell]?.type === 'code') {
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
    const { script, player } = this.session;
    this.ranSources.clear();
    const ran = new Set<string>();
    const { step, operation } = player.cursor;
    const done = [...script.steps.slice(0, step).flatMap(s => s.operations), ...(script.steps[step]?.operations.slice(0, operation) ?? [])];
    for (const op of done) {
      if (op.op === 'run' && op.cell !== dropped && script.cells[op.cell]?.type === 'code') {
        ran.add(op.cell);
      }
    }
    this.rebuildCells = this.session
      .expectedState()
      .cells.filter(cell => ran.has(cell.id))
      .map(cell => cell.id);
    this.session.emitChanged();
  }

  /** What happened to the kernel and what to do about it, with the cells to run again. */
  private kernelLossMessage(loss: KernelLoss, cellNumber: number | undefined, paused: boolean): string {
    const rebuild = this.session.cellNumbers(this.rebuildCells);
    return describeKernelLoss(loss, { cellNumber, paused, rebuild }, this.session.trans);
  }
}
