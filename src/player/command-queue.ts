/**
 * The player's commands, one at a time. A command may wait on the host (a seek
 * moving the notebook); serialising them means none is ever interleaved with
 * another, so each starts from the state the previous one left.
 *
 * Navigation commands also take a ticket: an absolute seek makes every earlier
 * navigation still in the queue stale, since its result would be replaced
 * anyway, so scrubbing the slider asks the host for one seek, not twenty.
 * Relative moves (next, previous) never make each other stale: three presses
 * of Previous go three steps back.
 */
export class CommandQueue {
  private tail: Promise<void> = Promise.resolve();
  /** Commands queued or running. */
  private pending = 0;
  private navigations = 0;
  private latestSeek = 0;

  /**
   * `onError` receives what a command threw (a command never rejects);
   * while `closed` says so, queued commands are dropped.
   */
  constructor(
    private readonly onError: (error: unknown) => void,
    private readonly closed: () => boolean
  ) {}

  /** Whether a command is queued or running. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Queue `body`; the promise settles when it has run, and never rejects. */
  run(body: () => void | Promise<void>): Promise<void> {
    this.pending++;
    const done = this.tail
      .then(() => (this.closed() ? undefined : body()))
      .catch(error => this.onError(error))
      .finally(() => {
        this.pending--;
      });
    this.tail = done;
    return done;
  }

  /** A ticket for a navigation command; `absolute` for a seek. */
  navigation(absolute: boolean): number {
    const ticket = ++this.navigations;
    if (absolute) {
      this.latestSeek = ticket;
    }
    return ticket;
  }

  /** Whether a later seek has replaced the navigation holding `ticket`. */
  isStale(ticket: number): boolean {
    return ticket < this.latestSeek;
  }
}
