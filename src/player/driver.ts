/**
 * The driver behind `Player`: the state, the step timeline and the cues it
 * applies to the host. Its methods are the bodies of the player's commands,
 * run one at a time from the command queue, and the callbacks of timers and
 * kernel runs.
 *
 * The clock runs exactly while the state is `playing`. One place keeps that
 * true: `dispatch`, which every state change goes through, starts the
 * timeline on entering `playing` and holds it on leaving. Call sites only say
 * where script time stopped, when they know better than "now".
 *
 * Work that is not a command — timer callbacks and kernel results — is
 * invalidated rather than queued: every timer checks `generation`, bumped
 * whenever the timeline stops or is rescheduled, and a kernel result applies
 * only while its run is still the awaited `kernelRun`.
 */
import { cellInfo, isEditOperation, type EditOperation, type RunOperation, type Script } from '../format/index.js';
import * as say from './announcements.js';
import type { AnnouncedCell, Announcement } from './announcements.js';
import type { Cancel, Clock, Scheduler } from './clock.js';
import { coalesceKeystrokes, cueAt, type Cue, type StepCursor } from './cues.js';
import type { Emitter } from './emitter.js';
import { isConflict, type PlayerHost, type RunResult } from './host.js';
import { checkSpeed, type PlayerEvents, type PlayerOptions } from './options.js';
import { transition, type PlayerEvent, type PlayerState } from './state-machine.js';
import { KernelRun } from './kernel-run.js';
import { Timeline } from './timeline.js';

export class Driver {
  /** Changed only by `dispatch`, which keeps the clock in step with it. */
  private current: PlayerState = 'idle';
  stepIndex = 0;
  inStep: StepCursor = { operation: 0, keystroke: 0 };
  stepMode: boolean;
  reducedMotion: boolean;
  readonly timeline: Timeline;
  /** Set by `dispose`: nothing is called or emitted afterwards. */
  disposed = false;

  private readonly script: Script;
  private readonly clock: Clock;
  private readonly scheduler: Scheduler;
  private readonly host: PlayerHost;
  private readonly coalesceMs: number;
  /** Whether the current step has begun to play (and been announced). */
  private started = false;
  /** Stop at the end of this step even in continuous mode (the learner pressed Next). */
  private singleStep = false;
  private generation = 0;
  private cancelTimer: Cancel | undefined;
  private readonly kernelRun = new KernelRun();

  constructor(
    options: PlayerOptions,
    private readonly events: Emitter<PlayerEvents>
  ) {
    ({ script: this.script, clock: this.clock, scheduler: this.scheduler, host: this.host } = options);
    this.timeline = new Timeline(checkSpeed(options.speed ?? 1));
    this.stepMode = options.stepMode ?? false;
    this.reducedMotion = options.reducedMotion ?? false;
    this.coalesceMs = options.coalesceMs ?? 16;
  }

  get state(): PlayerState {
    return this.current;
  }

  get stepCount(): number {
    return this.script.steps.length;
  }

  /** Script ms into the current step, now. Never past a cue not yet applied. */
  currentTime(): number {
    return this.timeline.timeAt(this.clock.now(), this.nextCueAt());
  }

  /** When the next cue not yet applied falls due, in script time. */
  private nextCueAt(): number {
    const step = this.script.steps[this.stepIndex];
    return step ? cueAt(step, this.inStep, this.reducedMotion).at : Infinity;
  }

  /** Whether `event` would change the state now. */
  accepts(event: PlayerEvent): boolean {
    return transition(this.state, event) !== this.state;
  }

  // Command bodies.

  async play(singleStep: boolean): Promise<void> {
    if (this.state === 'ended') {
      await this.seek(0);
    }
    if (this.accepts('play')) {
      // Before the clock starts: an empty step ends at once.
      this.singleStep = singleStep;
      this.dispatch('play');
    }
  }

  pause(): void {
    this.dispatch('pause');
  }

  async next(isStale: () => boolean): Promise<void> {
    if (this.state === 'waiting-for-learner' || (!this.started && this.accepts('play'))) {
      await this.play(true);
    } else if (this.stepIndex < this.stepCount) {
      await this.seek(this.stepIndex + 1, isStale);
    }
  }

  /** A seek made stale by a later one while the host moved the notebook stops there: the later one, next in the queue, says where we are. */
  async seek(index: number, isStale: () => boolean = () => false): Promise<void> {
    this.kernelRun.drop();
    this.singleStep = false;
    // Stopped and paused at once, while the host moves the notebook.
    this.dispatch('seek', 0);
    if (!(await this.hostDid(() => this.host.seek(index))) || isStale()) {
      return;
    }
    this.enterStep(index);
    if (index === this.stepCount) {
      this.dispatch('tutorial-finished', 0);
      this.announce(say.finished());
    } else {
      this.announce(say.stepReached(index, this.stepCount, this.script.steps[index].title));
    }
  }

  setSpeed(speed: number): void {
    this.timeline.setSpeed(speed, this.clock.now(), this.nextCueAt());
    if (this.timeline.running) {
      this.reschedule();
    }
  }

  takeOver(): void {
    if (this.dispatch('take-over')) {
      this.announce(say.tookOver());
    }
  }

  async resume(restore: boolean): Promise<void> {
    if (!this.accepts('resume')) {
      return;
    }
    if (restore) {
      // Not playing, so the timeline is already held: only where it stands moves.
      this.timeline.moveTo(0);
      this.kernelRun.drop();
      if (!(await this.hostDid(() => this.host.restoreStep(this.stepIndex)))) {
        return;
      }
      this.inStep = { operation: 0, keystroke: 0 };
      this.started = false;
    }
    this.announce(say.resuming(this.stepIndex));
    this.singleStep = false;
    this.dispatch('resume');
  }

  dispose(): void {
    this.disposed = true;
    this.stopClock(this.timeline.timeAt(this.clock.now()));
    this.kernelRun.drop();
  }

  // The clock: started and stopped only by `dispatch` (and stopped for good by `dispose`).

  /**
   * Feed the state machine; true when the state changed. The one place the
   * clock starts and stops: it holds before the change is told (listeners of
   * a state other than `playing` never see it running) and starts after (so
   * cues due at once follow the news that playback started). `heldAt` is the
   * script time the timeline stops at, when not wherever it is now.
   */
  dispatch(event: PlayerEvent, heldAt?: number): boolean {
    const previous = this.current;
    const state = transition(previous, event);
    if (state !== 'playing') {
      this.stopClock(heldAt ?? this.currentTime());
    }
    if (state === previous) {
      return false;
    }
    this.current = state;
    this.events.emit('stateChanged', { state, previous });
    if (state === 'playing' && this.current === 'playing' && !this.disposed) {
      this.timeline.runFrom(this.timeline.timeAt(this.clock.now()), this.clock.now());
      this.reschedule();
    }
    return true;
  }

  /** Hold the timeline at script time `time` and invalidate any timer. */
  private stopClock(time: number): void {
    this.timeline.hold(time);
    this.reschedule();
  }

  /** Invalidate the timer; if the timeline runs, schedule again from its anchor. */
  private reschedule(): void {
    this.generation++;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    if (this.timeline.running) {
      this.pump();
    }
  }

  /** Apply every cue that is due, then schedule the next one; runs while `playing`, and a cue that changes the state ends it. */
  private pump(): void {
    const generation = this.generation;
    try {
      while (this.state === 'playing' && generation === this.generation) {
        if (this.kernelRun.pending) {
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
        const cue = cueAt(step, this.inStep, this.reducedMotion);
        const due = this.timeline.dueAt(cue.at);
        const now = this.clock.now();
        if (due > now) {
          this.cancelTimer = this.scheduler.schedule(due, () => {
            if (generation === this.generation) {
              this.cancelTimer = undefined;
              this.pump();
            }
          });
          return;
        }
        const until = now + this.coalesceMs;
        const coalesced =
          this.coalesceMs > 0 ? coalesceKeystrokes(step, this.inStep, cue, this.reducedMotion, at => this.timeline.dueAt(at) <= until) : cue;
        this.perform(coalesced, due);
      }
    } catch (error) {
      this.fail(error);
    }
  }

  // Cues.

  private perform(cue: Cue, due: number): void {
    if (cue.kind === 'step-end') {
      this.endStep(due);
      return;
    }
    const { operation } = cue;
    const step = this.stepIndex;
    const index = this.inStep.operation;
    const firstKeystroke = operation.op === 'type' && this.inStep.keystroke === 0;
    // A deleted cell has no number once it is gone: it is named as it was.
    const before = operation.op === 'delete-cell' ? this.announcedCell(operation.cell) : undefined;
    if (isEditOperation(operation)) {
      const outcome = this.host.applyEdit(operation, cue.typed);
      if (isConflict(outcome)) {
        this.conflictAt(cue.at, operation, outcome.conflict);
        return;
      }
    }
    this.inStep = cue.next;
    this.events.emit('operationApplied', { step, operation, typed: cue.typed, scheduledAt: due, appliedAt: this.clock.now() });
    switch (operation.op) {
      case 'narrate':
        this.announce(say.narration(operation.text));
        return;
      case 'wait':
        return;
      case 'pause':
        this.dispatch('learner-needed', operation.at);
        this.events.emit('waitingForLearner', { step, prompt: operation.prompt, ...(operation.cell ? { cell: operation.cell } : {}) });
        this.announce(say.yourTurn(operation.prompt));
        return;
      case 'point':
        this.events.emit('pointing', { step, operation });
        if (operation.wait) {
          this.dispatch('learner-needed', operation.at);
          this.events.emit('waitingForLearner', { step, command: operation.command });
        }
        return;
      case 'run':
        this.events.emit('runRequested', { step, operation });
        this.startRun(operation);
        return;
      default: {
        const cellType = cellInfo(this.script, operation.cell)?.type;
        const said = say.afterEdit(
          this.script.steps[step].operations,
          index,
          firstKeystroke,
          () => before ?? this.announcedCell(operation.cell),
          cellType
        );
        if (said) {
          this.announce(said);
        }
      }
    }
  }

  private startRun(operation: RunOperation): void {
    this.dispatch('run-started', operation.at);
    this.kernelRun.start(
      operation,
      cell => this.host.runCell(cell),
      (run, result) => this.runFinished(run, result),
      error => this.fail(error)
    );
  }

  private runFinished(operation: RunOperation, result: RunResult): void {
    const cell = this.announcedCell(operation.cell);
    const markdown = this.script.cells[operation.cell]?.type === 'markdown';
    if (say.runWentAsMeant(operation, result)) {
      this.announce(say.afterRun(result, cell, markdown, false));
      this.dispatch('run-finished');
    } else {
      const pausedByIt = this.dispatch('run-failed');
      this.announce(say.afterRun(result, cell, markdown, pausedByIt));
    }
  }

  private endStep(due: number): void {
    this.enterStep(this.stepIndex + 1);
    if (this.stepIndex === this.stepCount) {
      this.finishTutorial();
    } else if (this.stepMode || this.singleStep) {
      this.singleStep = false;
      this.dispatch('step-finished', 0);
    } else {
      // The next step starts when this one was due to end, not when the timer
      // fired: lateness does not carry from step to step.
      this.timeline.runFrom(0, due);
    }
  }

  private finishTutorial(): void {
    this.dispatch('tutorial-finished', 0);
    this.announce(say.finished());
  }

  private conflictAt(time: number, operation: EditOperation, message: string): void {
    this.dispatch('conflict', time);
    this.events.emit('conflict', { step: this.stepIndex, operation, message });
    this.announce(say.conflicted(this.stepIndex, operation.cell, message));
  }

  fail(error: unknown): void {
    if (this.disposed) {
      return;
    }
    this.kernelRun.drop();
    const message = error instanceof Error ? error.message : String(error);
    // Where exactly the timeline stops no longer matters: only a seek leaves `error`.
    this.dispatch('fail');
    this.events.emit('error', { message, cause: error });
    this.announce(say.failed(message));
  }

  /** Step `index` at its start, not yet played. */
  private enterStep(index: number): void {
    this.stepIndex = index;
    this.inStep = { operation: 0, keystroke: 0 };
    this.started = false;
    this.timeline.moveTo(0);
    this.events.emit('stepChanged', { index, count: this.stepCount });
  }

  /** Wait for the host to move the notebook; false if it failed (then the player is in `error`) or the player was disposed meanwhile. */
  private async hostDid(move: () => Promise<void> | void): Promise<boolean> {
    try {
      await move();
    } catch (error) {
      this.fail(error);
      return false;
    }
    return !this.disposed;
  }

  private announce(announcement: Announcement): void {
    this.events.emit('announcement', announcement);
  }

  /** The cell by its live position, and by the author's name for when it is gone. */
  private announcedCell(cellId: string): AnnouncedCell {
    return say.cellNamed(cellId, this.host.cellNumber(cellId), this.script);
  }
}
