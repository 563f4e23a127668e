/**
 * The map between script time and clock time inside one step. Pure: it is
 * handed the clock's reading, never reads a clock itself.
 *
 * While running, the timeline is anchored: script time `position` was reached
 * at clock time `anchor`, and script time `at` falls due at
 * `anchor + (at - position) / speed`. Due times come from the anchor, never
 * from when the previous timer fired, so a late timer delays one cue and
 * nothing after it. While held, script time stands still at `position`: the
 * wait's real length (a pause, a kernel run, the learner's turn) shifts what
 * follows instead of being skipped.
 */
export class Timeline {
  /** Script ms into the step at `anchor`, or where the timeline is held. */
  private position = 0;
  /** Clock time at which the timeline was at `position`; undefined while held. */
  private anchor: number | undefined;

  constructor(private rate: number) {}

  get speed(): number {
    return this.rate;
  }

  get running(): boolean {
    return this.anchor !== undefined;
  }

  /**
   * Script time at clock time `now`, never before the held position nor past
   * `limit` (the next cue not yet applied: a late timer must not let time run
   * past it, or pausing then would shorten the gap after it).
   */
  timeAt(now: number, limit = Infinity): number {
    if (this.anchor === undefined) {
      return this.position;
    }
    const elapsed = this.position + (now - this.anchor) * this.rate;
    return Math.max(this.position, Math.min(elapsed, limit));
  }

  /** Clock time at which script time `at` falls due; only while running. */
  dueAt(at: number): number {
    return this.anchor! + (at - this.position) / this.rate;
  }

  /** Run from script time `position`, reached at clock time `now`. */
  runFrom(position: number, now: number): void {
    this.position = position;
    this.anchor = now;
  }

  /** Stand still at script time `time`. */
  hold(time: number): void {
    this.position = time;
    this.anchor = undefined;
  }

  /** Move to script time `time` without starting or stopping (entering a step). */
  moveTo(time: number): void {
    this.position = time;
  }

  /**
   * Change speed without moving: what has played stays played, the rest of the
   * current gap and everything after it scale. `now` is the clock's reading.
   */
  setSpeed(speed: number, now: number, limit = Infinity): void {
    if (this.anchor !== undefined) {
      this.runFrom(this.timeAt(now, limit), now);
    }
    this.rate = speed;
  }
}
