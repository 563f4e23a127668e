/**
 * The player's public face: its commands, serialised on a `CommandQueue` and
 * carried out by a `Driver`, and what it reports. Pure and deterministic
 * given its clock, scheduler and host: no DOM, no global time.
 *
 * Steps. The player is always at a step boundary or inside a step. A step
 * that ends in step mode leaves it paused at the start of the next one, not
 * yet started: Play or Next plays it. Each step is announced once, when it
 * starts to play.
 */
import type { Operation, Script } from '../format/index.js';
import { CommandQueue } from './command-queue.js';
import { Driver } from './driver.js';
import { Emitter, type Listener } from './emitter.js';
import { checkSpeed, type PlaybackCursor, type PlayerEvents, type PlayerOptions } from './options.js';
import type { PlayerState } from './state-machine.js';

export { MAX_SPEED, MIN_SPEED, type PlaybackCursor, type PlayerEvents, type PlayerOptions } from './options.js';

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
  private readonly events: Emitter<PlayerEvents>;
  private readonly driver: Driver;
  private readonly queue: CommandQueue;

  constructor(options: PlayerOptions) {
    this.script = options.script;
    this.events = new Emitter(options.onListenerError ?? ((error, event) => console.error(`Notecast player: a "${event}" listener threw`, error)));
    this.driver = new Driver(options, this.events);
    this.queue = new CommandQueue(
      error => this.driver.fail(error),
      () => this.driver.disposed
    );
  }

  get state(): PlayerState {
    return this.driver.state;
  }

  /** The current step's index; `stepCount` once the tutorial has ended. */
  get step(): number {
    return this.driver.stepIndex;
  }

  get stepCount(): number {
    return this.script.steps.length;
  }

  get speed(): number {
    return this.driver.timeline.speed;
  }

  get stepMode(): boolean {
    return this.driver.stepMode;
  }

  get reducedMotion(): boolean {
    return this.driver.reducedMotion;
  }

  /**
   * Whether a command is queued or running: until it is done, what the
   * player does next depends on it. (While `playing` and not busy, what
   * happens next is only timers firing: a driver of a manual clock can fire
   * them one after the other without waiting on promises.)
   */
  get busy(): boolean {
    return this.queue.busy;
  }

  get cursor(): PlaybackCursor {
    return { step: this.driver.stepIndex, ...this.driver.inStep, time: this.driver.currentTime() };
  }

  /**
   * The current step's operations that have not finished, the one being typed
   * first: what resuming will touch, so the embedder can check the learner's
   * edits for conflicts before calling `resume`.
   */
  remainingOperations(): readonly Operation[] {
    return this.script.steps[this.driver.stepIndex]?.operations.slice(this.driver.inStep.operation) ?? [];
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
    return this.queue.run(() => this.driver.play(false));
  }

  pause(): Promise<void> {
    return this.queue.run(() => this.driver.pause());
  }

  /** Pause if pausing means something now, else play. */
  toggle(): Promise<void> {
    return this.queue.run(() => (this.driver.accepts('pause') ? this.driver.pause() : this.driver.play(false)));
  }

  /**
   * Go one step forward. At a step that has not started (idle, or paused at a
   * boundary) that means playing it, then stopping at its end; at a pause in
   * the tutorial, continuing to the end of the step; anywhere else, skipping
   * to the start of the next step.
   */
  nextStep(): Promise<void> {
    const ticket = this.queue.navigation(false);
    const isStale = () => this.queue.isStale(ticket);
    return this.queue.run(() => (isStale() ? undefined : this.driver.next(isStale)));
  }

  /**
   * Go to the start of the previous step (from the end: of the last step).
   * Always one step back, never "restart this step if past 2 s" as media
   * players do: the same key doing one predictable thing matters more to a
   * screen-reader user; `seek(player.step)` restarts the current step.
   */
  previousStep(): Promise<void> {
    const ticket = this.queue.navigation(false);
    const isStale = () => this.queue.isStale(ticket);
    return this.queue.run(() => (isStale() ? undefined : this.driver.seek(Math.max(0, this.driver.stepIndex - 1), isStale)));
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
    const ticket = this.queue.navigation(true);
    const isStale = () => this.queue.isStale(ticket);
    return this.queue.run(() => (isStale() ? undefined : this.driver.seek(index, isStale)));
  }

  /** Seek to the first step and play. */
  restart(): Promise<void> {
    const ticket = this.queue.navigation(true);
    const isStale = () => this.queue.isStale(ticket);
    return this.queue.run(async () => {
      if (!isStale()) {
        await this.driver.seek(0, isStale);
        await this.driver.play(false);
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
    return this.queue.run(() => this.driver.setSpeed(speed));
  }

  setStepMode(on: boolean): Promise<void> {
    return this.queue.run(() => {
      this.driver.stepMode = on;
    });
  }

  /** Takes effect at the next cue; a `type` in progress types the rest at once. */
  setReducedMotion(on: boolean): Promise<void> {
    return this.queue.run(() => {
      this.driver.reducedMotion = on;
    });
  }

  /**
   * The learner takes control (explicitly, or the embedder saw them edit):
   * playback pauses where it is. A kernel run in progress still reports.
   */
  takeOver(): Promise<void> {
    return this.queue.run(() => this.driver.takeOver());
  }

  /**
   * Continue after a take-over (or a pause or conflict) from where playback
   * stopped, on the learner's notebook; with `restore`, first have the host
   * restore the current step's starting state (keeping the learner's version)
   * and replay the step from its start.
   */
  resume(options: { restore?: boolean } = {}): Promise<void> {
    return this.queue.run(() => this.driver.resume(options.restore ?? false));
  }

  /** Stop everything: no callback, listener or host call happens afterwards. */
  dispose(): void {
    this.driver.dispose();
    this.events.clear();
  }
}
