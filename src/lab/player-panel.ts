/**
 * The player's UI: one region per open tutorial, docked beside its notebook
 * (below it where the area is narrow, layout.ts) so it never covers the
 * cells (R20, R21). Controls form one toolbar with a
 * roving tab stop (R1); the step slider speaks "Step 4 of 12: <title>" (R2);
 * captions show the narration (R12) while the announcer speaks it; the step
 * list is real headings and buttons with each step's code on request.
 *
 * Every piece of tutorial text (title, narration, prompts, code) is set with
 * `textContent`: it is text, never markup.
 */
import { DOMUtils } from '@jupyterlab/apputils';
import type { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import type { CommandRegistry } from '@lumino/commands';
import type { Message } from '@lumino/messaging';
import { Widget } from '@lumino/widgets';
import { buildTranscript } from '../format/index.js';
import { ariaKeys } from './aria-keys.js';
import { CommandIDs, SINGLE_KEYS } from './commands.js';
import type { Preferences } from './preferences.js';
import { SPEEDS } from './preferences.js';
import type { TutorialSession } from './session.js';

export const PLAYER_CLASS = 'jp-NotecastPlayer';

export interface PlayerPanelOptions {
  session: TutorialSession;
  commands: CommandRegistry;
  preferences: Preferences;
  translator: ITranslator;
  /** Called when the learner changes a preference in the player (speed, step mode). */
  onPreference: (key: 'speed' | 'stepMode', value: number | boolean) => void;
}

type ControlName = 'play' | 'previous' | 'next' | 'takeOver' | 'resume';

export class PlayerPanel extends Widget {
  readonly session: TutorialSession;
  /** The `role=region` element named "Tutorial player: <title>". */
  readonly region: HTMLDivElement;
  private readonly commands: CommandRegistry;
  private readonly trans: TranslationBundle;
  private preferences: Preferences;
  private readonly onPreference: PlayerPanelOptions['onPreference'];
  private readonly toolbar: HTMLDivElement;
  private readonly buttons: Record<ControlName, HTMLButtonElement>;
  private readonly speed: HTMLSelectElement;
  private readonly stepMode: HTMLInputElement;
  private readonly slider: HTMLInputElement;
  private readonly status: HTMLParagraphElement;
  private readonly caption: HTMLDivElement;
  private readonly notices: HTMLDivElement;
  private readonly stepItems: HTMLLIElement[] = [];

  constructor(options: PlayerPanelOptions) {
    super();
    this.session = options.session;
    this.commands = options.commands;
    this.preferences = options.preferences;
    this.onPreference = options.onPreference;
    const trans = (this.trans = options.translator.load('notecast'));
    const script = this.session.script;
    const uid = DOMUtils.createDomID();
    this.id = uid;
    // The dock makes this widget's node a tabpanel; the region is inside it.
    this.addClass('jp-NotecastPlayerPanel');
    this.title.label = trans.__('Tutorial: %1', script.title);
    this.title.caption = trans.__('Tutorial player: %1 (%2)', script.title, this.session.tutorialPath);
    this.title.closable = true;
    const doc = this.node.ownerDocument;
    const node = doc.createElement('div');
    node.className = `${PLAYER_CLASS} jp-Notecast`;
    node.setAttribute('role', 'region');
    node.setAttribute('aria-label', trans.__('Tutorial player: %1', script.title));
    this.region = node;
    this.node.appendChild(node);
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
      const element = doc.createElement(tag);
      if (className) element.className = className;
      if (text !== undefined) element.textContent = text;
      return element;
    };

    const header = el('div', 'jp-NotecastPlayer-header');
    header.appendChild(el('p', 'jp-NotecastPlayer-title', script.title));
    if (script.description) {
      header.appendChild(el('p', 'jp-NotecastPlayer-description', script.description));
    }
    node.appendChild(header);

    // The toolbar (APG toolbar: one tab stop, arrows move).
    this.toolbar = el('div', 'jp-NotecastPlayer-toolbar');
    this.toolbar.setAttribute('role', 'toolbar');
    this.toolbar.setAttribute('aria-label', trans.__('Tutorial player'));
    const button = (name: ControlName, label: string, action: () => void): HTMLButtonElement => {
      const b = el('button', `jp-NotecastPlayer-button jp-NotecastPlayer-${name}`, label);
      b.type = 'button';
      b.addEventListener('click', () => {
        if (b.getAttribute('aria-disabled') !== 'true') {
          action();
        }
      });
      this.toolbar.appendChild(b);
      return b;
    };
    this.buttons = {
      play: button('play', trans.__('Play'), () => void this.session.togglePlay()),
      previous: button('previous', trans.__('Previous step'), () => void this.session.previousStep()),
      next: button('next', trans.__('Next step'), () => void this.session.nextStep()),
      takeOver: button('takeOver', trans.__('Take over'), () => void this.session.takeOver(true)),
      resume: button('resume', trans.__('Resume'), () => void this.session.resume())
    };
    const speedLabel = el('label', 'jp-NotecastPlayer-field');
    speedLabel.appendChild(el('span', undefined, trans.__('Speed')));
    this.speed = el('select', 'jp-NotecastPlayer-speed');
    for (const value of SPEEDS) {
      const option = el('option', undefined, trans.__('%1×', value));
      option.value = String(value);
      this.speed.appendChild(option);
    }
    this.speed.addEventListener('change', () => {
      const value = Number(this.speed.value);
      void this.session.player.setSpeed(value);
      this.onPreference('speed', value);
    });
    speedLabel.appendChild(this.speed);
    this.toolbar.appendChild(speedLabel);
    const modeLabel = el('label', 'jp-NotecastPlayer-field jp-NotecastPlayer-check');
    this.stepMode = el('input', 'jp-NotecastPlayer-stepMode');
    this.stepMode.type = 'checkbox';
    this.stepMode.addEventListener('change', () => {
      void this.session.player.setStepMode(this.stepMode.checked);
      this.onPreference('stepMode', this.stepMode.checked);
    });
    modeLabel.appendChild(this.stepMode);
    modeLabel.appendChild(el('span', undefined, trans.__('Stop after each step')));
    this.toolbar.appendChild(modeLabel);
    this.toolbar.addEventListener('keydown', event => this.onToolbarKey(event));
    this.toolbar.addEventListener('focusin', event => this.setRovingStop(event.target as HTMLElement));
    node.appendChild(this.toolbar);

    // The step slider.
    const position = el('div', 'jp-NotecastPlayer-position');
    const sliderLabel = el('label', 'jp-NotecastPlayer-sliderLabel', trans.__('Step'));
    this.slider = el('input', 'jp-NotecastPlayer-slider');
    this.slider.type = 'range';
    this.slider.id = `${uid}-slider`;
    sliderLabel.htmlFor = this.slider.id;
    this.slider.min = '1';
    this.slider.max = String(Math.max(1, script.steps.length));
    this.slider.step = '1';
    this.slider.addEventListener('input', () => void this.session.seek(Number(this.slider.value) - 1));
    position.append(sliderLabel, this.slider);
    this.status = el('p', 'jp-NotecastPlayer-status');
    position.appendChild(this.status);
    node.appendChild(position);

    this.caption = el('div', 'jp-NotecastPlayer-caption');
    this.caption.lang = options.translator.languageCode;
    node.appendChild(this.caption);
    this.notices = el('div', 'jp-NotecastPlayer-notices');
    node.appendChild(this.notices);

    // The step list / transcript.
    const steps = el('section', 'jp-NotecastPlayer-steps');
    const stepsHeading = el('h2', undefined, trans.__('Steps'));
    stepsHeading.id = `${uid}-steps`;
    steps.setAttribute('aria-labelledby', stepsHeading.id);
    steps.appendChild(stepsHeading);
    const list = el('ol', 'jp-NotecastPlayer-stepList');
    const transcript = buildTranscript(script);
    transcript.steps.forEach((step, index) => {
      const item = el('li', 'jp-NotecastPlayer-stepItem');
      item.appendChild(el('h3', undefined, step.title));
      if (step.narration) {
        item.appendChild(el('p', 'jp-NotecastPlayer-narration', step.narration));
      }
      const go = el('button', 'jp-NotecastPlayer-go', trans.__('Go to step %1: %2', index + 1, step.title));
      go.type = 'button';
      go.addEventListener('click', () => void this.session.seek(index));
      item.appendChild(go);
      if (step.actions.length) {
        const details = el('details', 'jp-NotecastPlayer-code');
        details.appendChild(el('summary', undefined, trans.__('Code for step %1', index + 1)));
        for (const action of step.actions) {
          details.appendChild(el('p', undefined, action.text));
          if (action.code !== undefined) {
            details.appendChild(el('pre', undefined, action.code));
          }
        }
        item.appendChild(details);
      }
      list.appendChild(item);
      this.stepItems.push(item);
    });
    steps.appendChild(list);
    node.appendChild(steps);

    node.addEventListener('keydown', event => this.onSingleKey(event));
    this.session.changed.connect(this.refresh, this);
    this.session.player.on('stateChanged', () => this.refresh());
    this.session.player.on('stepChanged', () => this.refresh());
    this.commands.keyBindingChanged.connect(this.updateShortcuts, this);
    this.setRovingStop(this.buttons.play);
    this.updateShortcuts();
    this.refresh();
  }

  setPreferences(preferences: Preferences): void {
    this.preferences = preferences;
    this.updateShortcuts();
    this.refresh();
  }

  /** The control that last had focus in the toolbar, for focus to return to. */
  get rovingStop(): HTMLElement {
    return (this.toolbar.querySelector('[tabindex="0"]') as HTMLElement | null) ?? this.buttons.play;
  }

  override dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.commands.keyBindingChanged.disconnect(this.updateShortcuts, this);
    this.session.dispose();
    super.dispose();
  }

  /** Activated (opened, or revealed from a tab): focus the toolbar's tab stop. */
  protected override onActivateRequest(msg: Message): void {
    super.onActivateRequest(msg);
    if (!this.region.contains(document.activeElement)) {
      this.rovingStop.focus();
    }
  }

  protected override onCloseRequest(msg: Message): void {
    super.onCloseRequest(msg);
    this.dispose();
  }

  refresh(): void {
    if (this.isDisposed) {
      return;
    }
    const trans = this.trans;
    const session = this.session;
    const player = session.player;
    const state = player.state;
    const count = session.script.steps.length;
    const step = player.step;
    const stopped = session.stoppedReason !== undefined;
    const playing = !stopped && (state === 'playing' || state === 'waiting-for-kernel');
    this.buttons.play.textContent = playing ? trans.__('Pause') : trans.__('Play');
    const cursor = player.cursor;
    this.disable(this.buttons.play, stopped);
    this.disable(this.buttons.previous, stopped || (step === 0 && cursor.operation === 0 && cursor.keystroke === 0));
    this.disable(this.buttons.next, stopped || state === 'ended' || step >= count);
    this.disable(this.buttons.takeOver, stopped || !['playing', 'waiting-for-kernel', 'waiting-for-learner', 'paused'].includes(state));
    this.disable(this.buttons.resume, stopped || !(state === 'taken-over' || (state === 'paused' && session.conflict !== undefined)));
    this.speed.value = String(nearestSpeed(player.speed));
    this.stepMode.checked = player.stepMode;
    this.disable(this.speed, stopped);
    this.disable(this.stepMode, stopped);

    const shown = Math.min(step, count - 1);
    this.slider.value = String(shown + 1);
    const label = count ? trans.__('Step %1 of %2: %3', shown + 1, count, session.script.steps[shown].title) : trans.__('No steps');
    this.slider.setAttribute('aria-valuetext', state === 'ended' || step >= count ? trans.__('%1 (finished)', label) : label);
    this.disable(this.slider, stopped);
    this.status.textContent = `${stopped ? trans.__('Stopped') : describeState(state, trans)} · ${state === 'ended' ? trans.__('Finished') : label}`;
    this.caption.textContent = session.caption;

    this.stepItems.forEach((item, index) => {
      if (index === step) {
        item.setAttribute('aria-current', 'step');
      } else {
        item.removeAttribute('aria-current');
      }
    });
    this.renderNotices();
  }

  private renderNotices(): void {
    const trans = this.trans;
    const session = this.session;
    const doc = this.node.ownerDocument;
    const notices: HTMLElement[] = [];
    const notice = (text: string, action?: { label: string; run: () => void }): void => {
      const box = doc.createElement('div');
      box.className = 'jp-NotecastPlayer-notice';
      const p = doc.createElement('p');
      p.textContent = text;
      box.appendChild(p);
      if (action) {
        const b = doc.createElement('button');
        b.type = 'button';
        b.className = 'jp-NotecastPlayer-button';
        b.textContent = action.label;
        b.addEventListener('click', action.run);
        box.appendChild(b);
      }
      notices.push(box);
    };
    if (session.notebookNotice) {
      notice(session.notebookNotice);
    }
    if (session.stoppedReason) {
      notice(session.stoppedReason);
    } else {
      if (session.conflict) {
        notice(trans.__("This step cannot continue: %1 Press Resume to restore the tutorial's state, or Next step to skip.", session.conflict));
      }
      if (session.rebuild.length) {
        const numbers = session.rebuild.map(id => session.ynotebook.cells.findIndex(cell => cell.id === id) + 1).filter(n => n > 0);
        notice(
          trans._n(
            'The kernel has not run cell %2 for this step.',
            'The kernel has not run cells %2 for this step.',
            numbers.length,
            listNumbers(numbers, trans)
          ),
          {
            label: trans.__('Run cells up to here'),
            run: () => void this.commands.execute(CommandIDs.runToHere)
          }
        );
      }
      if (session.fileChanged) {
        notice(trans.__('The tutorial file changed on disk.'), {
          label: trans.__('Reload tutorial'),
          run: () => void this.commands.execute(CommandIDs.open, { path: session.tutorialPath, reload: true })
        });
      }
    }
    // Rebuild only when the text changed, so focus on a notice's button survives updates.
    const signature = notices.map(n => n.textContent).join('\n');
    if (this.notices.dataset.signature !== signature) {
      this.notices.dataset.signature = signature;
      this.notices.replaceChildren(...notices);
    }
  }

  private disable(element: HTMLElement, disabled: boolean): void {
    if (disabled) {
      element.setAttribute('aria-disabled', 'true');
    } else {
      element.removeAttribute('aria-disabled');
    }
    if (element instanceof HTMLSelectElement || (element instanceof HTMLInputElement && element.type !== 'range')) {
      // Native form controls ignore aria-disabled: block changes, keep focus.
      element.classList.toggle('jp-mod-disabled', disabled);
    }
  }

  private get toolbarItems(): HTMLElement[] {
    return [...Object.values(this.buttons), this.speed, this.stepMode];
  }

  private setRovingStop(target: HTMLElement): void {
    const items = this.toolbarItems;
    if (!items.includes(target)) {
      return;
    }
    for (const item of items) {
      item.tabIndex = item === target ? 0 : -1;
    }
  }

  private onToolbarKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const items = this.toolbarItems;
    const index = items.indexOf(event.target as HTMLElement);
    if (index < 0) {
      return;
    }
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = (index + 1) % items.length;
        break;
      case 'ArrowLeft':
        next = (index - 1 + items.length) % items.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    this.setRovingStop(items[next]);
    items[next].focus();
  }

  /** k/j/l while focus is in the player, when the learner enabled single keys. */
  private onSingleKey(event: KeyboardEvent): void {
    if (!this.preferences.singleKeyShortcuts || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    const target = event.target as HTMLElement;
    if (target.closest('input, select, textarea, [contenteditable]')) {
      return;
    }
    const command = SINGLE_KEYS[event.key.toLowerCase()];
    if (command) {
      event.preventDefault();
      event.stopPropagation();
      void this.commands.execute(command);
    }
  }

  private updateShortcuts(): void {
    const set = (element: HTMLElement, command: string): void => {
      const keys = new Set<string>();
      for (const binding of this.commands.keyBindings) {
        if (binding.command === command && binding.keys.length === 1) {
          keys.add(ariaKeys(binding.keys[0]));
        }
      }
      if (this.preferences.singleKeyShortcuts) {
        for (const [key, bound] of Object.entries(SINGLE_KEYS)) {
          if (bound === command) keys.add(key.toUpperCase());
        }
      }
      if (keys.size) {
        element.setAttribute('aria-keyshortcuts', [...keys].join(' '));
      } else {
        element.removeAttribute('aria-keyshortcuts');
      }
    };
    set(this.buttons.play, CommandIDs.togglePlay);
    set(this.buttons.previous, CommandIDs.previousStep);
    set(this.buttons.next, CommandIDs.nextStep);
    set(this.buttons.takeOver, CommandIDs.takeOver);
    set(this.buttons.resume, CommandIDs.resume);
  }
}

function nearestSpeed(speed: number): number {
  return SPEEDS.reduce((best, value) => (Math.abs(value - speed) < Math.abs(best - speed) ? value : best), 1);
}

/** "2", "1 and 2", "1, 2 and 4". */
function listNumbers(numbers: number[], trans: TranslationBundle): string {
  return numbers.length <= 1 ? numbers.join('') : trans.__('%1 and %2', numbers.slice(0, -1).join(trans.__(', ')), numbers[numbers.length - 1]);
}

function describeState(state: string, trans: TranslationBundle): string {
  switch (state) {
    case 'idle':
      return trans.__('Ready');
    case 'playing':
      return trans.__('Playing');
    case 'waiting-for-kernel':
      return trans.__('Running code');
    case 'waiting-for-learner':
      return trans.__('Your turn');
    case 'paused':
      return trans.__('Paused');
    case 'taken-over':
      return trans.__('You have control');
    case 'ended':
      return trans.__('Ended');
    case 'error':
      return trans.__('Stopped by an error');
    default:
      return state;
  }
}
