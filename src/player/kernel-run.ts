/**
 * The one kernel run the player waits for. A seek, a restore or dispose drops
 * it rather than waiting for the kernel: a result that comes in afterwards,
 * for a run no longer awaited, is stale and never applies.
 */
import type { RunOperation } from '../format/index.js';
import type { RunResult } from './host.js';

export class KernelRun {
  private awaited: { operation: RunOperation } | undefined;

  /** Whether a run is awaited. */
  get pending(): boolean {
    return this.awaited !== undefined;
  }

  /** Stop awaiting the run: its result, when it comes, is ignored. */
  drop(): void {
    this.awaited = undefined;
  }

  /**
   * Await `operation`'s run, started by `run` (which may throw or reject: the
   * run was impossible). `finished` and `failed` are called only while this run
   * is still the awaited one, after it has stopped being so.
   */
  start(
    operation: RunOperation,
    run: (cell: string) => Promise<RunResult>,
    finished: (operation: RunOperation, result: RunResult) => void,
    failed: (error: unknown) => void
  ): void {
    const awaited = { operation };
    this.awaited = awaited;
    const current = () => {
      if (this.awaited !== awaited) {
        return false;
      }
      this.awaited = undefined;
      return true;
    };
    new Promise<RunResult>(resolve => resolve(run(operation.cell)))
      .then(
        result => current() && finished(operation, result),
        error => current() && failed(error)
      )
      .catch(failed);
  }
}
