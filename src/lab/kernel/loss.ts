/**
 * Noticing that the kernel went away: restarted by someone (Kernel → Restart),
 * died and restarted by the server on its own, or died for good. Whatever it
 * ran is gone from its memory in all three cases.
 *
 * JupyterLab reports a death the server recovers from as `restarting` (the
 * server's status message) followed, a microtask later, by `autorestarting`;
 * a restart the learner asked for is `restarting` alone. So `restarting` is
 * only reported once that microtask has had its turn.
 */
import type { ISessionContext } from '@jupyterlab/apputils';
import { nullTranslator, type TranslationBundle } from '@jupyterlab/translation';
import { cellsPhrase } from '../announce/index.js';

/**
 * - `restarted`: someone restarted the kernel.
 * - `crashed`: the kernel's process died and the server is restarting it.
 * - `dead`: the kernel died and will not come back by itself.
 */
export type KernelLoss = 'restarted' | 'crashed' | 'dead';

/** The kernel went away while a cell ran: the run has no result. */
export class KernelLostError extends Error {
  constructor(
    readonly loss: KernelLoss,
    trans: TranslationBundle = nullTranslator.load('notecast')
  ) {
    super(
      loss === 'restarted'
        ? trans.__('the kernel restarted')
        : loss === 'crashed'
          ? trans.__('the kernel died and is restarting')
          : trans.__('the kernel died')
    );
  }
}

/**
 * Calls `onLoss` once per loss: a series of statuses (`restarting`,
 * `autorestarting`, another attempt, …) is one loss until the kernel answers
 * again (`idle` or `busy`). Returns a function that stops watching.
 */
export function watchKernelLoss(sessionContext: ISessionContext, onLoss: (loss: KernelLoss) => void): () => void {
  let reported = false;
  let crashed = false;
  let pending = false;
  let watching = true;
  const report = (loss: KernelLoss): void => {
    if (!reported && watching) {
      reported = true;
      onLoss(loss);
    }
  };
  const onStatus = (_: ISessionContext, status: string): void => {
    switch (status) {
      case 'dead':
        report('dead');
        break;
      case 'autorestarting':
        crashed = true;
        report('crashed');
        break;
      case 'restarting':
        if (!pending && !reported) {
          pending = true;
          void Promise.resolve().then(() => {
            pending = false;
            report(crashed ? 'crashed' : 'restarted');
          });
        }
        break;
      case 'idle':
      case 'busy':
        reported = false;
        crashed = false;
        break;
    }
  };
  sessionContext.statusChanged.connect(onStatus);
  return () => {
    watching = false;
    sessionContext.statusChanged.disconnect(onStatus);
  };
}

/**
 * "The kernel died while cell 2 was running and is restarting: what it had
 * run is gone. Playback paused. Use Run cells up to here to run cell 1 again,
 * then press Play to continue." `rebuild`: the (1-based) cells to run again.
 */
export function describeKernelLoss(
  loss: KernelLoss,
  context: { cellNumber?: number; paused: boolean; rebuild: number[] },
  trans: TranslationBundle = nullTranslator.load('notecast')
): string {
  const cell = context.cellNumber;
  const what =
    cell === undefined
      ? loss === 'restarted'
        ? trans.__('The kernel restarted: what it had run is gone.')
        : loss === 'crashed'
          ? trans.__('The kernel died and is restarting: what it had run is gone.')
          : trans.__('The kernel died: what it had run is gone.')
      : loss === 'restarted'
        ? trans.__('The kernel restarted while cell %1 was running: what it had run is gone.', cell)
        : loss === 'crashed'
          ? trans.__('The kernel died while cell %1 was running and is restarting: what it had run is gone.', cell)
          : trans.__('The kernel died while cell %1 was running: what it had run is gone.', cell);
  const rebuild = context.rebuild.length ? cellsPhrase(context.rebuild, trans) : undefined;
  let todo: string;
  if (loss === 'dead') {
    todo = rebuild
      ? trans.__('Restart it from the Kernel menu, use Run cells up to here to run %1 again, then press Play to continue.', rebuild)
      : trans.__('Restart it from the Kernel menu, then press Play to continue.');
  } else {
    todo = rebuild ? trans.__('Use Run cells up to here to run %1 again, then press Play to continue.', rebuild) : trans.__('Press Play to continue.');
  }
  return context.paused ? trans.__('%1 Playback paused. %2', what, todo) : trans.__('%1 %2', what, todo);
}
