/**
 * The player's controls and areas, in its shadow root: a region named
 * "Tutorial player: <title>", a toolbar (previous, play/pause, next, try it,
 * shortcuts), the step slider spoken as "Step 4 of 12: <title>", speed and
 * options, the captions, a message area for what went wrong, the notebook,
 * the live regions, and a slot for the transcript in the page.
 */
import type { Translations } from '../format/index.js';
import { SPEEDS } from './attributes.js';
import { Toolbar } from './toolbar.js';

/** The keys that work while focus is in the player (never with a modifier, so no screen-reader key is taken). */
export const KEYS = { toggle: 'k', previous: 'j', next: 'l', tryIt: 't' } as const;

export interface UiActions {
  toggle(): void;
  previous(): void;
  next(): void;
  tryIt(): void;
  seek(index: number): void;
  speed(value: number): void;
  stepMode(on: boolean): void;
  reducedMotion(on: boolean): void;
  language(lang: string): void;
}

let uid = 0;

export class PlayerUi {
  readonly region: HTMLElement;
  readonly title: HTMLElement;
  readonly toolbar: Toolbar;
  readonly play: HTMLButtonElement;
  readonly previous: HTMLButtonElement;
  readonly next: HTMLButtonElement;
  readonly tryIt: HTMLButtonElement;
  readonly tryNote: HTMLElement;
  readonly help: HTMLButtonElement;
  readonly helpText: HTMLElement;
  readonly slider: HTMLInputElement;
  readonly status: HTMLElement;
  readonly speed: HTMLSelectElement;
  readonly stepMode: HTMLInputElement;
  readonly reducedMotion: HTMLInputElement;
  readonly languages: HTMLElement;
  readonly languageMenu: HTMLSelectElement;
  readonly captions: HTMLElement;
  readonly message: HTMLElement;
  readonly stage: HTMLElement;
  readonly controls: HTMLElement;

  constructor(
    readonly trans: Translations,
    actions: UiActions
  ) {
    const id = `nc-${++uid}`;
    const doc = document;
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] => {
      const node = doc.createElement(tag);
      node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    };
    this.region = make('div', 'nc-player');
    this.region.setAttribute('role', 'region');
    this.region.setAttribute('part', 'player');
    this.region.setAttribute('aria-label', trans.__('Tutorial player'));
    this.title = make('h2', 'nc-title');
    this.title.setAttribute('part', 'title');
    this.controls = make('div', 'nc-controls');

    this.toolbar = new Toolbar(trans.__('Tutorial player'));
    this.previous = this.toolbar.add('nc-previous', () => actions.previous(), KEYS.previous.toUpperCase());
    this.previous.textContent = trans.__('Previous step');
    this.play = this.toolbar.add('nc-play', () => actions.toggle(), KEYS.toggle.toUpperCase());
    this.play.textContent = trans.__('Play');
    this.next = this.toolbar.add('nc-next', () => actions.next(), KEYS.next.toUpperCase());
    this.next.textContent = trans.__('Next step');
    this.tryIt = this.toolbar.add('nc-try', () => actions.tryIt(), KEYS.tryIt.toUpperCase());
    this.tryIt.textContent = trans.__('Try it');
    this.tryNote = make('span', 'nc-visually-hidden');
    this.tryNote.id = `${id}-try-note`;
    this.tryIt.setAttribute('aria-describedby', this.tryNote.id);
    this.toolbar.setShown(this.tryIt, false);
    this.help = this.toolbar.add('nc-help', () => this.toggleHelp());
    this.help.textContent = trans.__('Keyboard shortcuts');
    this.helpText = make(
      'p',
      'nc-help-text',
      trans.__('Inside the player (single keys)') + ': ' + trans.__('K: play or pause, J: previous step, L: next step') + trans.__(', T: try it')
    );
    this.helpText.id = `${id}-help`;
    this.helpText.hidden = true;
    this.help.setAttribute('aria-expanded', 'false');
    this.help.setAttribute('aria-controls', this.helpText.id);

    const position = make('div', 'nc-position');
    const sliderLabel = make('label', 'nc-label', trans.__('Step'));
    this.slider = make('input', 'nc-slider');
    this.slider.type = 'range';
    this.slider.id = `${id}-slider`;
    this.slider.setAttribute('part', 'slider');
    sliderLabel.htmlFor = this.slider.id;
    this.slider.min = '1';
    this.slider.step = '1';
    this.slider.addEventListener('input', () => actions.seek(Number(this.slider.value) - 1));
    this.status = make('p', 'nc-status');
    position.append(sliderLabel, this.slider, this.status);

    const options = make('div', 'nc-options');
    const speedLabel = make('label', 'nc-label');
    speedLabel.append(make('span', '', trans.__('Speed')));
    this.speed = make('select', 'nc-speed');
    for (const value of SPEEDS) {
      const option = make('option', '', trans.__('%1×', value));
      option.value = String(value);
      this.speed.appendChild(option);
    }
    this.speed.addEventListener('change', () => actions.speed(Number(this.speed.value)));
    speedLabel.append(this.speed);
    const checkbox = (text: string, onChange: (on: boolean) => void): [HTMLLabelElement, HTMLInputElement] => {
      const label = make('label', 'nc-check');
      const input = make('input', '');
      input.type = 'checkbox';
      input.addEventListener('change', () => onChange(input.checked));
      label.append(input, doc.createTextNode(text));
      return [label, input];
    };
    const [stepModeLabel, stepMode] = checkbox(trans.__('Stop after each step'), on => actions.stepMode(on));
    const [motionLabel, reducedMotion] = checkbox(trans._p('settings', 'Reduced motion'), on => actions.reducedMotion(on));
    this.stepMode = stepMode;
    this.reducedMotion = reducedMotion;
    this.languages = make('label', 'nc-label');
    this.languages.append(make('span', '', trans.__('Tutorial language')));
    this.languageMenu = make('select', 'nc-language');
    this.languageMenu.addEventListener('change', () => actions.language(this.languageMenu.value));
    this.languages.append(this.languageMenu);
    this.languages.hidden = true;
    options.append(speedLabel, stepModeLabel, motionLabel, this.languages);

    this.captions = make('div', 'nc-captions');
    this.captions.setAttribute('part', 'captions');
    this.message = make('div', 'nc-message');
    this.message.setAttribute('part', 'message');
    this.message.hidden = true;
    this.stage = make('div', 'nc-stage');

    this.controls.append(this.toolbar.node, this.helpText, this.tryNote, position, options);
    this.region.append(this.title, this.controls, this.captions, this.message, this.stage);
    this.region.addEventListener('keydown', event => this.onKey(event, actions));
  }

  /** Show a problem in the player's own area, with its details (positions, reasons). */
  showMessage(heading: string, details: readonly string[]): void {
    const title = document.createElement('p');
    title.className = 'nc-message-title';
    title.textContent = heading;
    const list = document.createElement('ul');
    for (const detail of details) {
      const item = document.createElement('li');
      item.textContent = detail;
      list.appendChild(item);
    }
    this.message.replaceChildren(title, ...(details.length ? [list] : []));
    this.message.hidden = false;
  }

  hideMessage(): void {
    this.message.hidden = true;
    this.message.replaceChildren();
  }

  private toggleHelp(): void {
    const open = this.helpText.hidden;
    this.helpText.hidden = !open;
    this.help.setAttribute('aria-expanded', String(open));
  }

  /** Single keys, only from inside the player, never from a menu (where letters choose an option). */
  private onKey(event: KeyboardEvent, actions: UiActions): void {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'text')) return;
    const key = event.key.toLowerCase();
    const actionFor: Record<string, (() => void) | undefined> = {
      [KEYS.toggle]: () => actions.toggle(),
      [KEYS.previous]: () => actions.previous(),
      [KEYS.next]: () => actions.next(),
      [KEYS.tryIt]: this.tryIt.hidden ? undefined : () => actions.tryIt()
    };
    const action = Object.hasOwn(actionFor, key) ? actionFor[key] : undefined;
    if (action) {
      event.preventDefault();
      action();
    }
  }
}
