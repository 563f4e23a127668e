/**
 * The notebook's mark: `metadata.notecast`, saved with the cells, says which
 * tutorial made the notebook, the step it is at, and whether the learner
 * allowed it to run code. Reading it decides where a continued notebook
 * starts.
 */
import type { YNotebook } from '@jupyter/ydoc';
import { isPlayerProgress, type Keyframes } from '../../apply/index.js';
import type { Script } from '../../format/index.js';
import type { NotebookMark } from './files.js';

export function readMark(ynotebook: YNotebook): NotebookMark | undefined {
  return ynotebook.getMetadata('notecast') as NotebookMark | undefined;
}

/** Change part of the mark (made for `tutorialPath` if the notebook has none). */
export function writeMark(ynotebook: YNotebook, tutorialPath: string, change: Partial<NotebookMark>): void {
  const mark = { ...(readMark(ynotebook) ?? { tutorial: tutorialPath }), ...change };
  ynotebook.setMetadata('notecast', mark as never);
}

export interface StartChoice {
  ynotebook: YNotebook;
  script: Script;
  keyframes: Keyframes;
  /** Whether the notebook was made for this session. */
  created: boolean;
  /** The step a restored player was at, if any. */
  restoredStep?: number;
}

/**
 * Where a continued notebook starts: the step in its mark, saved with its
 * cells. The step a restored player was at counts only when the notebook
 * holds the player's work at that step and not at the marked one (a step's
 * end is also the next one's start, so the mark, saved with the cells, wins
 * whenever it describes them). A new notebook starts at the beginning.
 * Deciding reads the notebook and changes nothing in it.
 */
export function startStep(choice: StartChoice): number {
  if (choice.created) {
    return 0;
  }
  const { ynotebook, script, keyframes, restoredStep } = choice;
  const mark = readMark(ynotebook);
  const clamp = (step: number): number => Math.max(0, Math.min(Math.floor(step), script.steps.length));
  const marked = mark?.step !== undefined ? clamp(mark.step) : 0;
  if (restoredStep === undefined || !Number.isFinite(restoredStep) || clamp(restoredStep) === marked) {
    return marked;
  }
  const holds = (step: number): boolean => isPlayerProgress(ynotebook, script, keyframes, step, { ignoreBlankCells: true });
  const restored = clamp(restoredStep);
  return !holds(marked) && holds(restored) ? restored : marked;
}
