import type { CliIO } from './io.js';

/** How often a long tutorial says where it is. */
const PROGRESS_EVERY_MS = 5_000;

export interface RunProgress {
  /** What the tutorial's test reports after each run (`testTutorial`'s `onRun`). */
  onRun: (done: number, total: number, step: number) => void;
  /** Stop saying it: the tutorial is done, or failed. */
  stop: () => void;
}

/**
 * While a tutorial plays in a kernel (`notecast test`, `bake`), a line on
 * stderr every few seconds says which run and step it is at, so a long one
 * is not mistaken for a hung one.
 */
export function reportProgress(io: CliIO, name: string, stepCount: number, begun = performance.now(), everyMs = PROGRESS_EVERY_MS): RunProgress {
  let progress = { done: 0, total: 0, step: 1 };
  const ticker = setInterval(() => {
    io.stderr(
      `notecast: ${name}: run ${progress.done} of ${progress.total} (step ${progress.step} of ${stepCount}), ${Math.round((performance.now() - begun) / 1000)} s\n`
    );
  }, everyMs);
  ticker.unref();
  return {
    onRun: (done, total, step) => {
      progress = { done, total, step };
    },
    stop: () => clearInterval(ticker)
  };
}
