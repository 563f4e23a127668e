/**
 * Runs one cell the way the notebook does (`CodeCell.execute`, the action
 * behind "Run cell"), and reports it as the player's host expects: ok, how
 * many lines of output, or the error's name, never the output itself (R19).
 */
import type { ISessionContext } from '@jupyterlab/apputils';
import { CodeCell, MarkdownCell, type Cell } from '@jupyterlab/cells';
import type * as nbformat from '@jupyterlab/nbformat';
import type { RunResult } from '../player/index.js';
import { KernelLostError, watchKernelLoss } from './kernel-loss.js';

export async function runCell(cell: Cell, sessionContext: ISessionContext): Promise<RunResult> {
  if (cell instanceof MarkdownCell) {
    cell.rendered = true;
    return { ok: true };
  }
  if (!(cell instanceof CodeCell)) {
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
    const reply = await Promise.race([execute(cell, sessionContext), kernelLost]);
    const outputs = cell.model.outputs.toJSON();
    const error = outputs.find((output): output is nbformat.IError => output.output_type === 'error');
    if (error || (reply && reply.content.status === 'error')) {
      const name = error?.ename ?? (reply && reply.content.status === 'error' ? reply.content.ename : undefined);
      return { ok: false, error: name };
    }
    if (reply && reply.content.status === 'aborted') {
      return { ok: false, error: undefined };
    }
    return { ok: true, outputLines: countOutputLines(outputs) };
  } finally {
    stopWatching();
  }
}

/**
 * `CodeCell.execute`, except that a run the kernel dropped (its future
 * cancelled because the kernel restarted or died, which JupyterLab reports as
 * "Canceled future for execute_request …") is a lost kernel, not a broken host.
 */
async function execute(cell: CodeCell, sessionContext: ISessionContext): ReturnType<typeof CodeCell.execute> {
  try {
    return await CodeCell.execute(cell, sessionContext);
  } catch (error) {
    if (error instanceof Error && /^Canceled future/.test(error.message)) {
      throw new KernelLostError(sessionContext.session?.kernel?.status === 'dead' ? 'dead' : 'restarted');
    }
    throw error;
  }
}

export function countOutputLines(outputs: nbformat.IOutput[]): number {
  let lines = 0;
  for (const output of outputs) {
    if (output.output_type === 'stream') {
      lines += textLines(output.text as string | string[]);
    } else if (output.output_type === 'execute_result' || output.output_type === 'display_data') {
      const data = (output as nbformat.IExecuteResult).data;
      const plain = data['text/plain'] as string | string[] | undefined;
      lines += plain !== undefined ? textLines(plain) : 1;
    }
  }
  return lines;
}

function textLines(text: string | string[]): number {
  const joined = Array.isArray(text) ? text.join('') : text;
  if (!joined) {
    return 0;
  }
  return joined.replace(/\n$/, '').split('\n').length;
}
