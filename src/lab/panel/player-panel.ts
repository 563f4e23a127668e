/**
 * The player's UI: one region per open tutorial, docked beside its notebook
 * (below it where the area is narrow, shell/layout.ts) so it never covers the
 * cells (R20, R21). Controls form one toolbar with a
 * roving tab stop (R1); the step slider speaks "Step 4 of 12: <title>" (R2);
 * captions show the narration (R12) while the announcer speaks it; the step
 * list is real headings and buttons with each step's code on request.
 *
 * Every piece of tutorial text (title, narration, prompts, code) is set with
 * `textContent`: it is text, never markup.
 *
 * This file is the shell: the region and its parts, the toolbar
 * (panel/player-toolbar.ts), the slider and status (panel/step-slider.ts), the notices
 * (panel/player-notices.ts), the step list (ui/step-list.ts), single keys
 * (panel/single-keys.ts), and the caption.
 */
import type { ITranslator } from '@jupyterlab/translation';
import type { CommandRegistry } from '@lumino/commands';
import { Signal, type ISignal } from '@lumino/signaling';
import type { INotecastPlayer } from '../tokens.js';
import { DockedPanel, element, StepList } from '../ui/lazy.js';
import { LanguageSwitch } from './language-switch.js';
import { PlayerNotices } from './player-notices.js';
import { PlayerToolbar } from './player-toolbar.js';
import type { Preferences } from '../settings/index.js';
import type { TutorialSession } from '../session/lazy.js';
import { listenForSingleKeys } from './single-keys.js';
import { StepSlider } from './step-slider.js';
import type { TutorialLanguage } from '../tutorial/index.js';

export const PLAYER_CLASS = 'jp-NotecastPlayer';

export interface PlayerPanelOptions {
  session: TutorialSession;
  commands: CommandRegistry;
  preferences: Preferences;
  translator: ITranslator;
  /** Called when the learner changes a preference in the player (speed, step mode). */
  onPreference: (key: 'speed' | 'stepMode', value: number | boolean) => void;
  /** The tutorial's languages, when it has translations, and what choosing one does. */
  languages?: { choices: readonly TutorialLanguage[]; choose: (language: TutorialLanguage) => void };
  /** Where the player registers as it is built, so that its commands find it by id (panel/tracker.ts). */
  players: { register(player: PlayerPanel): void };
}

export class PlayerPanel extends DockedPanel implements INotecastPlayer {
  /** The playback behind the panel: for src/lab only (`INotecastPlayer` is what other extensions see). */
  readonly session: TutorialSession;
  private preferences: Preferences;
  private readonly toolbar: PlayerToolbar;
  private readonly position: StepSlider;
  private readonly caption: HTMLDivElement;
  /** The language of the tutorial's text, and of the player's own words (JupyterLab's). */
  private readonly tutorialLang: string;
  private readonly uiLang: string;
  private readonly notices: PlayerNotices;
  private readonly steps: StepList;
  private readonly onChanged = (): void => this.refresh();
  private readonly changedSignal = new Signal<this, void>(this);
  private readonly unsubscribe: Array<() => void>;

  constructor(options: PlayerPanelOptions) {
    const trans = options.translator.load('notecast');
    const script = options.session.script;
    super({
      label: trans.__('Tutorial: %1', script.title),
      caption: trans.__('Tutorial player: %1 (%2)', script.title, options.session.tutorialPath),
      regionLabel: trans.__('Tutorial player: %1', script.title),
      regionClass: PLAYER_CLASS
    });
    this.session = options.session;
    this.preferences = options.preferences;
    const commands = options.commands;
    const uid = this.id;
    const doc = this.node.ownerDocument;
    const node = this.region;
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] =>
      element(doc, tag, className, text);

    this.tutorialLang = script.lang ?? 'en';
    this.uiLang = options.translator.languageCode;
    const header = el('div', 'jp-NotecastPlayer-header');
    const title = el('p', 'jp-NotecastPlayer-title', script.title);
    title.lang = this.tutorialLang;
    header.appendChild(title);
    if (script.description) {
      const description = el('p', 'jp-NotecastPlayer-description', script.description);
      description.lang = this.tutorialLang;
      header.appendChild(description);
    }
    if (options.languages && options.languages.choices.length > 1) {
      header.appendChild(new LanguageSwitch(doc, uid, options.languages.choices, this.tutorialLang, trans, options.languages.choose).node);
    }
    node.appendChild(header);

    // Registered before the toolbar's first render: its commands find this player by id.
    options.players.register(this);
    const singleKeys = (): boolean => this.preferences.singleKeyShortcuts;
    this.toolbar = new PlayerToolbar(doc, { playerId: uid, session: this.session, commands, trans, singleKeys, onPreference: options.onPreference });
    node.appendChild(this.toolbar.node);

    this.position = new StepSlider(doc, uid, this.session, trans);
    node.appendChild(this.position.node);

    this.caption = el('div', 'jp-NotecastPlayer-caption');
    this.caption.lang = this.uiLang;
    node.appendChild(this.caption);
    this.notices = new PlayerNotices(doc, this.session, commands, trans);
    node.appendChild(this.notices.node);

    this.steps = new StepList(doc, uid, script, trans, index => void this.session.seek(index));
    node.appendChild(this.steps.node);

    listenForSingleKeys(node, commands, singleKeys, { player: uid });
    this.session.changed.connect(this.onChanged);
    this.unsubscribe = [this.session.player.on('stateChanged', this.onChanged), this.session.player.on('stepChanged', this.onChanged)];
    this.refresh();
  }

  get tutorialPath(): string {
    return this.session.tutorialPath;
  }

  get notebookPath(): string {
    return this.session.notebookPath;
  }

  get state(): string {
    return this.session.player.state;
  }

  get step(): number {
    return this.session.player.step;
  }

  get stepCount(): number {
    return this.session.script.steps.length;
  }

  get stoppedReason(): string | undefined {
    return this.session.stoppedReason;
  }

  get changed(): ISignal<this, void> {
    return this.changedSignal;
  }

  togglePlay(): Promise<void> {
    return this.session.togglePlay();
  }

  nextStep(): Promise<void> {
    return this.session.nextStep();
  }

  previousStep(): Promise<void> {
    return this.session.previousStep();
  }

  seek(step: number): Promise<void> {
    return this.session.seek(step);
  }

  setPreferences(preferences: Preferences): void {
    this.preferences = preferences;
    this.toolbar.updateShortcuts();
    this.refresh();
  }

  /** The control that last had focus in the toolbar, for focus to return to. */
  get rovingStop(): HTMLElement {
    return this.toolbar.rovingStop;
  }

  override dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.toolbar.dispose();
    this.session.changed.disconnect(this.onChanged);
    this.unsubscribe.forEach(stop => stop());
    this.session.dispose();
    super.dispose();
    Signal.clearData(this);
  }

  /** Activated (opened, or revealed from a tab): the toolbar's tab stop. */
  protected focusTarget(): HTMLElement {
    return this.rovingStop;
  }

  refresh(): void {
    if (this.isDisposed) {
      return;
    }
    this.toolbar.render();
    this.position.render();
    this.caption.textContent = this.session.caption;
    // Narration is in the tutorial's language; prompts and notices in JupyterLab's.
    this.caption.lang = this.session.captionIsNarration ? this.tutorialLang : this.uiLang;
    this.steps.setCurrent(this.session.player.step);
    this.notices.render();
    this.changedSignal.emit();
  }
}
