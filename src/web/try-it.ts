/**
 * The "Try it" button: shown only for a usable `try-url`, described by what
 * it opens ("Opens this tutorial at step 4 in a notebook, in a new tab"),
 * and replaced by a clear message for a `try-url` that is not http(s).
 */
import type { Translations } from '../format/index.js';
import type { PlayerUi } from './player-ui.js';
import { buildTryUrl, tutorialPath } from './try-url.js';

export class TryIt {
  private template: string | null = null;
  private path = '';
  private step = 1;

  constructor(
    private readonly ui: PlayerUi,
    private readonly trans: Translations
  ) {}

  update(template: string | null, src: string): void {
    this.template = template;
    this.path = tutorialPath(src);
    this.render();
  }

  setStep(step: number): void {
    this.step = step;
    this.render();
  }

  /** The address for the current step, or undefined. */
  url(step = this.step): string | undefined {
    if (!this.template) return undefined;
    const built = buildTryUrl(this.template, this.path, step, document.baseURI);
    return 'url' in built ? built.url : undefined;
  }

  /** Open the tutorial at `step` in a new tab (the player keeps playing here). */
  open(step: number): void {
    const url = this.url(step);
    if (url) window.open(url, '_blank', 'noopener');
  }

  private render(): void {
    const { ui, trans } = this;
    const template = this.template;
    const built = template ? buildTryUrl(template, this.path, this.step, document.baseURI) : undefined;
    ui.toolbar.setShown(ui.tryIt, built !== undefined && 'url' in built);
    if (built && 'problem' in built) {
      const why =
        built.problem === 'scheme'
          ? trans.__('"Try it" is off: its address (try-url) must start with http: or https:, or be relative to this page.')
          : built.problem === 'shape'
            ? trans.__('"Try it" is off: its address (try-url) must contain {path} or end in lab or lab/index.html.')
            : trans.__('"Try it" is off: its address (try-url) is not a web address.');
      ui.tryNote.textContent = '';
      if (!ui.message.dataset.tryProblem) {
        ui.showMessage(why, []);
        ui.message.dataset.tryProblem = 'true';
      }
      return;
    }
    if (ui.message.dataset.tryProblem) {
      delete ui.message.dataset.tryProblem;
      ui.hideMessage();
    }
    ui.tryNote.textContent = trans.__('Opens this tutorial at step %1 in a real notebook, in a new tab.', this.step);
  }
}
