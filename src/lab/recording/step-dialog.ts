/**
 * The dialog that starts a new step in a recording: its title and, if the
 * author wants to say it now, its narration. Two labelled fields, the title
 * focused first; Enter in the title accepts, as in JupyterLab's own input
 * dialogs, and the narration field takes several lines.
 */
import { Dialog, showDialog } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

export interface StepMark {
  title: string;
  narration: string;
}

class StepForm extends Widget implements Dialog.IBodyWidget<StepMark> {
  private readonly titleField: HTMLInputElement;
  private readonly narrationField: HTMLTextAreaElement;

  constructor(trans: TranslationBundle, suggestedTitle: string) {
    super();
    this.addClass('jp-NotecastStepForm');
    this.titleField = document.createElement('input');
    this.titleField.value = suggestedTitle;
    this.narrationField = document.createElement('textarea');
    this.narrationField.rows = 4;
    this.node.append(
      field(trans.__('Step title'), this.titleField, 'jp-NotecastStepForm-title'),
      field(trans.__('Narration (optional: you can write it in the tutorial later)'), this.narrationField, 'jp-NotecastStepForm-narration')
    );
  }

  getValue(): StepMark {
    return { title: this.titleField.value.trim(), narration: this.narrationField.value.trim() };
  }

  protected onAfterAttach(): void {
    this.titleField.focus();
    this.titleField.select();
  }
}

function field(label: string, control: HTMLInputElement | HTMLTextAreaElement, id: string): HTMLElement {
  const wrapper = document.createElement('label');
  wrapper.className = 'jp-NotecastStepForm-field';
  const text = document.createElement('span');
  text.textContent = label;
  control.classList.add('jp-mod-styled', id);
  wrapper.append(text, control);
  return wrapper;
}

/** Ask for the new step's title and narration; undefined when the author cancels. */
export async function askForStep(trans: TranslationBundle, suggestedTitle: string): Promise<StepMark | undefined> {
  const form = new StepForm(trans, suggestedTitle);
  const result = await showDialog({
    title: trans.__('New step in the recording'),
    body: form,
    focusNodeSelector: '.jp-NotecastStepForm-title',
    buttons: [Dialog.cancelButton({ label: trans.__('Cancel') }), Dialog.okButton({ label: trans.__('Start the step') })]
  });
  if (!result.button.accept || !result.value) {
    return undefined;
  }
  return { title: result.value.title || suggestedTitle, narration: result.value.narration };
}
