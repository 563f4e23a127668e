/**
 * The classroom benchmark's followers, seated in `node:worker_threads`
 * workers so that applying hundreds of followers' Yjs updates uses every core
 * and the bench measures the server rather than one busy Node thread. Each
 * worker (classroom-followers.worker.ts) joins its share of the class and
 * stamps every arrival with `performance.timeOrigin + performance.now()`,
 * which the teacher in the main thread uses too, so times compare across
 * threads. This module is the main thread's side: the messages and a pool
 * that asks every worker and waits for all of their answers.
 */
import { Worker } from 'node:worker_threads';

/** Wall time in milliseconds that compares across threads (each thread has its own `performance.timeOrigin`). */
export const epochNow = (): number => performance.timeOrigin + performance.now();

/** What a worker is started with. */
export interface FollowerWorkerData {
  serverUrl: string;
  notebook: string;
  /** The teacher's Yjs client id, whose clock and awareness the followers watch. */
  teacherId: number;
  /** The number of the worker's first learner (`learner-<first>`), and how many it seats. */
  first: number;
  count: number;
  /** The `epochNow()` by which the whole class must be seated. */
  seatBy: number;
}

/** What the main thread asks. */
export type ToFollowers =
  /** Start recording arrivals and broadcast-field delays. */
  | { type: 'start' }
  /** Every follower renews its awareness, then the worker tells when every follower heard the teacher's. */
  | { type: 'renew' }
  /** Wait until every follower holds the teacher's clock `clock` (at most `waitMs`), then report. */
  | { type: 'collect'; clock: number; expectedSources: string; waitMs: number }
  | { type: 'leave' };

/** One follower's arrivals: each teacher clock it saw, in order, and when its document held it (`epochNow()`). */
export interface Arrivals {
  clocks: number[];
  times: number[];
}

export interface Collected {
  caughtUp: boolean;
  arrivals: Arrivals[];
  /** Broadcast-field delays in ms (`Date.now()` against the field's time), every follower's. */
  fieldDelays: number[];
  /** Followers whose cell types and sources equal `expectedSources`. */
  matching: number;
}

/** What a worker answers. */
export type FromFollowers =
  /** Seating is over: the followers' awareness ids; `error` when a join failed for a reason other than time. */
  | { type: 'seated'; ids: number[]; error?: string }
  | { type: 'started' }
  | { type: 'renewed' }
  /** Every one of the worker's followers has heard the teacher's renewal, at `at` (`epochNow()`). */
  | { type: 'heard'; at: number }
  | ({ type: 'collected' } & Collected)
  | { type: 'left' };

type Answer<T extends FromFollowers['type']> = Extract<FromFollowers, { type: T }>;

/** The workers seating one class; `close()` must be called whatever happens. */
export class FollowerWorkers {
  private readonly workers: Worker[];
  /** A worker's crash or early exit, which fails every question still open. */
  private failure: Error | undefined;
  private readonly onFailure = new Set<(error: Error) => void>();

  /** Starts `workerCount` workers sharing `size` followers as evenly as possible; they begin joining at once. */
  constructor(size: number, workerCount: number, data: Omit<FollowerWorkerData, 'first' | 'count'>) {
    this.workers = [];
    for (let w = 0, first = 1; w < workerCount; w++) {
      const count = Math.floor(size / workerCount) + (w < size % workerCount ? 1 : 0);
      const workerData: FollowerWorkerData = { ...data, first, count };
      const worker = new Worker(new URL('./classroom-followers.worker.js', import.meta.url), { workerData });
      worker.on('error', error => this.fail(new Error(`a follower worker failed: ${error.message}`, { cause: error })));
      worker.on('exit', code => this.fail(new Error(`a follower worker exited early (code ${code})`)));
      this.workers.push(worker);
      first += count;
    }
  }

  get count(): number {
    return this.workers.length;
  }

  /** Starts timing the workers' event loops; the function returned gives the busiest one's busy share (0–1) since. */
  measureBusy(): () => number {
    const before = this.workers.map(worker => worker.performance.eventLoopUtilization());
    return () => Math.max(...this.workers.map((worker, i) => worker.performance.eventLoopUtilization(before[i]).utilization));
  }

  /** Waits for every worker's seating; the followers' awareness ids, and the first error that was not a lack of time. */
  async seated(ms: number): Promise<{ ids: number[]; error?: string }> {
    const answers = await this.all('seated', ms);
    return { ids: answers.flatMap(answer => answer.ids), error: answers.find(answer => answer.error)?.error };
  }

  async start(ms: number): Promise<void> {
    await this.ask({ type: 'start' }, 'started', ms);
  }

  /**
   * Every follower renews its awareness. Resolves once all have (and listen
   * for the teacher's), with `heard`: when the last follower heard the teacher.
   */
  async renew(ms: number): Promise<{ heard: Promise<number> }> {
    const heard = this.all('heard', ms).then(answers => Math.max(...answers.map(answer => answer.at)));
    heard.catch(() => undefined); // awaited by the caller; kept from being reported unhandled meanwhile
    await this.ask({ type: 'renew' }, 'renewed', ms);
    return { heard };
  }

  /** Every worker's arrivals and comparison, once its followers hold `clock` or `waitMs` has passed. */
  async collect(clock: number, expectedSources: string, waitMs: number): Promise<Collected> {
    const answers = await this.ask({ type: 'collect', clock, expectedSources, waitMs }, 'collected', waitMs + 30_000);
    return {
      caughtUp: answers.every(answer => answer.caughtUp),
      arrivals: answers.flatMap(answer => answer.arrivals),
      fieldDelays: answers.flatMap(answer => answer.fieldDelays),
      matching: answers.reduce((sum, answer) => sum + answer.matching, 0)
    };
  }

  /** Lets the followers leave the room (for at most `ms`), then terminates every worker, whatever state it is in. */
  async close(ms: number): Promise<void> {
    try {
      if (!this.failure) {
        await this.ask({ type: 'leave' }, 'left', ms);
      }
    } catch {
      // Terminated below all the same.
    } finally {
      this.failure ??= new Error('the follower workers were closed');
      await Promise.all(this.workers.map(worker => worker.terminate()));
    }
  }

  private async ask<T extends FromFollowers['type']>(message: ToFollowers, answer: T, ms: number): Promise<Answer<T>[]> {
    const answers = this.all(answer, ms);
    for (const worker of this.workers) {
      worker.postMessage(message);
    }
    return answers;
  }

  /** The next answer of type `type` from every worker, or a rejection after `ms` or on a worker's failure. */
  private all<T extends FromFollowers['type']>(type: T, ms: number): Promise<Answer<T>[]> {
    return new Promise((resolve, reject) => {
      if (this.failure) {
        reject(this.failure);
        return;
      }
      const answers = new Map<Worker, Answer<T>>();
      const listeners = this.workers.map(worker => {
        const listener = (message: FromFollowers) => {
          if (message.type === type && !answers.has(worker)) {
            answers.set(worker, message as Answer<T>);
            if (answers.size === this.workers.length) {
              done();
              resolve(this.workers.map(w => answers.get(w)!));
            }
          }
        };
        worker.on('message', listener);
        return listener;
      });
      const onFailure = (error: Error) => {
        done();
        reject(error);
      };
      const timer = setTimeout(
        () => onFailure(new Error(`${answers.size} of ${this.workers.length} follower workers answered "${type}" within ${ms} ms`)),
        ms
      );
      const done = () => {
        clearTimeout(timer);
        this.onFailure.delete(onFailure);
        this.workers.forEach((worker, i) => worker.off('message', listeners[i]));
      };
      this.onFailure.add(onFailure);
    });
  }

  private fail(error: Error): void {
    if (!this.failure) {
      this.failure = error;
      for (const listener of [...this.onFailure]) {
        listener(error);
      }
    }
  }
}

/**
 * Every follower × teacher transaction delay: for each transaction (its
 * clock and send time), the first arrival at each follower of a clock at
 * least as high. A follower that never saw a transaction adds no sample.
 */
export function arrivalDelays(sent: Array<{ clock: number; at: number }>, followers: Arrivals[]): number[] {
  const delays: number[] = [];
  for (const { clocks, times } of followers) {
    let seen = 0;
    for (const { clock, at } of sent) {
      while (seen < clocks.length && clocks[seen] < clock) seen++;
      if (seen === clocks.length) break;
      delays.push(times[seen] - at);
    }
  }
  return delays;
}
