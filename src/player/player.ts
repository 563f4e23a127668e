/**
 * The playback engine: plays a script's steps into a host at the right
 * moments, and answers the learner's commands. Pure and deterministic given
 * its clock, scheduler and host: no DOM, no global time.
 *
 * Timing. Within a step, cue times are script ms from the step's start (see
 * `cues.ts`). While playing, the step's timeline is anchored: script time
 * `position` was reached at clock time `clockAnchor`, and a cue at script time
 * `at` is due at `clockAnchor + (at - position) / speed`. Due times are
 * absolute, computed from the anchor and never from when the previous timer
 * fired, so a late timer delays one cue and nothing after it. The anchor moves
 * only where real time must not count: a pause, a speed change, a kernel run
 * or a learner pause ends (the wait's real length shifts what follows).
 *
 * Steps. The player is always at a step boundary or inside a step. A step
 * that ends in step mode leaves the player paused at the start of the next
 * one, not yet started: Play or Next plays it. Each step is announced once,
 * when it starts to play.
 *
 * Concurrency. Public commands are serialised on one queue, so an async one
 * (a seek waiting for the host) is never interleaved with another. Work that
 * is not a command — timer callbacks and kernel results — is invalidated
 * rather than queued: every timer checks `generation`, bumped whenever the
 * timeline is frozen or rescheduled, and a kernel result applies only while
 * its run is still `pendingRun`, which a seek or restore drops. A seek made
 * stale by a later seek is skipped without asking the host.
 */
import {
  cellInfo,
  isEditOperation,
  type EditOperation,
  type Operation,
  type PointOperation,
  type RunOperation,
  type Script,
  type Step
} from '../format/index.js';
import * as say from './announcements.js';
import type { AnnouncedCell, Announcement } from './announcements.js';
import type { Cancel, Clock, Scheduler } from './clock.js';
import { cueAt, type Cue, type StepCursor, type TypedText } from './cues.js';
import { Emitter, type Listener, type ListenerErrorHandler } from './emitter.js';
import type { EditConflict, PlayerHost, RunResult } from './host.js';
import { transition, type PlayerEvent, type PlayerState } from './state-machine.js';

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

interface PendingRun {
  operation: RunOperation;
}

/**
 * Plays a script: the state machine (idle, playing, waiting-for-kernel,
 * paused, taken-over, ended, error) and the clock that decides when each
 * operation happens. It does nothing to a notebook itself: it calls its
 * `host` (`applyEdit`, `runCell`, `seek`, `restoreStep`, `cellNumber`) and tells what
 * happens through typed events (`on('stepChanged', …)`, `on('announcement', …)`),
 * never sentences. Commands (`play`, `pause`, `nextStep`, `seek`, `takeOver`,
 * `resume`, …) queue and resolve when they have taken effect.
 *
 * Most users want a `PlaybackSession`, which joins a `Player` to a real
 * notebook; use `Player` alone to drive something else. `ManualClock` (both a
 * clock and a scheduler) makes playback deterministic in tests; `realClock`
 * and `realScheduler` play in real time.
 *
 * @example
 * ```ts
 * import { compile } from 'jupyterlab-notecast/compiler';
 * import { Player, realClock, realScheduler } from 'jupyterlab-notecast/player';
 *
 * const { script } = compile(markdown);
 * const player = new Player({
 *   script: script!,
 *   clock: realClock,
 *   scheduler: realScheduler,
 *   host: {
 *     applyEdit: operation => console.log('edit', operation.op),
 *     runCell: () => Promise.resolve({ ok: true, outputLines: 0 }),
 *     seek: () => undefined,
 *     restoreStep: () => undefined,
 *     cellNumber: () => undefined
 *   }
 * });
 * player.on('stepChanged', ({ index, count }) => console.log(`step ${index + 1} of ${count}`));
 * await player.play();
 * ```
 */
export class Player {
  readonly script: Script;
  private readonly clock: Clock;
  private readonly scheduler: Scheduler;
  private readonly host: PlayerHost;
  private readonly events: Emitter<PlayerEvents>;

  private current: PlayerState = 'idle';
  private stepIndex = 0;
  private inStep: StepCursor = { operation: 0, keystroke: 0 };
  /** Whether the current step has begun to play (and been announced). */
  private started = false;
  /** Script ms into the step at `clockAnchor`, or where the timeline is frozen. */
  private position = 0;
  /** Clock time at which the timeline was at `position`; undefined while frozen. */
  private clockAnchor: number | undefined;
  private playbackSpeed: number;
  private stepByStep: boolean;
  private wholeBlocks: boolean;
  private readonly coalesceMs: number;
  /** Stop at the end of this step even in continuous mode (the learner pressed Next). */
  private singleStep = false;

  private generation = 0;
  private cancelTimer: Cancel | undefined;
  private pendingRun: PendingRun | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** Commands queued or running. */
  private commands = 0;
  private navigations = 0;
  private latestSeek = 0;
  private disposed = false;

  constructor(options: PlayerOptions) {
    this.script = options.script;
    this.clock = options.clock;
    this.scheduler = options.scheduler;
    this.host = options.host;
    this.playbackSpeed = checkSpeed(options.speed ?? 1);
    this.stepByStep = options.stepMode ?? false;
    this.wholeBlocks = options.reducedMotion ?? false;
    this.coalesceMs = options.coalesceMs ?? 16;
    this.events = new Emitter(options.onListenerError ?? ((error, event) => console.error(`Notecast player: a "${event}" listener threw`, error)));
  }

  get state(): PlayerState {
    return this.current;
  }

  /** The current step's index; `stepCount` once the tutorial has ended. */
  get step(): number {
    return this.stepIndex;
  }

  get stepCount(): number {
    return this.script.steps.length;
  }

  get speed(): number {
    return this.playbackSpeed;
  }

  get stepMode(): boolean {
    return this.stepByStep;
  }

  get reducedMotion(): boolean {
    return this.wholeBlocks;
  }

  /**
   * Whether a command is queued or running: until it is done, what the
   * player does next depends on it. (While `playing` and not busy, what
   * happens next is only timers firing: a driver of a manual clock can fire
   * them one after the other without waiting on promises.)
   */
  get busy(): boolean {
    return this.commands > 0;
  }

  get cursor(): PlaybackCursor {
    return { step: this.stepIndex, ...this.inStep, time: this.currentTime() };
  }

  /**
   * The current step's operations that have not finished, the one being typed
   * first: what resuming will touch, so the embedder can check the learner's
   * edits for conflicts before calling `resume`.
   */
  remainingOperations(): readonly Operation[] {
    return this.script.steps[this.stepIndex]?.operations.slice(this.inStep.operation) ?? [];
  }

  on<K extends keyof PlayerEvents>(event: K, listener: Listener<PlayerEvents[K]>): () => void {
    return this.events.on(event, listener);
  }

  off<K extends keyof PlayerEvents>(event: K, listener: Listener<PlayerEvents[K]>): void {
    this.events.off(event, listener);
  }

  // Commands. Each returns when the queue has carried it out; none rejects
  // (a failing host puts the player in `error` and emits `error`).

  /** Play, continuously or step by step; at the end, play from the start again. */
  play(): Promise<void> {
    return this.command(() => this.playNow(false));
  }

  pause(): Promise<void> {
    return this.command(() => this.pauseNow());
  }

  /** Pause if pausing means something now, else play. */
  toggle(): Promise<void> {
    return this.command(() => (transition(this.current, 'pause') !== this.current ? this.pauseNow() : this.playNow(false)));
  }

  /**
   * Go one step forward. At a step that has not started (idle, or paused at a
   * boundary) that means playing it, then stopping at its end; at a pause in
   * the tutorial, continuing to the end of the step; anywhere else, skipping
   * to the start of the next step.
   */
  nextStep(): Promise<void> {
    const ticket = this.navigation(false);
    return this.command(() => (this.isStale(ticket) ? undefined : this.nextNow(ticket)));
  }

  /**
   * Go to the start of the previous step (from the end: of the last step).
   * Always one step back, never "restart this step if past 2 s" as media
   * players do: the same key doing one predictable thing matters more to a
   * screen-reader user; `seek(player.step)` restarts the current step.
   */
  previousStep(): Promise<void> {
    const ticket = this.navigation(false);
    return this.command(() => (this.isStale(ticket) ? undefined : this.seekNow(Math.max(0, this.stepIndex - 1), ticket)));
  }

  /**
   * Put the notebook at the start of step `index` (`stepCount`: the end) and
   * stop there, paused. Unlike a video player, a seek never keeps playing: the
   * kernel has not run the skipped cells, so the learner decides what runs.
   * @throws RangeError if `index` is not an integer in 0..stepCount.
   */
  seek(index: number): Promise<void> {
    if (!Number.isInteger(index) || index < 0 || index > this.stepCount) {
      throw new RangeError(`Cannot seek to step ${index}: expected an integer from 0 to ${this.stepCount}`);
    }
    const ticket = this.navigation(true);
    return this.command(() => (this.isStale(ticket) ? undefined : this.seekNow(index, ticket)));
  }

  /** Seek to the first step and play. */
  restart(): Promise<void> {
    const ticket = this.navigation(true);
    return this.command(async () => {
      if (!this.isStale(ticket)) {
        await this.seekNow(0, ticket);
        await this.playNow(false);
      }
    });
  }

  /**
   * Change speed without moving: the rest of the current gap and everything
   * after it scale, what has played stays played.
   * @throws RangeError if `speed` is not within `MIN_SPEED`..`MAX_SPEED`.
   */
  setSpeed(speed: number): Promise<void> {
    checkSpeed(speed);
    return this.command(() => {
      if (this.clockAnchor === undefined) {
        this.playbackSpeed = speed;
        return;
      }
      this.position = this.currentTime();
      this.clockAnchor = this.clock.now();
      this.playbackSpeed = speed;
      this.reschedule();
    });
  }

  setStepMode(on: boolean): Promise<void> {
    return this.command(() => {
      this.stepByStep = on;
    });
  }

  /** Takes effect at the next cue; a `type` in progress types the rest at once. */
  setReducedMotion(on: boolean): Promise<void> {
    return this.command(() => {
      this.wholeBlocks = on;
    });
  }

  /**
   * The learner takes control (explicitly, or the embedder saw them edit):
   * playback pauses where it is. A kernel run in progress still reports.
   */
  takeOver(): Promise<void> {
    return this.command(() => {
      if (transition(this.current, 'take-over') !== this.current) {
        this.holdAt(this.currentTime());
        this.dispatch('take-over');
        this.announce(say.tookOver());
      }
    });
  }

  /**
   * Continue after a take-over (or a pause or conflict) from where playback
   * stopped, on the learner's notebook; with `restore`, first have the host
   * restore the current step's starting state (keeping the learner's version)
   * and replay the step from its start.
   */
  resume(options: { restore?: boolean } = {}): Promise<void> {
    return this.command(() => this.resumeNow(options.restore ?? false));
  }

  /** Stop everything: no callback, listener or host call happens afterwards. */
  dispose(): void {
    this.disposed = true;
    this.holdAt(this.position);
    this.pendingRun = undefined;
    this.events.clear();
  }

  // Command bodies, run from the queue.

  private async playNow(singleStep: boolean): Promise<void> {
    if (this.current === 'ended') {
      await this.seekNow(0);
    }
    if (this.dispatch('play')) {
      this.singleStep = singleStep;
      this.startClock();
    }
  }

  private pauseNow(): void {
    if (transition(this.current, 'pause') !== this.current) {
      this.holdAt(this.currentTime());
      this.dispatch('pause');
    }
  }

  private async nextNow(ticket: number): Promise<void> {
    if (this.current === 'waiting-for-learner' || (!this.started && transition(this.current, 'play') !== this.current)) {
      await this.playNow(true);
    } else if (this.stepIndex < this.stepCount) {
      await this.seekNow(this.stepIndex + 1, ticket);
    }
  }

  /**
   * A seek that a later one made stale while the host was moving the notebook
   * stops there: the later seek, next in the queue, says where we are.
   */
  private async seekNow(index: number, ticket?: number): Promise<void> {
    this.holdAt(0);
    this.pendingRun = undefined;
    this.singleStep = false;
    // Frozen and paused at once, while the host moves the notebook.
    this.dispatch('seek');
    try {
      await this.host.seek(index);
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.disposed || (ticket !== undefined && this.isStale(ticket))) {
      return;
    }
    this.enterStep(index);
    if (index === this.stepCount) {
      this.dispatch('tutorial-finished');
      this.announce(say.finished());
    } else {
      this.announce(say.stepReached(index, this.stepCount, this.script.steps[index].title));
    }
  }

  private async resumeNow(restore: boolean): Promise<void> {
    if (transition(this.current, 'resume') === this.current) {
      return;
    }
    if (restore) {
      this.holdAt(0);
      this.pendingRun = undefined;
      try {
        await this.host.restoreStep(this.stepIndex);
      } catch (error) {
        this.fail(error);
        return;
      }
      if (this.disposed) {
        return;
      }
      this.inStep = { operation: 0, keystroke: 0 };
      this.started = false;
    }
    this.announce(say.resuming(this.stepIndex));
    this.dispatch('resume');
    this.singleStep = false;
    this.startClock();
  }

  // The timeline.

  /** Script ms into the current step, now. Never past a cue not yet applied. */
  private currentTime(): number {
    if (this.clockAnchor === undefined) {
      return this.position;
    }
    const elapsed = this.position + (this.clock.now() - this.clockAnchor) * this.playbackSpeed;
    const step = this.script.steps[this.stepIndex];
    // A late timer must not let time run past its cue: pausing then would
    // shorten the gap after it.
    return step ? Math.max(this.position, Math.min(elapsed, cueAt(step, this.inStep, this.wholeBlocks).at)) : elapsed;
  }

  private startClock(): void {
    this.clockAnchor = this.clock.now();
    this.pump();
  }

  /** Freeze the timeline at script time `time` and invalidate any timer. */
  private holdAt(time: number): void {
    this.position = time;
    this.clockAnchor = undefined;
    this.reschedule();
  }

  /** Invalidate the timer; if the timeline runs, schedule again from the anchor. */
  private reschedule(): void {
    this.generation++;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    if (this.clockAnchor !== undefined) {
      this.pump();
    }
  }

  /**
   * Apply every cue that is due, then schedule the next one. Runs while
   * `playing`; a cue that changes the state (a run, a pause, a stop) ends it.
   */
  private pump(): void {
    const generation = this.generation;
    try {
      while (this.current === 'playing' && generation === this.generation) {
        if (this.pendingRun) {
          this.dispatch('run-started');
          return;
        }
        const step = this.script.steps[this.stepIndex];
        if (!step) {
          this.finishTutorial();
          return;
        }
        if (!this.started) {
          this.started = true;
          this.announce(say.stepStarted(this.stepIndex, this.stepCount, step));
        }
        const cue = cueAt(step, this.inStep, this.wholeBlocks);
        const due = this.clockAnchor! + (cue.at - this.position) / this.playbackSpeed;
        if (due > this.clock.now()) {
          this.cancelTimer = this.scheduler.schedule(due, () => {
            if (generation === this.generation) {
              this.cancelTimer = undefined;
              this.pump();
            }
          });
          return;
        }
        this.perform(this.coalesced(step, cue), due);
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * A keystroke cue with the keystrokes after it that fall due within
   * `coalesceMs` of now, as one cue: one edit typing their text together.
   */
  private coalesced(step: Step, cue: Cue): Cue {
    if (cue.kind !== 'operation' || cue.operation.op !== 'type' || !cue.typed || this.coalesceMs <= 0) {
      return cue;
    }
    const until = this.clock.now() + this.coalesceMs;
    let merged = cue;
    let text = cue.typed.text;
    for (;;) {
      if (merged.next.operation !== this.inStep.operation) {
        break;
      }
      const next = cueAt(step, merged.next, this.wholeBlocks);
      if (next.kind !== 'operation' || next.operation !== cue.operation || !next.typed) {
        break;
      }
      if (this.clockAnchor! + (next.at - this.position) / this.playbackSpeed > until) {
        break;
      }
      text += next.typed.text;
      merged = { ...next, typed: { index: cue.typed.index, text } };
    }
    return merged;
  }

  private perform(cue: Cue, due: number): void {
    if (cue.kind === 'step-end') {
      this.endStep(due);
      return;
    }
    const { operation } = cue;
    const step = this.stepIndex;
    const applied = () => this.events.emit('operationApplied', { step, operation, typed: cue.typed, scheduledAt: due, appliedAt: this.clock.now() });
    if (isEditOperation(operation)) {
      const index = this.inStep.operation;
      const operations = this.script.steps[step].operations;
      // A deleted cell has no number once it is gone: it is named as it was.
      const before = operation.op === 'delete-cell' ? this.announcedCell(operation.cell) : undefined;
      const firstKeystroke = operation.op === 'type' && this.inStep.keystroke === 0;
      const outcome = this.host.applyEdit(operation, cue.typed);
      if (isConflict(outcome)) {
        this.conflictAt(cue.at, operation, outcome.conflict);
        return;
      }
      this.inStep = cue.next;
      applied();
      const cellType = cellInfo(this.script, operation.cell)?.type;
      if (operation.op === 'delete-cell') {
        this.announce(say.deleting(before!));
      } else if (operation.op === 'delete-text') {
        this.announce(say.replacing(say.replacementOf(operation, operations[index + 1]), this.announcedCell(operation.cell), cellType));
      } else if (firstKeystroke) {
        // The typing half of a replace was said with its delete.
        const previous = operations[index - 1];
        if (!(previous?.op === 'delete-text' && say.replacementOf(previous, operation))) {
          this.announce(say.typing(operation, this.announcedCell(operation.cell), cellType));
        }
      }
      return;
    }
    this.inStep = cue.next;
    applied();
    switch (operation.op) {
      case 'narrate':
        this.announce(say.narration(operation.text));
        return;
      case 'wait':
        return;
      case 'pause':
        this.holdAt(operation.at);
        this.dispatch('learner-needed');
        this.events.emit('waitingForLearner', { step, prompt: operation.prompt, ...(operation.cell ? { cell: operation.cell } : {}) });
        this.announce(say.yourTurn(operation.prompt));
        return;
      case 'point':
        this.events.emit('pointing', { step, operation });
        if (operation.wait) {
          this.holdAt(operation.at);
          this.dispatch('learner-needed');
          this.events.emit('waitingForLearner', { step, command: operation.command });
        }
        return;
      case 'run':
        this.holdAt(operation.at);
        this.events.emit('runRequested', { step, operation });
        this.startRun(operation);
        return;
    }
  }

  private startRun(operation: RunOperation): void {
    const run: PendingRun = { operation };
    this.pendingRun = run;
    this.dispatch('run-started');
    new Promise<RunResult>(resolve => resolve(this.host.runCell(operation.cell)))
      .then(
        result => this.runFinished(run, result),
        error => {
          if (this.pendingRun === run) {
            this.fail(error);
          }
        }
      )
      .catch(error => this.fail(error));
  }

  private runFinished(run: PendingRun, result: RunResult): void {
    // Dropped by a seek, a restore or dispose: a stale result never applies.
    if (this.pendingRun !== run) {
      return;
    }
    this.pendingRun = undefined;
    const cell = this.announcedCell(run.operation.cell);
    // The exception the tutorial shows on purpose (`error=`) is said, and playback goes on.
    const meant = !result.ok && run.operation.error !== undefined && result.error === run.operation.error;
    if (result.ok || meant) {
      this.announce(
        meant
          ? say.raised(cell, result.error, false)
          : say.ran(cell, result.outputLines, this.script.cells[run.operation.cell]?.type === 'markdown', result.output)
      );
      if (this.dispatch('run-finished')) {
        this.startClock();
      }
    } else {
      const pausedByIt = this.dispatch('run-failed');
      this.announce(say.raised(cell, result.error, pausedByIt));
    }
  }

  private endStep(due: number): void {
    this.enterStep(this.stepIndex + 1);
    if (this.stepIndex === this.stepCount) {
      this.finishTutorial();
    } else if (this.stepByStep || this.singleStep) {
      this.singleStep = false;
      this.holdAt(0);
      this.dispatch('step-finished');
    } else {
      // The next step starts when this one was due to end, not when the timer
      // fired: lateness does not carry from step to step.
      this.clockAnchor = due;
    }
  }

  private finishTutorial(): void {
    this.holdAt(0);
    this.dispatch('tutorial-finished');
    this.announce(say.finished());
  }

  private conflictAt(time: number, operation: EditOperation, message: string): void {
    this.holdAt(time);
    this.dispatch('conflict');
    this.events.emit('conflict', { step: this.stepIndex, operation, message });
    this.announce(say.conflicted(this.stepIndex, operation.cell, message));
  }

  private fail(error: unknown): void {
    if (this.disposed) {
      return;
    }
    // Where exactly the timeline stops no longer matters: only a seek leaves `error`.
    this.holdAt(this.position);
    this.pendingRun = undefined;
    const message = error instanceof Error ? error.message : String(error);
    this.dispatch('fail');
    this.events.emit('error', { message, cause: error });
    this.announce(say.failed(message));
  }

  // Plumbing.

  /** Step `index` at its start, not yet played. */
  private enterStep(index: number): void {
    this.stepIndex = index;
    this.inStep = { operation: 0, keystroke: 0 };
    this.started = false;
    this.position = 0;
    this.events.emit('stepChanged', { index, count: this.stepCount });
  }

  /** Feed the state machine; true when the state changed. */
  private dispatch(event: PlayerEvent): boolean {
    const previous = this.current;
    const state = transition(previous, event);
    if (state === previous) {
      return false;
    }
    this.current = state;
    this.events.emit('stateChanged', { state, previous });
    return true;
  }

  private announce(announcement: Announcement): void {
    this.events.emit('announcement', announcement);
  }

  /** The cell by its live position, and by the author's name for when it is gone. */
  private announcedCell(cellId: string): AnnouncedCell {
    const cellNumber = this.host.cellNumber(cellId);
    const cellName = this.script.cells[cellId]?.name ?? cellId;
    return cellNumber === undefined ? { cell: cellId, cellName } : { cell: cellId, cellNumber, cellName };
  }

  private command(body: () => void | Promise<void>): Promise<void> {
    this.commands++;
    const done = this.queue
      .then(() => (this.disposed ? undefined : body()))
      .catch(error => this.fail(error))
      .finally(() => {
        this.commands--;
      });
    this.queue = done;
    return done;
  }

  /**
   * A ticket for a navigation command. A seek (absolute) makes every earlier
   * navigation still in the queue stale: its result would be replaced anyway,
   * so scrubbing the slider asks the host for one seek, not twenty. Relative
   * moves (next, previous) never make each other stale: three presses of
   * Previous go three steps back.
   */
  private navigation(absolute: boolean): number {
    const ticket = ++this.navigations;
    if (absolute) {
      this.latestSeek = ticket;
    }
    return ticket;
  }

  private isStale(ticket: number): boolean {
    return ticket < this.latestSeek;
  }
}

function checkSpeed(speed: number): number {
  if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
    throw new RangeError(`Speed ${speed} is out of range: expected ${MIN_SPEED} to ${MAX_SPEED}`);
  }
  return speed;
}

function isConflict(outcome: void | EditConflict): outcome is EditConflict {
  return typeof outcome === 'object' && outcome !== null && typeof outcome.conflict === 'string';
}
