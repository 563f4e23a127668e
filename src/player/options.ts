/**
 * What a `Player` is made with and what it tells: its options, its cursor and
 * its typed events.
 */
import type { Operation, PointOperation, RunOperation, Script } from '../format/index.js';
import type { Announcement } from './announcements.js';
import type { Clock, Scheduler } from './clock.js';
import type { TypedText } from './cues.js';
import type { ListenerErrorHandler } from './emitter.js';
import type { PlayerHost } from './host.js';
import type { PlayerState } from './state-machine.js';

export const MIN_SPEED = 0.25;
export const MAX_SPEED = 4;

export interface PlayerOptions {
  script: Script;
  clock: Clock;
  scheduler: Scheduler;
  host: PlayerHost;
  /** Initial speed, `MIN_SPEED`..`MAX_SPEED`; default 1. */
  speed?: number;
  /** Stop after every step (docs/explanation/accessibility.md, R13); default false. */
  stepMode?: boolean;
  /** Type whole blocks instead of keystrokes (docs/explanation/accessibility.md, R15); default false. */
  reducedMotion?: boolean;
  /** Where a throwing listener is reported; default `console.error`. */
  onListenerError?: ListenerErrorHandler;
  /**
   * Keystrokes of one `type` due within this many clock ms of the one being
   * typed go in the same edit (one Yjs transaction, one render): at high
   * speeds, or when timers run late on a busy machine, the notebook gets at
   * most about one edit per frame instead of one per keystroke. Default 16
   * (a frame); 0 types every keystroke on its own.
   */
  coalesceMs?: number;
}

/** Where playback is: step, operation and keystroke indices, and ms into the step (script time). */
export interface PlaybackCursor {
  step: number;
  operation: number;
  keystroke: number;
  time: number;
}

export interface PlayerEvents {
  stateChanged: { state: PlayerState; previous: PlayerState };
  /** `index === count` after the last step. */
  stepChanged: { index: number; count: number };
  announcement: Announcement;
  /**
   * A cue was applied: an edit (each keystroke of a `type`), a narration, a
   * wait, a pause reached or a run requested. `scheduledAt` and `appliedAt`
   * are clock times; their difference is the scheduler's lateness.
   */
  operationApplied: { step: number; operation: Operation; typed?: TypedText; scheduledAt: number; appliedAt: number };
  runRequested: { step: number; operation: RunOperation };
  /**
   * A pause reached: `prompt` says what to do, `cell` is the answer cell to
   * write in; for `::point{… wait}`, `command` is the command the learner is
   * to run (Play or Next still go on without it).
   */
  waitingForLearner: { step: number; prompt?: string; cell?: string; command?: string };
  /** A `point` operation: the host shows the learner where `operation.command` is, never runs it. */
  pointing: { step: number; operation: PointOperation };
  /**
   * An edit could not land; the player is paused on it. The ways on: `play()`
   * retries it (after the learner fixed things), `resume({ restore: true })`
   * restores the step and replays it, `nextStep()` skips to the next step.
   */
  conflict: { step: number; operation: Operation; message: string };
  error: { message: string; cause: unknown };
}

/** `speed`, if within `MIN_SPEED`..`MAX_SPEED`. @throws RangeError otherwise. */
export function checkSpeed(speed: number): number {
  if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
    throw new RangeError(`Speed ${speed} is out of range: expected ${MIN_SPEED} to ${MAX_SPEED}`);
  }
  return speed;
}
