/**
 * What the lab brings to the playback session (`SessionFrontEnd`): cells run
 * on the notebook's kernel, the cell being worked in is shown, JupyterLab's
 * placeholder cell goes once the tutorial has cells, the learner's version
 * is kept before a restore, and the learner's edits take control.
 */
import type { YNotebook } from '@jupyter/ydoc';
import type { NotebookPanel } from '@jupyterlab/notebook';
import type { NotebookState } from '../../format/index.js';
import type { SessionFrontEnd } from '../../session/index.js';
import type { CellHighlight } from '../notebook/lazy.js';
import type { KernelRuns } from '../kernel/lazy.js';
import type { LearnerControl } from './learner-control.js';
import { removePlaceholders } from './placeholder-cell.js';

export interface LabParts {
  panel: NotebookPanel;
  ynotebook: YNotebook;
  highlight: CellHighlight;
  /** Made after the playback session, so reached through functions. */
  kernel(): KernelRuns;
  learner(): LearnerControl;
  expectedState(): NotebookState;
  hasLearnerChanges(): boolean;
  /** Whether the session stopped for good or was disposed. */
  stopped(): boolean;
  changed(): void;
}

export function labFrontEnd(parts: LabParts): SessionFrontEnd {
  const { panel, ynotebook, highlight } = parts;
  return {
    runCell: cellId => parts.kernel().runForPlayer(cellId),
    afterEdit: (operation, typed, conflict) => {
      if (conflict) {
        return;
      }
      if (operation.op === 'insert-cell') {
        removePlaceholders(panel, ynotebook, parts.expectedState());
      }
      // Scroll when a cell starts or a line is added, not on every keystroke.
      highlight.follow(operation.cell, operation.op !== 'type' || typed === undefined || typed.index === 0 || typed.text.includes('\n'));
    },
    beforeRestore: async () => {
      await parts.learner().keepBeforeRestore();
      return !parts.stopped();
    },
    afterRestore: (index, state) => {
      parts.learner().restored();
      highlight.clear();
      parts.kernel().restored(index, state);
      parts.changed();
    },
    learnerEdited: edit => {
      // JupyterLab keeps one blank cell in an empty notebook; adding it is not the learner's doing.
      if (edit.kind === 'cells' && !parts.hasLearnerChanges()) {
        return;
      }
      parts.learner().edited();
      void parts.learner().takeOver(false);
    }
  };
}
