/**
 * One tutorial playing in a page: a real `YNotebook.create()`, the session
 * (player, applier, keyframes: the same timing, seeking and speeds as in
 * JupyterLab), the notebook's DOM view, and what the player says, worded by
 * the session's Presenter. Runs need no kernel: a run shows what the
 * tutorial was baked with (or says the output appears when run for real).
 */
import { YNotebook } from '@jupyter/ydoc';
import { notebookMetadata } from '../apply/index.js';
import { kernelLanguage, type RunOperation, type Script, type Translations } from '../format/index.js';
import { realClock, realScheduler, type Announcement, type PlayerState } from '../player/index.js';
import { PlaybackSession, Presenter, type LanguagePart } from '../session/index.js';
import { loadGrammar } from './highlight.js';
import { NotebookView } from './notebook-view.js';
import { runResult } from './outputs-view.js';

export interface PlaybackEvents {
  state(state: PlayerState): void;
  step(index: number, count: number): void;
  /** What is said: `caption` when it is the narration, shown as the captions. */
  say(parts: LanguagePart[], assertive: boolean, position: boolean): void;
  caption(text: string | undefined): void;
}

export interface PlaybackOptions {
  script: Script;
  trans: Translations;
  speed: number;
  stepMode: boolean;
  reducedMotion: boolean;
  events: PlaybackEvents;
}

export class Playback {
  readonly session: PlaybackSession;
  readonly view: NotebookView;
  readonly presenter: Presenter;
  private readonly notebook: YNotebook;
  private pendingRun: RunOperation | undefined;

  constructor(private readonly options: PlaybackOptions) {
    const { script, trans, events } = options;
    this.presenter = new Presenter(trans);
    this.notebook = YNotebook.create({ data: { metadata: notebookMetadata(script) } } as never);
    const lang = script.lang ?? 'en';
    this.view = new NotebookView(this.notebook, trans, undefined, lang);
    this.session = new PlaybackSession({
      script,
      notebook: this.notebook,
      clock: realClock,
      scheduler: realScheduler,
      speed: options.speed,
      stepMode: options.stepMode,
      reducedMotion: options.reducedMotion,
      frontEnd: {
        runCell: cellId => Promise.resolve(this.run(cellId)),
        afterRestore: index => {
          this.view.resetRuns(runsBefore(script, index));
          this.view.setActive(undefined);
          events.caption(undefined);
        },
        afterEdit: operation => this.view.setActive(operation.cell),
        // Nobody edits a page's notebook but the player; nothing to hand over.
        learnerEdited: () => undefined
      }
    });
    const player = this.session.player;
    player.on('stateChanged', ({ state }) => events.state(state));
    player.on('stepChanged', ({ index, count }) => events.step(index, count));
    player.on('runRequested', ({ operation }) => (this.pendingRun = operation));
    player.on('announcement', announcement => this.announce(announcement));
    void loadGrammar(kernelLanguage(script.kernel)).then(parser => {
      if (parser) this.view.setParser(parser);
    });
  }

  dispose(): void {
    this.session.dispose();
    this.view.dispose();
    this.notebook.dispose();
  }

  private run(cellId: string) {
    const run = this.pendingRun?.cell === cellId ? this.pendingRun : undefined;
    this.pendingRun = undefined;
    if (!run) return { ok: true };
    this.view.setRun(cellId, run);
    return runResult(run);
  }

  private announce(announcement: Announcement): void {
    const lang = this.options.script.lang ?? 'en';
    const parts = this.presenter.parts(announcement, lang);
    const position = announcement.kind === 'step-reached';
    this.options.events.say(parts, announcement.politeness === 'assertive', position);
    const narration = this.presenter.narrationIn(announcement);
    if (narration !== undefined) this.options.events.caption(narration);
    else if (announcement.kind === 'step-started' || announcement.kind === 'step-reached') this.options.events.caption(undefined);
  }
}

/** The last run of each cell before step `index` (cells deleted since, left out): what a seek shows. */
export function runsBefore(script: Script, index: number): Map<string, RunOperation> {
  const runs = new Map<string, RunOperation>();
  for (const step of script.steps.slice(0, index)) {
    for (const operation of step.operations) {
      if (operation.op === 'run') runs.set(operation.cell, operation);
      else if (operation.op === 'delete-cell') runs.delete(operation.cell);
    }
  }
  return runs;
}
