/**
 * Resuming after the learner took over: which cells the rest of the step
 * touches that the learner changed, and the dialog that asks what to do
 * about them (go on with their version, or restore the tutorial's state
 * after saving theirs as a file). Choices are told by their actions, never
 * by their labels.
 */
import type { YNotebook } from '@jupyter/ydoc';
import { Dialog, showDialog } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { cellInfo, isEditOperation, type NotebookState, type Operation, type Script } from '../../format/index.js';

export type ResumeChoice = 'continue' | 'restore' | 'cancel';

/**
 * Cells (1-based) that `remaining` touches whose text the learner changed (or
 * deleted). An answer cell is never one: its text is the learner's to write.
 */
export function conflictingCells(expected: NotebookState, remaining: Iterable<Operation>, ynotebook: YNotebook, script?: Pick<Script, 'cells'>): number[] {
  const touched = new Set<string>();
  for (const operation of remaining) {
    if ((isEditOperation(operation) || operation.op === 'run') && !(script && cellInfo(script, operation.cell)?.answer)) {
      touched.add(operation.cell);
    }
  }
  const numbers: number[] = [];
  const cells = ynotebook.cells;
  for (const id of touched) {
    const want = expected.get(id);
    if (!want) {
      continue;
    }
    const index = cells.findIndex(cell => cell.id === id);
    if (index < 0) {
      numbers.push(expected.indexOf(id) + 1);
    } else if (cells[index].getSource() !== want.source) {
      numbers.push(index + 1);
    }
  }
  return numbers.sort((a, b) => a - b);
}

export interface ResumeQuestion {
  /** The changed cells, 1-based. */
  cells: number[];
  /** Where the learner's version would be saved. */
  keepAs: string;
  /** The step (1-based) a restore starts again. */
  step: number;
}

const CONTINUE = 'notecast:continue';
const RESTORE = 'notecast:restore';

export async function askResume(question: ResumeQuestion, trans: TranslationBundle): Promise<ResumeChoice> {
  const cells = question.cells.map(n => trans.__('cell %1', n)).join(trans._p('between the cells of a list', ', '));
  const continueLabel = trans.__('Continue with my changes');
  const restoreLabel = trans.__("Restore the tutorial's state");
  const body =
    trans.__('You changed %1, which the tutorial changes next.', cells) +
    '\n\n' +
    trans.__('"%1" goes on from here on your version.', continueLabel) +
    ' ' +
    trans.__('"%1" first saves your version as %2, then starts step %3 again as the tutorial has it.', restoreLabel, question.keepAs, question.step);
  const result = await showDialog({
    title: trans.__('Resume the tutorial?'),
    body,
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.createButton({ label: restoreLabel, accept: true, displayType: 'warn', actions: [RESTORE] }),
      Dialog.okButton({ label: continueLabel, actions: [CONTINUE] })
    ],
    defaultButton: 2
  });
  const actions = result.button.accept ? result.button.actions : [];
  return actions.includes(CONTINUE) ? 'continue' : actions.includes(RESTORE) ? 'restore' : 'cancel';
}
