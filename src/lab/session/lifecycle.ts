/**
 * A tutorial session's lifecycle: what opening a tutorial in a notebook
 * builds (the playback session on the panel's shared model, with the lab's
 * parts around it), where it starts, what it listens to while it lives, and
 * what stopping undoes.
 */
import type { YNotebook } from '@jupyter/ydoc';
import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { Cell } from '@jupyterlab/cells';
import { NotebookActions, type INotebookCellExecutor, type Notebook, type NotebookPanel } from '@jupyterlab/notebook';
import type { Contents } from '@jupyterlab/services';
import type { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import { isPlayerProgress, Keyframes, PLAYER_ORIGIN } from '../../apply/index.js';
import type { Script } from '../../format/index.js';
import { realClock, realScheduler, type PlayerState } from '../../player/index.js';
import { PlaybackSession, type Presenter } from '../../session/index.js';
import type { INotecastAnnouncer } from '../tokens.js';
import { showAnswerCells, CellHighlight, readMark, startStep, writeMark, markDirtyOnEdits } from '../notebook/lazy.js';
import type { KernelConsent } from '../kernel/index.js';
import { KernelRuns } from '../kernel/lazy.js';
import { labFrontEnd } from './lab-front-end.js';
import { LearnerControl } from './learner-control.js';
import type { NotebookMark } from '../notebook/lazy.js';
import { resolveReducedMotion, type Preferences } from '../settings/index.js';
import { PointHighlight, PointWatch } from '../point/lazy.js';
import { Narration } from './caption-and-announcements.js';
import { watchTutorialFile } from '../tutorial/lazy.js';

export interface SessionOptions {
  app: JupyterFrontEnd;
  contents: Contents.IManager;
  tutorialPath: string;
  script: Script;
  panel: NotebookPanel;
  announcer: INotecastAnnouncer;
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
  /** How the notebook runs its cells (JupyterLab's own executor); without it, `CodeCell.execute`. */
  executor?: INotebookCellExecutor | null;
  /** The learner's permission to run code, shared by the app's sessions. */
  consent: KernelConsent;
}

/** What the session's public class gives its lifecycle. */
export interface LifecycleHost {
  trans: TranslationBundle;
  presenter: Presenter;
  preferences(): Preferences;
  /** Why the session stopped for good, once it has. */
  stoppedReason(): string | undefined;
  isDisposed(): boolean;
  stop(reason: string): void;
  stateChanged(state: PlayerState): void;
  fileChanged(): void;
  changed(): void;
}

/** The parts of a running session. */
export interface SessionParts {
  playback: PlaybackSession;
  kernel: KernelRuns;
  learner: LearnerControl;
  narration: Narration;
  highlight: CellHighlight;
  /** `::point`: what the player points at, and waiting for the learner to run it. */
  points: PointWatch;
  /** What stopping undoes, besides disposing the playback session. */
  disposers: Array<() => void>;
  /** Put the notebook where the tutorial starts; once the session holds its parts. */
  begin(): void;
}

export function sharedModel(panel: NotebookPanel): YNotebook {
  return panel.content.model!.sharedModel as YNotebook;
}

/** Build a session's parts and start listening; `begin()` then puts the notebook where the tutorial starts. */
export function startSession(options: SessionOptions, host: LifecycleHost): SessionParts {
  const { script, panel, announcer, tutorialPath } = options;
  const trans = host.trans;
  const ynotebook = sharedModel(panel);
  const keyframes = new Keyframes(script);
  const start = startStep({ ynotebook, script, keyframes, created: options.created, restoredStep: options.step });
  if (readMark(ynotebook)?.consent) {
    options.consent.remember(tutorialPath);
  }
  const stopped = (): boolean => host.isDisposed() || host.stoppedReason() !== undefined;
  const setMark = (change: Partial<NotebookMark>): void => {
    if (host.stoppedReason() === undefined && !panel.isDisposed) {
      writeMark(ynotebook, tutorialPath, change);
    }
  };
  const highlight = new CellHighlight(panel);
  const hasLearnerChanges = (): boolean => playback.hasLearnerChanges({ ignoreBlankCells: true });
  const expectedState = () => playback.applier.expectedState;
  const preferences = host.preferences();
  const playback: PlaybackSession = new PlaybackSession({
    script,
    notebook: ynotebook,
    clock: realClock,
    scheduler: realScheduler,
    keyframes,
    startStep: start,
    speed: preferences.speed,
    stepMode: preferences.stepMode,
    reducedMotion: resolveReducedMotion(preferences.reducedMotion),
    frontEnd: labFrontEnd({
      panel,
      ynotebook,
      highlight,
      kernel: () => kernel,
      learner: () => learner,
      expectedState,
      hasLearnerChanges,
      stopped,
      changed: () => host.changed()
    })
  });
  const player = playback.player;
  const kernel = new KernelRuns({
    panel,
    executor: options.executor ?? undefined,
    script,
    player,
    ynotebook,
    trans,
    announcer,
    cellNumber: cellId => playback.cellNumber(cellId),
    cellNumbers: cellIds => playback.cellNumbers(cellIds),
    expectedState,
    ensureConsent: force => learner.ensureConsent(force),
    follow: cellId => highlight.follow(cellId, true),
    stopped: () => host.stoppedReason() !== undefined,
    emitChanged: () => host.changed()
  });
  // A notebook saved (or autosaved) while the player was part way through its step holds the
  // player's typing, not the learner's: the step starts again without keeping a copy of it.
  const dirty = hasLearnerChanges() && !isPlayerProgress(ynotebook, script, keyframes, start, { ignoreBlankCells: true });
  const learner: LearnerControl = new LearnerControl(
    {
      ...options,
      player,
      ynotebook,
      trans,
      lastCellId: () => highlight.lastCellId,
      expectedState,
      hasLearnerChanges,
      consented: () => setMark({ consent: true }),
      stopped
    },
    dirty
  );
  const narration = new Narration({
    script,
    player,
    presenter: host.presenter,
    announcer,
    trans,
    verbosity: () => host.preferences().verbosity,
    divert: announcement => kernel.sayDroppedRun(announcement),
    changed: () => host.changed()
  });
  player.on('stateChanged', ({ state }) => host.stateChanged(state));
  player.on('stepChanged', ({ index }) => {
    kernel.stepChanged();
    setMark({ step: index });
    host.changed();
  });
  const points = new PointWatch({
    app: options.app,
    player,
    highlight: new PointHighlight(options.app, panel, trans),
    announcer,
    trans,
    resume: () => learner.resume(),
    changed: () => host.changed()
  });
  // The answer cell a pause names is shown (scrolled to, outlined), never focused (R16).
  player.on('waitingForLearner', ({ cell }) => {
    if (cell) {
      highlight.follow(cell, true);
    }
  });
  player.on('error', ({ message }) => {
    console.warn(`Notecast: playback stopped: ${message}`);
  });
  const begin = (): void => {
    const state = keyframes.at(start);
    if ((options.created || start === 0) && !learner.learnerDirty && (state.cells.length || hasLearnerChanges())) {
      playback.applier.restore(state);
    }
    if (start > 0) {
      void player.seek(start);
    }
  };
  const parts: SessionParts = {
    playback,
    kernel,
    learner,
    narration,
    highlight,
    points,
    disposers: [() => points.dispose(), showAnswerCells(panel, script, trans)],
    begin
  };
  watch(options, host, parts);
  return parts;
}

/** What the session listens to besides the player: runs the learner starts, the kernel, the panel, the file. */
function watch(options: SessionOptions, host: LifecycleHost, parts: SessionParts): void {
  const { panel, announcer } = options;
  const { disposers, kernel, learner } = parts;
  const onScheduled = (_: unknown, args: { notebook: Notebook; cell: Cell }): void => {
    if (args.notebook === panel.content && !kernel.isPlayerRun(args.cell)) {
      void learner.takeOver(false);
    }
  };
  // What the player types is the learner's unsaved work: shown, asked about on close, autosaved.
  disposers.push(markDirtyOnEdits(sharedModel(panel), PLAYER_ORIGIN));
  NotebookActions.executionScheduled.connect(onScheduled);
  disposers.push(() => NotebookActions.executionScheduled.disconnect(onScheduled));
  disposers.push(kernel.watchKernel());
  // Named `trans` where it words: the catalog's extractor finds `trans.__(…)` calls only.
  const { trans } = host;
  const onPanelDisposed = (): void => host.stop(trans.__('The notebook was closed. Playback stopped.'));
  panel.disposed.connect(onPanelDisposed);
  disposers.push(() => panel.disposed.disconnect(onPanelDisposed));
  disposers.push(
    watchTutorialFile(options.contents, options.tutorialPath, options.loadedModified, () => {
      host.fileChanged();
      announcer.announce(trans.__('The tutorial file changed on disk. Press Reload tutorial in the player to load the new version.'));
      host.changed();
    })
  );
}
