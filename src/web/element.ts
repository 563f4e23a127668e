/**
 * `<notecast-player src="lesson.md">`: a tutorial played in any page, into a
 * read-only notebook, with no kernel and no server. Attributes are reflected
 * as properties; `play()`, `pause()`, `seek(step)`; `step` and `state`
 * events. The controls live in a shadow root (themed with CSS custom
 * properties and `::part()`), the transcript in the page's DOM so that
 * `#step-4` links work. Nothing the tutorial holds is ever live HTML here.
 */
import type { Script, Translations } from '../format/index.js';
import type { PlayerState } from '../player/index.js';
import { describeState } from '../session/index.js';
import { ATTRIBUTES, parseSpeed, parseStep, parseTheme, stepInHash } from './attributes.js';
import { Announcer } from './announcer.js';
import { assetUrl } from './assets.js';
import { pageLanguage, translationsFor } from './i18n.js';
import { loadScript } from './load-script.js';
import { Playback } from './playback.js';
import { PlayerUi } from './player-ui.js';
import { setDisabled } from './toolbar.js';
import { transcriptView } from './transcript-view.js';
import { TryIt } from './try-it.js';
import { findTranslations, showLanguages } from './tutorial-languages.js';

/** The stylesheet, beside the bundle: linked inside the shadow root (no inline style, for strict CSPs). */
const STYLESHEET = assetUrl('notecast-player.css');

/** In Node (the unit tests import the module's index), there is no HTMLElement to extend. */
const ElementBase = typeof HTMLElement === 'undefined' ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

export class NotecastPlayerElement extends ElementBase {
  static readonly observedAttributes = [...ATTRIBUTES];

  private readonly root: ShadowRoot;
  private readonly announcer = new Announcer();
  private ui: PlayerUi | undefined;
  private playback: Playback | undefined;
  private transcript: HTMLElement | undefined;
  private trans: Translations | undefined;
  private tryIt: TryIt | undefined;
  private loading: AbortController | undefined;
  private stateValue: PlayerState | 'loading' | 'failed' = 'loading';
  private readonly motion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;
  private readonly onHash = () => this.followHash();
  /** The reader's reduced-motion setting, followed while the page is open (the checkbox overrides it). */
  private readonly onMotion = (event: MediaQueryListEvent) => {
    void this.playback?.session.player.setReducedMotion(event.matches).then(() => this.syncOptions());
  };

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLESHEET;
    const slot = (name: string) => Object.assign(document.createElement('slot'), { name });
    this.root.append(link, slot('announcer'), slot('transcript'));
  }

  // Attributes as properties.
  get src(): string {
    return this.getAttribute('src') ?? '';
  }
  set src(value: string) {
    this.setAttribute('src', value);
  }
  get speed(): number {
    return parseSpeed(this.getAttribute('speed'));
  }
  set speed(value: number) {
    this.setAttribute('speed', String(value));
  }
  get autoplay(): boolean {
    return this.hasAttribute('autoplay');
  }
  set autoplay(value: boolean) {
    this.toggleAttribute('autoplay', value);
  }
  get theme(): string {
    return parseTheme(this.getAttribute('theme'));
  }
  set theme(value: string) {
    this.setAttribute('theme', value);
  }
  get tryUrl(): string {
    return this.getAttribute('try-url') ?? '';
  }
  set tryUrl(value: string) {
    this.setAttribute('try-url', value);
  }

  /** The step shown, from 1 (the last one once the tutorial has ended); 0 before a tutorial is loaded. */
  get step(): number {
    const player = this.playback?.session.player;
    return player ? Math.min(player.step, player.stepCount - 1) + 1 : 0;
  }
  set step(value: number) {
    this.setAttribute('step', String(value));
  }

  /** The player's state (`idle`, `playing`, `paused`, `ended`, …), `loading` or `failed`. */
  get state(): string {
    return this.stateValue;
  }

  play(): Promise<void> {
    return this.playback?.session.player.play() ?? Promise.resolve();
  }

  pause(): Promise<void> {
    return this.playback?.session.player.pause() ?? Promise.resolve();
  }

  /** Go to the start of step `step` (from 1; one past the last: the end), paused. */
  seek(step: number): Promise<void> {
    const player = this.playback?.session.player;
    if (!player || !Number.isInteger(step)) return Promise.resolve();
    return player.seek(Math.min(Math.max(step - 1, 0), player.stepCount));
  }

  connectedCallback(): void {
    // Children are the page's to add, not a constructor's: the live regions go in now.
    if (this.announcer.node.parentNode !== this) this.prepend(this.announcer.node);
    window.addEventListener('hashchange', this.onHash);
    this.motion?.addEventListener('change', this.onMotion);
    if (!this.ui && !this.loading) void this.load();
  }

  disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHash);
    this.motion?.removeEventListener('change', this.onMotion);
    void this.pause();
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (previous === value || !this.isConnected) return;
    const player = this.playback?.session.player;
    if (name === 'src' || name === 'lang') void this.load();
    else if (name === 'speed' && player) void player.setSpeed(parseSpeed(value)).then(() => this.syncOptions());
    else if (name === 'step' && player) {
      const index = parseStep(value, player.stepCount);
      if (index !== undefined && index !== Math.min(player.step, player.stepCount - 1)) void player.seek(index);
    } else if (name === 'try-url') this.tryIt?.update(value, this.src);
  }

  /** Load `src` afresh: the page's language, the tutorial, a new player and view. */
  private async load(): Promise<void> {
    this.loading?.abort();
    const loading = (this.loading = new AbortController());
    this.stateValue = 'loading';
    const trans = await translationsFor(pageLanguage(this));
    if (loading.signal.aborted) return;
    this.teardown();
    this.trans = trans;
    const ui = (this.ui = new PlayerUi(trans, {
      toggle: () => void this.playback?.session.player.toggle(),
      previous: () => void this.playback?.session.player.previousStep(),
      next: () => void this.playback?.session.player.nextStep(),
      tryIt: () => this.tryIt?.open(this.step),
      seek: index => void this.playback?.session.player.seek(index),
      speed: value => (this.speed = value),
      stepMode: on => void this.playback?.session.player.setStepMode(on),
      reducedMotion: on => void this.playback?.session.player.setReducedMotion(on),
      language: path => (this.src = path)
    }));
    ui.title.textContent = trans.__('Opening the tutorial…');
    ui.region.setAttribute('aria-busy', 'true');
    this.root.insertBefore(ui.region, link(this.root).nextSibling);
    this.tryIt = new TryIt(ui, trans);
    this.tryIt.update(this.getAttribute('try-url'), this.src);
    let loaded;
    try {
      loaded = this.src
        ? await loadScript(this.src, trans, loading.signal)
        : { problems: [trans.__('No tutorial: set the src attribute to a .md or .json file.')] };
    } catch {
      return; // Aborted: a newer src is loading.
    }
    if (loading.signal.aborted) return;
    ui.region.removeAttribute('aria-busy');
    if ('problems' in loaded) {
      this.fail(trans.__('%1 cannot play', this.src || trans.__('Tutorial')), loaded.problems);
      return;
    }
    this.start(loaded.script, ui, trans);
    void findTranslations(this.src, loaded.script).then(options => {
      if (this.ui === ui) showLanguages(ui, options, this.src);
    });
  }

  private start(script: Script, ui: PlayerUi, trans: Translations): void {
    const count = script.steps.length;
    const title = script.title;
    ui.title.textContent = title;
    ui.title.lang = script.lang ?? 'en';
    ui.region.setAttribute('aria-label', trans.__('Tutorial player: %1', title));
    ui.captions.lang = script.lang ?? 'en';
    ui.slider.max = String(Math.max(1, count));
    const playback = (this.playback = new Playback({
      script,
      trans,
      speed: this.speed,
      stepMode: false,
      reducedMotion: this.motion?.matches ?? false,
      events: {
        state: state => this.onState(state),
        step: () => this.onStep(),
        say: (parts, assertive, position) => (assertive ? this.announcer.alert(parts) : this.announcer.say({ parts, position })),
        caption: text => (ui.captions.textContent = text ?? '')
      }
    }));
    ui.stage.appendChild(playback.view.node);
    const prefix = this.id ? `${this.id}-` : '';
    this.transcript = transcriptView(script, trans, prefix, pageLanguage(this));
    this.appendChild(this.transcript);
    this.syncOptions();
    this.stateValue = 'idle';
    this.onStep();
    this.onState('idle');
    const start = parseStep(this.getAttribute('step'), count) ?? (stepInHash(location.hash, prefix) ?? 0) - 1;
    if (start > 0) void playback.session.player.seek(Math.min(start, count));
    if (this.autoplay) void playback.session.player.play();
  }

  private fail(heading: string, details: string[]): void {
    const ui = this.ui!;
    this.stateValue = 'failed';
    ui.title.textContent = heading;
    ui.controls.hidden = true;
    ui.showMessage(heading, details);
    const said = details.length ? `${heading}. ${details[0]}` : heading;
    this.announcer.alert([{ text: said }]);
    this.dispatch('state', { state: 'failed', problems: details });
  }

  private onState(state: PlayerState): void {
    const ui = this.ui;
    const trans = this.trans;
    if (!ui || !trans) return;
    this.stateValue = state;
    const playing = state === 'playing' || state === 'waiting-for-kernel';
    ui.play.textContent = playing ? trans.__('Pause') : trans.__('Play');
    ui.region.dataset.state = state;
    this.renderPosition();
    this.dispatch('state', { state });
  }

  private onStep(): void {
    this.renderPosition();
    const player = this.playback?.session.player;
    if (player) this.dispatch('step', { step: this.step, count: player.stepCount, ended: player.step >= player.stepCount });
  }

  private renderPosition(): void {
    const ui = this.ui;
    const trans = this.trans;
    const playback = this.playback;
    if (!ui || !trans || !playback) return;
    const { player, script } = playback.session;
    const count = script.steps.length;
    const ended = player.state === 'ended' || player.step >= count;
    const shown = Math.min(player.step, count - 1);
    const label = count ? playback.presenter.stepLabel(shown, count, script.steps[shown].title) : trans.__('No steps');
    ui.slider.value = String(shown + 1);
    ui.slider.setAttribute('aria-valuetext', ended ? trans.__('%1 (finished)', label) : label);
    ui.status.textContent = `${describeState(player.state, trans)} · ${ended ? trans.__('Finished') : label}`;
    setDisabled(ui.previous, player.step === 0);
    setDisabled(ui.next, ended);
    this.tryIt?.setStep(shown + 1);
  }

  private syncOptions(): void {
    const ui = this.ui;
    const player = this.playback?.session.player;
    if (!ui || !player) return;
    ui.speed.value = String(player.speed);
    if (ui.speed.value !== String(player.speed)) ui.speed.value = '1';
    ui.stepMode.checked = player.stepMode;
    ui.reducedMotion.checked = player.reducedMotion;
  }

  private followHash(): void {
    const step = stepInHash(location.hash, this.id ? `${this.id}-` : '');
    if (step !== undefined) void this.seek(step);
  }

  /** A page's listener that throws is reported by the browser, and playback goes on. */
  private dispatch(type: 'step' | 'state', detail: Record<string, unknown>): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  private teardown(): void {
    this.playback?.dispose();
    this.playback = undefined;
    this.ui?.region.remove();
    this.ui = undefined;
    this.transcript?.remove();
    this.transcript = undefined;
  }
}

/** The stylesheet's link, first in the shadow root: the player's region goes right after it. */
function link(root: ShadowRoot): Element {
  return root.firstElementChild!;
}
