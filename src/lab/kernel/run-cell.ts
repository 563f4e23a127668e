/**
 * Runs one cell the way the notebook does: through JupyterLab's cell executor
 * (`INotebookCellExecutor`, what "Run cell" uses, so an extension that
 * replaces it runs the player's cells too), or `CodeCell.execute` where no
 * plugin provides one; and reports it as the player's host expects: ok, how
 * many lines of output and the start of its text (said only when it is one
 * short line), or the error's name, never a traceback (R19).
 */
import type { ISessionContext } from '@jupyterlab/apputils';
import { CodeCell, MarkdownCell, type Cell } from '@jupyterlab/cells';
import type { INotebookCellExecutor, NotebookPanel } from '@jupyterlab/notebook';
import type * as nbformat from '@jupyterlab/nbformat';
import type { RunResult } from '../../player/index.js';
import { KernelLostError, watchKernelLoss } from './loss.js';
import { countOutputLines, outputStart } from '../notebook/lazy.js';

export async function runCell(cell: Cell, panel: NotebookPanel, executor?: INotebookCellExecutor): Promise<RunResult> {
  const sessionContext = panel.sessionContext;
  if (cell instanceof MarkdownCell && !executor) {
    cell.rendered = true;
    return { ok: true };
  }
  if (!(cell instanceof CodeCell)) {
    if (executor && panel.model) {
      await executor.runCell({
        cell,
        notebook: panel.model,
        notebookConfig: panel.content.notebookConfig,
        onCellExecuted: () => undefined,
        onCellExecutionScheduled: () => undefined
      });
    }
    return { ok: true };
  }
  await sessionContext.ready;
  if (!sessionContext.session?.kernel) {
    throw new Error('the notebook has no kernel: choose one in the notebook, then press Play');
  }
  let lost: (error: KernelLostError) => void = () => undefined;
  const kernelLost = new Promise<never>((_, reject) => (lost = reject));
  const stopWatching = watchKernelLoss(sessionContext, loss => lost(new KernelLostError(loss)));
  try {
    const ran = await Promise.race([executor && panel.model ? executeWith(executor, cell, panel) : execute(cell, sessionContext), kernelLost]);
    const outputs = cell.model.outputs.toJSON();
    const error = outputs.find((output): output is nbformat.IError => output.output_type === 'error');
    if (error || ran.status === 'error') {
      return { ok: false, error: error?.ename ?? ran.ename };
    }
    if (ran.status === 'aborted') {
      return { ok: false, error: undefined };
    }
    const lines = countOutputLines(outputs);
    return { ok: true, outputLines: lines, ...(lines === 1 ? { output: outputStart(outputs) } : {}) };
  } finally {
    stopWatching();
  }
}

/**
 * `CodeCell.execute`, except that a run the kernel dropped (its future
 * cancelled because the kernel restarted or died, which JupyterLab reports as
 * "Canceled future for execute_request …") is a lost kernel, not a broken host.
 */
async function execute(cell: CodeCell, sessionContext: ISessionContext): Promise<Ran> {
  try {
    const reply = await CodeCell.execute(cell, sessionContext);
    if (reply?.content.status === 'error') {
      return { status: 'error', ename: reply.content.ename };
    }
    return { status: !reply || reply.content.status === 'ok' ? 'ok' : 'aborted' };
  } catch (error) {
    if (error instanceof Error && /^Canceled future/.test(error.message)) {
      throw new KernelLostError(sessionContext.session?.kernel?.status === 'dead' ? 'dead' : 'restarted');
    }
    throw error;
  }
}

/** How a run ended, as the kernel's reply says. */
interface Ran {
  status: 'ok' | 'error' | 'aborted';
  ename?: string;
}

/**
 * The executor's run: it resolves false for a run the kernel dropped (a
 * cancelled future), which is a lost kernel, and rejects with the kernel's
 * error for an error reply.
 */
async function executeWith(executor: INotebookCellExecutor, cell: CodeCell, panel: NotebookPanel): Promise<Ran> {
  const sessionContext = panel.sessionContext;
  try {
    const ran = await executor.runCell({
      cell,
      notebook: panel.model!,
      notebookConfig: panel.content.notebookConfig,
      onCellExecuted: () => undefined,
      onCellExecutionScheduled: () => undefined,
      sessionContext
    });
    if (!ran && sessionContext.pendingInput) {
      // Another cell waits for input: the executor said so in a dialog and ran nothing.
      return { status: 'aborted' };
    }
    if (!ran && !cell.isDisposed) {
      throw new KernelLostError(sessionContext.session?.kernel?.status === 'dead' ? 'dead' : 'restarted');
    }
    return { status: 'ok' };
  } catch (error) {
    if (error instanceof Error && 'errorName' in error) {
      // KernelReplyNotOK: an error reply (or an aborted one, which has no error name).
      const ename = (error as { errorName?: string }).errorName;
      return ename ? { status: 'error', ename } : { status: 'aborted' };
    }
    throw error;
  }
}
