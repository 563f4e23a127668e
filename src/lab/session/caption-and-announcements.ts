/**
 * What a session says and shows: the caption (the current narration or
 * prompt, and a conflict while paused on one), the player's announcements
 * worded by the presenter, and the narration again on request (R12).
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import { yourTurnPrompt, type Script } from '../../format/index.js';
import type { Announcement, Player, PlayerState } from '../../player/index.js';
import { authored, languageParts, type Presenter } from '../../session/index.js';
import type { INotecastAnnouncer } from '../tokens.js';
import type { Preferences } from '../settings/index.js';

export interface NarrationOptions {
  script: Script;
  player: Player;
  presenter: Presenter;
  announcer: INotecastAnnouncer;
  trans: TranslationBundle;
  verbosity(): Preferences['verbosity'];
  /** Say an announcement some other way (a dropped run); `true` when it was. */
  divert(announcement: Announcement): boolean;
  changed(): void;
}

export class Narration {
  private captionText: string;
  /** Whether the caption shows narration (a step's, or a `:::say` line), which speech may speak. */
  private narrationShown = true;
  private conflictText: string | undefined;

  constructor(private readonly options: NarrationOptions) {
    const { player, trans, script } = options;
    this.captionText = script.steps[0]?.narration ?? '';
    player.on('announcement', announcement => this.speak(announcement));
    player.on('stepChanged', ({ index }) => {
      const step = script.steps[index];
      this.setCaption(step ? step.narration : trans.__('Tutorial finished.'), step !== undefined);
      this.conflictText = undefined;
    });
    player.on('operationApplied', ({ operation }) => {
      if (operation.op === 'narrate') {
        this.setCaption(operation.text, true);
        options.changed();
      }
    });
    player.on('waitingForLearner', ({ prompt, command }) => {
      this.setCaption(
        command
          ? trans.__('Your turn: do what the tutorial points at, or press Skip.')
          : prompt
            ? yourTurnPrompt(prompt, trans)
            : trans.__('Your turn. Press Play when you are ready.'),
        false
      );
      options.changed();
    });
    player.on('conflict', ({ message }) => {
      this.conflictText = message;
      options.changed();
    });
  }

  /** What the captions show: the current narration or prompt. */
  get caption(): string {
    return this.captionText;
  }

  /** Whether the caption shows narration (in the tutorial's language) rather than the player's words. */
  get captionIsNarration(): boolean {
    return this.narrationShown;
  }

  /** The last conflict message while paused on one. */
  get conflict(): string | undefined {
    return this.conflictText;
  }

  /** The player's state changed (the session says changed after). */
  stateChanged(state: PlayerState): void {
    if (state !== 'paused') {
      this.conflictText = undefined;
    }
    if (state === 'ended') {
      this.setCaption(this.options.trans.__('Tutorial finished.'), false);
    }
  }

  /** Say the current step and its narration again (R12: narration on request). */
  repeat(): void {
    const { script, player, presenter, trans, announcer } = this.options;
    const index = Math.min(player.step, script.steps.length - 1);
    const step = script.steps[index];
    if (!step) {
      return;
    }
    const label = presenter.stepLabel(index, script.steps.length, step.title, authored);
    // Once the tutorial has ended the caption says so; what is worth hearing
    // again is the narration of the step the learner last heard.
    const ended = player.step >= script.steps.length;
    const text = ended ? step.narration : this.captionText;
    const narration = text !== '' && (ended || this.narrationShown);
    // The caption is the author's narration, or the player's own words (a prompt it worded).
    const words = text ? trans.__('%1. %2', label, narration ? authored(text) : text) : label;
    const lang = script.lang ?? 'en';
    announcer.announce(languageParts(words, lang), 'polite', { narration, lang });
  }

  private setCaption(text: string, isNarration: boolean): void {
    this.captionText = text;
    this.narrationShown = isNarration;
  }

  private speak(announcement: Announcement): void {
    if (announcement.kind === 'took-over') {
      // The session's takeOver() says which cell is active and how to leave the editor (R17).
      return;
    }
    if (this.options.divert(announcement)) {
      return;
    }
    const { presenter, announcer } = this.options;
    const options = { verbosity: this.options.verbosity() };
    const stepMessage = announcement.kind === 'step-started' || announcement.kind === 'step-reached';
    const narration = presenter.narrationIn(announcement, options) !== undefined;
    const lang = this.options.script.lang ?? 'en';
    announcer.announce(presenter.parts(announcement, lang, options), announcement.politeness, { replace: stepMessage, narration, lang });
  }
}
