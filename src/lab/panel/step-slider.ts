/**
 * Where the tutorial is: the step slider, whose value is spoken as "Step 4 of
 * 12: <title>" (R2), and the status line beside it (state · step).
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import { element, setDisabled } from '../ui/lazy.js';
import { describeState } from '../../session/index.js';
import type { TutorialSession } from '../session/lazy.js';

export class StepSlider {
  readonly node: HTMLDivElement;
  readonly slider: HTMLInputElement;
  private readonly status: HTMLParagraphElement;

  constructor(
    doc: Document,
    uid: string,
    private readonly session: TutorialSession,
    private readonly trans: TranslationBundle
  ) {
    this.node = element(doc, 'div', 'jp-NotecastPlayer-position');
    const label = element(doc, 'label', 'jp-NotecastPlayer-sliderLabel', trans.__('Step'));
    const slider = (this.slider = element(doc, 'input', 'jp-NotecastPlayer-slider'));
    slider.type = 'range';
    slider.id = `${uid}-slider`;
    label.htmlFor = slider.id;
    slider.min = '1';
    slider.max = String(Math.max(1, session.script.steps.length));
    slider.step = '1';
    slider.addEventListener('input', () => void session.seek(Number(slider.value) - 1));
    this.status = element(doc, 'p', 'jp-NotecastPlayer-status');
    this.node.append(label, slider, this.status);
  }

  render(): void {
    const { session, trans } = this;
    const { player, script } = session;
    const state = player.state;
    const count = script.steps.length;
    const step = player.step;
    const stopped = session.stoppedReason !== undefined;
    const shown = Math.min(step, count - 1);
    this.slider.value = String(shown + 1);
    const label = count ? session.presenter.stepLabel(shown, count, script.steps[shown].title) : trans.__('No steps');
    this.slider.setAttribute('aria-valuetext', state === 'ended' || step >= count ? trans.__('%1 (finished)', label) : label);
    setDisabled(this.slider, stopped);
    this.status.textContent = `${stopped ? trans.__('Stopped') : describeState(state, trans)} · ${state === 'ended' ? trans.__('Finished') : label}`;
  }
}
