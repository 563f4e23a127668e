import { YNotebook } from '@jupyter/ydoc';
import type { Keyframes, NotebookApplier, NotebookContent } from '../apply/index.js';
import type { Script } from '../format/index.js';
import { ManualClock, type Player, type RunResult } from '../player/index.js';
import { PlaybackSession } from './playback-session.js';

export interface HeadlessOptions {
  /** What a `run` does; default: succeeds at once with no output (there is no kernel). */
  runCell?: (cellId: string, notebook: YNotebook) => Promise<RunResult>;
  speed?: number;
  stepMode?: boolean;
  reducedMotion?: boolean;
}

/**
 * The playback session on a notebook of its own, with a manual clock and no
 * kernel: the whole product minus the browser. The play-through tests drive
 * it (the command line's `timeline` drives the player alone, with
 * `playToEnd`). Learner edits made on `notebook` take over playback, as in
 * JupyterLab; the learner's versions are kept before a restore replaces them.
 */
export class HeadlessSession {
  readonly clock = new ManualClock();
  readonly notebook = YNotebook.create();
  /** The learner's versions saved before the tutorial's state replaced them. */
  private readonly keptVersions: NotebookContent[] = [];
  private restoreCount = 0;
  private readonly session: PlaybackSession;

  constructor(
    readonly script: Script,
    options: HeadlessOptions = {}
  ) {
    const runCell = options.runCell ?? (() => Promise.resolve({ ok: true }));
    this.session = new PlaybackSession({
      script,
      notebook: this.notebook,
      clock: this.clock,
      scheduler: this.clock,
      speed: options.speed,
      stepMode: options.stepMode,
      reducedMotion: options.reducedMotion,
      frontEnd: {
        runCell: cellId => runCell(cellId, this.notebook),
        beforeRestore: () => {
          if (this.hasLearnerChanges) {
            this.keptVersions.push(this.notebook.toJSON());
          }
          return true;
        },
        afterRestore: () => {
          this.restoreCount++;
        }
      }
    });
  }

  get player(): Player {
    return this.session.player;
  }

  get applier(): NotebookApplier {
    return this.session.applier;
  }

  get keyframes(): Keyframes {
    return this.session.keyframes;
  }

  /** The learner's versions saved before the tutorial's state replaced them. */
  get kept(): readonly NotebookContent[] {
    return this.keptVersions;
  }

  /** How many times the notebook was put back in the tutorial's state. */
  get restores(): number {
    return this.restoreCount;
  }

  /** The cell's number in the notebook (from 1), if it is there. */
  cellNumber(cellId: string): number | undefined {
    return this.session.cellNumber(cellId);
  }

  /** Whether the notebook holds anything the tutorial did not put there. */
  get hasLearnerChanges(): boolean {
    return this.session.hasLearnerChanges();
  }

  /** Let pending promises (host calls, the command queue) settle. */
  settle(): Promise<void> {
    return settle();
  }

  /**
   * Advance time until the tutorial ends, continuing at each pause as a
   * patient learner would. `onWait` hears about every wait on the world.
   */
  playToEnd(onWait?: (kind: 'learner', at: number) => void, limit?: number): Promise<void> {
    return playToEnd(this.player, this.clock, onWait, limit);
  }

  dispose(): void {
    this.session.dispose();
    // A YNotebook keeps Node alive until disposed.
    this.notebook.dispose();
  }
}

/** Let pending promises (host calls, the command queue) settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await Promise.resolve();
  }
  await new Promise(resolve => setImmediate(resolve));
}

/**
 * Advance `clock` until `player` ends the tutorial, continuing at each pause
 * as a patient learner would. `onWait` hears about every wait on the world.
 * Any number of cues is fine; what fails is `limit` turns in a row on which
 * nothing moved (no timer, the same place in the tutorial): a host call that
 * never answers.
 */
export async function playToEnd(player: Player, clock: ManualClock, onWait?: (kind: 'learner', at: number) => void, limit = 1_000_000): Promise<void> {
  void player.play();
  await settle();
  let place = placeOf(player);
  for (let still = 0; still < limit;) {
    const state = player.state;
    if (state === 'ended' || state === 'error') {
      return;
    }
    const next = clock.nextTimerAt;
    if (state === 'waiting-for-learner' || state === 'paused') {
      onWait?.('learner', clock.now());
      void player.play();
    } else if (next !== undefined) {
      clock.advanceTo(next);
      // Nothing waits on a promise (no command, no kernel): the next timer
      // can fire at once. Waiting a turn of the event loop per keystroke
      // would cost more than all the rest.
      if (player.state === 'playing' && !player.busy) {
        still = 0;
        continue;
      }
    }
    await settle();
    const now = placeOf(player);
    if (next !== undefined || now !== place) {
      still = 0;
      place = now;
    } else {
      still++;
    }
  }
  throw new Error(`the tutorial stopped moving (${player.state} at step ${player.step + 1}) for ${limit} turns of the event loop`);
}

/** Where playback is, as one comparable value. */
function placeOf(player: Player): string {
  const { step, operation, keystroke } = player.cursor;
  return `${player.state} ${step} ${operation} ${keystroke}`;
}
