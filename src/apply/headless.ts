import { YNotebook } from '@jupyter/ydoc';
import { isEditOperation, kernelLanguage, NotebookState, type Script } from '../format/index.js';
import { NotebookApplier } from './notebook-applier.js';

/** nbformat 4 notebook content, as `@jupyter/ydoc` writes it. */
export type NotebookContent = ReturnType<YNotebook['toJSON']>;

/**
 * Play every edit of a script, with no kernel and no clock, onto a fresh
 * `@jupyter/ydoc` notebook and return it as nbformat 4: exactly the cells the
 * learner's notebook holds at the end (outputs empty, since nothing ran).
 * The script must be a validated one (compiled, or checked by `validateScript`).
 */
export function playToNotebook(script: Script): NotebookContent {
  const notebook = YNotebook.create({ data: { metadata: notebookMetadata(script) } } as never);
  const applier = new NotebookApplier(notebook, script);
  try {
    // The edits are played on plain data, and the notebook receives the
    // result as a seek to the end does: all cells in one transaction. Each
    // change to the list of cells costs @jupyter/ydoc a walk of the whole
    // list, so inserting them one by one, as playback does, is quadratic.
    applier.restore(finalState(script));
    return notebook.toJSON();
  } finally {
    applier.dispose();
    // A YNotebook keeps Node alive until disposed.
    notebook.dispose();
  }
}

/** The tutorial's notebook after its last step, as plain data. */
function finalState(script: Script): NotebookState {
  const state = new NotebookState();
  for (const step of script.steps) {
    for (const operation of step.operations) {
      if (isEditOperation(operation)) {
        state.apply(operation, script, true);
      }
    }
  }
  return state;
}

/** The kernelspec and language a tutorial's notebook starts with. */
export function notebookMetadata(script: Pick<Script, 'kernel'>): Record<string, unknown> {
  const language = kernelLanguage(script.kernel);
  return {
    kernelspec: {
      name: script.kernel,
      display_name: script.kernel === 'python3' ? 'Python 3 (ipykernel)' : script.kernel,
      language
    },
    language_info: { name: language }
  };
}
