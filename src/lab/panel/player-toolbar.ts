/**
 * The player's toolbar (docs/explanation/accessibility.md, R1): its buttons are the player's commands, each
 * button's label, icon, enabled state and `aria-keyshortcuts` read from the
 * `CommandRegistry` (commands/player-commands.ts), re-read on `commandChanged` and
 * `keyBindingChanged`, so the palette, the shortcuts and the toolbar never
 * disagree. Then the speed and the step mode, which are preferences.
 *
 * Why not JupyterLab's `Toolbar` with `CommandToolbarButton`s
 * (@jupyterlab/ui-components 4.6): it has no `role=toolbar`, every button is
 * its own tab stop, and there is no arrow-key, Home or End navigation (its
 * only event handler is a click). Its buttons take the native `disabled`, which
 * drops a disabled control out of focus and out of the order the arrows walk
 * (R1 keeps it focusable, `aria-disabled`), and they render a `title` with the
 * shortcut, which a screen reader adds as a description on every focus move.
 * So this stays the APG toolbar: one tab stop, roving tabindex, ←/→/Home/End.
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import type { CommandRegistry } from '@lumino/commands';
import { ariaKeys, element, setDisabled } from '../ui/lazy.js';
import type { CommandID } from '../command-ids.js';
import { CommandIDs, SINGLE_KEYS } from '../command-ids.js';
import { SPEEDS } from '../settings/index.js';
import type { TutorialSession } from '../session/lazy.js';

/** The toolbar's buttons, in order, and the class name each keeps. */
const BUTTONS: ReadonlyArray<readonly [CommandID, string]> = [
  [CommandIDs.togglePlay, 'play'],
  [CommandIDs.previousStep, 'previous'],
  [CommandIDs.nextStep, 'next'],
  [CommandIDs.takeOver, 'takeOver'],
  [CommandIDs.resume, 'resume'],
  // A toggle (`aria-pressed`), shown only where its command is: with jupyter-collaboration (classroom/commands.ts).
  [CommandIDs.broadcast, 'broadcast']
];

/** Buttons that are toggles: they say whether they are on with `aria-pressed`. */
const TOGGLES: ReadonlySet<CommandID> = new Set([CommandIDs.broadcast]);

export interface PlayerToolbarOptions {
  /** The player's widget id: the commands' `player` argument. */
  playerId: string;
  session: TutorialSession;
  commands: CommandRegistry;
  trans: TranslationBundle;
  /** Whether K/J/L are on (then the buttons advertise them too). */
  singleKeys: () => boolean;
  onPreference: (key: 'speed' | 'stepMode', value: number | boolean) => void;
}

interface Button {
  node: HTMLButtonElement;
  icon: HTMLSpanElement;
  label: HTMLSpanElement;
  shown?: ReturnType<CommandRegistry['icon']>;
}

export class PlayerToolbar {
  readonly node: HTMLDivElement;
  private readonly buttons = new Map<CommandID, Button>();
  private readonly speed: HTMLSelectElement;
  private readonly stepMode: HTMLInputElement;
  private readonly args: { player: string; toolbar: true };
  private readonly options: PlayerToolbarOptions;
  private readonly onCommandChanged = (_: CommandRegistry, change: CommandRegistry.ICommandChangedArgs): void => {
    if (change.type === 'many-changed' || (change.id !== undefined && this.buttons.has(change.id as CommandID))) this.render();
  };
  private readonly onKeyBindingChanged = (): void => this.updateShortcuts();

  constructor(doc: Document, options: PlayerToolbarOptions) {
    this.options = options;
    this.args = { player: options.playerId, toolbar: true };
    const { commands, trans, session } = options;
    const node = (this.node = element(doc, 'div', 'jp-NotecastPlayer-toolbar'));
    node.setAttribute('role', 'toolbar');
    node.setAttribute('aria-label', trans.__('Tutorial player'));
    for (const [id, name] of BUTTONS) {
      const button = element(doc, 'button', `jp-NotecastPlayer-button jp-NotecastPlayer-${name}`);
      button.type = 'button';
      button.dataset.command = id;
      const icon = element(doc, 'span', 'jp-NotecastPlayer-buttonIcon');
      icon.setAttribute('aria-hidden', 'true');
      const label = element(doc, 'span', 'jp-NotecastPlayer-buttonLabel');
      button.append(icon, label);
      button.addEventListener('click', () => {
        if (button.getAttribute('aria-disabled') !== 'true') {
          void commands.execute(id, this.args);
        }
      });
      node.appendChild(button);
      this.buttons.set(id, { node: button, icon, label });
    }

    const speedLabel = element(doc, 'label', 'jp-NotecastPlayer-field');
    speedLabel.appendChild(element(doc, 'span', undefined, trans.__('Speed')));
    this.speed = element(doc, 'select', 'jp-NotecastPlayer-speed');
    for (const value of SPEEDS) {
      const option = element(doc, 'option', undefined, trans.__('%1×', value));
      option.value = String(value);
      this.speed.appendChild(option);
    }
    this.speed.addEventListener('change', () => {
      const value = Number(this.speed.value);
      void session.player.setSpeed(value);
      options.onPreference('speed', value);
    });
    speedLabel.appendChild(this.speed);
    node.appendChild(speedLabel);
    const modeLabel = element(doc, 'label', 'jp-NotecastPlayer-field jp-NotecastPlayer-check');
    this.stepMode = element(doc, 'input', 'jp-NotecastPlayer-stepMode');
    this.stepMode.type = 'checkbox';
    this.stepMode.addEventListener('change', () => {
      void session.player.setStepMode(this.stepMode.checked);
      options.onPreference('stepMode', this.stepMode.checked);
    });
    modeLabel.appendChild(this.stepMode);
    modeLabel.appendChild(element(doc, 'span', undefined, trans.__('Stop after each step')));
    node.appendChild(modeLabel);

    node.addEventListener('keydown', event => this.onKey(event));
    node.addEventListener('focusin', event => this.setRovingStop(event.target as HTMLElement));
    commands.commandChanged.connect(this.onCommandChanged);
    commands.keyBindingChanged.connect(this.onKeyBindingChanged);
    this.setRovingStop(this.first);
    this.updateShortcuts();
    this.render();
  }

  /** The control that last had focus, for focus to return to. */
  get rovingStop(): HTMLElement {
    return this.node.querySelector<HTMLElement>('[tabindex="0"]') ?? this.first;
  }

  /** The buttons as the commands describe them now; the speed and step mode as the player has them. */
  render(): void {
    const { commands, session } = this.options;
    for (const [id, button] of this.buttons) {
      const shown = commands.hasCommand(id) && commands.isVisible(id, this.args);
      if (button.node.hidden === shown) button.node.hidden = !shown;
      if (TOGGLES.has(id) && shown) button.node.setAttribute('aria-pressed', String(commands.isToggled(id, this.args)));
      const label = commands.label(id, this.args);
      if (button.label.textContent !== label) button.label.textContent = label;
      setDisabled(button.node, !commands.isEnabled(id, this.args));
      const icon = commands.icon(id, this.args);
      if (icon !== button.shown) {
        button.shown = icon;
        button.icon.replaceChildren();
        icon?.render(button.icon);
      }
    }
    const stopped = session.stoppedReason !== undefined;
    this.speed.value = String(nearestSpeed(session.player.speed));
    this.stepMode.checked = session.player.stepMode;
    setDisabled(this.speed, stopped);
    setDisabled(this.stepMode, stopped);
  }

  /** `aria-keyshortcuts` from the key bindings (R4), plus K/J/L when they are on. */
  updateShortcuts(): void {
    const { commands } = this.options;
    for (const [id, button] of this.buttons) {
      const keys = new Set<string>();
      for (const binding of commands.keyBindings) {
        if (binding.command === id && binding.keys.length === 1) keys.add(ariaKeys(binding.keys[0]));
      }
      if (this.options.singleKeys()) {
        for (const [key, bound] of Object.entries(SINGLE_KEYS)) {
          if (bound === id) keys.add(key.toUpperCase());
        }
      }
      if (keys.size) {
        button.node.setAttribute('aria-keyshortcuts', [...keys].join(' '));
      } else {
        button.node.removeAttribute('aria-keyshortcuts');
      }
    }
  }

  dispose(): void {
    this.options.commands.commandChanged.disconnect(this.onCommandChanged);
    this.options.commands.keyBindingChanged.disconnect(this.onKeyBindingChanged);
  }

  private get first(): HTMLButtonElement {
    return this.buttons.get(CommandIDs.togglePlay)!.node;
  }

  private get items(): HTMLElement[] {
    return [...[...this.buttons.values()].map(button => button.node).filter(node => !node.hidden), this.speed, this.stepMode];
  }

  private setRovingStop(target: HTMLElement): void {
    const items = this.items;
    if (!items.includes(target)) {
      return;
    }
    for (const item of items) {
      item.tabIndex = item === target ? 0 : -1;
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const items = this.items;
    const index = items.indexOf(event.target as HTMLElement);
    if (index < 0) {
      return;
    }
    let next: number;
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
}

function nearestSpeed(speed: number): number {
  return SPEEDS.reduce((best, value) => (Math.abs(value - speed) < Math.abs(best - speed) ? value : best), 1);
}
