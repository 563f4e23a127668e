/**
 * Time, injected. The player never reads a global clock or calls `setTimeout`
 * itself, so tests drive time explicitly with `ManualClock` and never sleep
 * (asciinema-player reads the real clock, and its tests pay for it).
 */

/** Milliseconds on a monotonic clock; only differences matter. */
export interface Clock {
  now(): number;
}

/** Cancels a scheduled callback; calling it twice, or after it ran, is harmless. */
export type Cancel = () => void;

export interface Scheduler {
  /**
   * Call `callback` once, when the clock reaches `at` (an absolute time on the
   * player's `Clock`, never a delay), or as soon as possible if `at` is past.
   * Absolute times are what keep playback free of cumulative drift.
   */
  schedule(at: number, callback: () => void): Cancel;
}

/** The real clock: `performance.now()`, monotonic and sub-millisecond. */
export const realClock: Clock = {
  now: () => performance.now()
};

/** The real scheduler: `setTimeout` against `realClock`. */
export const realScheduler: Scheduler = {
  schedule(at, callback) {
    const handle = setTimeout(callback, Math.max(0, at - realClock.now()));
    return () => clearTimeout(handle);
  }
};

interface Timer {
  at: number;
  /** Creation order, so timers due at the same time run first-scheduled first. */
  order: number;
  callback: () => void;
}

/**
 * A clock and scheduler that only move when told to. `advance` runs every
 * callback that falls due, in time order, with `now()` equal to the time each
 * one fires; callbacks scheduled while advancing run too if they fall due.
 * `latency` makes every callback fire that many ms late, the way a busy event
 * loop does, so tests can check that lateness never accumulates.
 */
export class ManualClock implements Clock, Scheduler {
  private time: number;
  private readonly latency: number;
  private readonly timers: Timer[] = [];
  private created = 0;

  constructor(options: { start?: number; latency?: number } = {}) {
    this.time = options.start ?? 0;
    this.latency = options.latency ?? 0;
  }

  now(): number {
    return this.time;
  }

  schedule(at: number, callback: () => void): Cancel {
    const timer: Timer = { at: Math.max(at, this.time) + this.latency, order: this.created++, callback };
    this.timers.push(timer);
    return () => {
      const index = this.timers.indexOf(timer);
      if (index >= 0) {
        this.timers.splice(index, 1);
      }
    };
  }

  /** How many callbacks are waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** When the earliest waiting callback falls due, if any: drivers jump straight there. */
  get nextTimerAt(): number | undefined {
    // A loop, not Math.min(...): spreading a long list overflows the stack.
    let next: number | undefined;
    for (const timer of this.timers) {
      if (next === undefined || timer.at < next) {
        next = timer.at;
      }
    }
    return next;
  }

  /** Move time forward by `ms`, running what falls due. */
  advance(ms: number): void {
    this.advanceTo(this.time + ms);
  }

  /** Move time forward to `target`, running what falls due. */
  advanceTo(target: number): void {
    if (target < this.time) {
      throw new RangeError(`ManualClock cannot go back in time (from ${this.time} to ${target})`);
    }
    for (let timer = this.nextDue(target); timer; timer = this.nextDue(target)) {
      this.timers.splice(this.timers.indexOf(timer), 1);
      this.time = timer.at;
      timer.callback();
    }
    this.time = target;
  }

  private nextDue(target: number): Timer | undefined {
    let next: Timer | undefined;
    for (const timer of this.timers) {
      if (timer.at <= target && (!next || timer.at < next.at || (timer.at === next.at && timer.order < next.order))) {
        next = timer;
      }
    }
    return next;
  }
}
