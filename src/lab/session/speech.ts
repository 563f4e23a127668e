/**
 * Narration spoken by the browser's speech synthesis (docs/explanation/accessibility.md, R11), for learners
 * who want to hear the tutorial without a screen reader.
 *
 * - Opt-in: the `speech` setting, off by default; `speechVolume` (0–1) is its
 *   own volume, apart from the screen reader's.
 * - Only narration: a step's message when it carries the step's narration
 *   ("Step 2 of 4: Add one. Now we add one …", also when repeated) and the
 *   tutorial's `:::say` lines — the messages the session marks `narration`,
 *   knowing from the announcement's kind and fields, never from its words.
 *   Everything else — kernel results, "Your turn", errors, take-over — still
 *   goes to the live region.
 * - While it speaks a narration, the live region stays quiet for that
 *   narration (the announcer diverts it here), so a screen reader does not
 *   read it a second time over the voice. If the browser cannot speak it (no
 *   voice, not allowed), the narration goes to the live region after all.
 * - It stops (cancels) when the learner pauses or takes over, the tutorial
 *   restarts, stops or seeks to another step, or speech is turned off. A new
 *   step's narration replaces the last one's if that is still being said.
 *
 * The announcer's queue decides when: a narration is spoken when the live
 * region would have said it, with the same throttle and replacement (R9).
 */
import { nullTranslator, type TranslationBundle } from '@jupyterlab/translation';
import type { PlayerState } from '../../player/index.js';
import { Announcer, type AnnouncerMessage } from '../announce/index.js';
import type { INotecastAnnouncer } from '../tokens.js';
import type { Preferences } from '../settings/index.js';
import type { TutorialSession } from './tutorial-session.js';

/** Player states in which nothing should still be speaking. */
const SILENT_STATES: ReadonlySet<PlayerState> = new Set<PlayerState>(['paused', 'taken-over', 'idle', 'error']);

/** Utterance errors that mean "stopped on purpose", not "cannot speak". */
const STOPPED_ON_PURPOSE = new Set(['canceled', 'interrupted']);

export class SpeechNarrator {
  private enabled = false;
  private volume = 1;
  /** When speech was last silenced: narration queued before then is not spoken. */
  private silencedAt = -Infinity;
  private reportedFailure = false;
  /** Notecast's utterances not yet ended: only then does cancel() touch the browser's speech. */
  private readonly speaking = new Set<SpeechSynthesisUtterance>();

  constructor(
    private readonly announcer: INotecastAnnouncer,
    private readonly synth: SpeechSynthesis | undefined = typeof window !== 'undefined' ? window.speechSynthesis : undefined,
    private readonly trans: TranslationBundle = nullTranslator.load('notecast')
  ) {}

  /** Whether this browser has speech synthesis at all. */
  get available(): boolean {
    return this.synth !== undefined && typeof SpeechSynthesisUtterance !== 'undefined';
  }

  setPreferences(preferences: Pick<Preferences, 'speech' | 'speechVolume'>): void {
    const wasOn = this.enabled;
    this.enabled = preferences.speech && this.available;
    this.volume = preferences.speechVolume;
    // Only Notecast's own announcer can hand narration over; another extension's
    // announcer (one providing INotecastAnnouncer) keeps saying it in its regions.
    if (this.announcer instanceof Announcer) {
      this.announcer.divert = this.enabled ? message => this.take(message) : undefined;
    }
    if (wasOn && !this.enabled) {
      this.cancel();
    }
  }

  /**
   * Speak `session`'s narration and go quiet with its player. Returns the
   * function that stops following it (the player was closed).
   */
  follow(session: TutorialSession): () => void {
    // A step that ends in step mode also pauses the player, in the same call that changes the
    // step: that pause is the tutorial's, not the learner's, and lets the narration finish.
    let boundary = false;
    let step = session.player.step;
    const stops = [
      session.player.on('stepChanged', ({ index }) => {
        const jumped = index !== step + 1;
        step = index;
        boundary = true;
        queueMicrotask(() => (boundary = false));
        if (jumped) {
          // Seeking or going back: what was being said is about another step.
          this.cancel();
        }
      }),
      session.player.on('stateChanged', ({ state }) => {
        if (SILENT_STATES.has(state) && !(state === 'paused' && boundary)) {
          this.cancel();
        }
      })
    ];
    const onChanged = (): void => {
      if (session.stoppedReason) {
        this.cancel();
      }
    };
    session.changed.connect(onChanged);
    let following = true;
    return () => {
      if (!following) {
        return;
      }
      following = false;
      stops.forEach(stop => stop());
      session.changed.disconnect(onChanged);
      this.cancel();
    };
  }

  /** Stop what Notecast is saying; narration queued before now goes to the live region instead. */
  cancel(): void {
    this.silencedAt = performance.now();
    if (this.speaking.size && this.synth) {
      this.speaking.clear();
      this.synth.cancel();
    }
  }

  /** Whether `message` is narration, which speech speaks instead of the live region. */
  isNarration(message: Pick<AnnouncerMessage, 'narration' | 'politeness'>): boolean {
    return message.politeness === 'polite' && message.narration;
  }

  /** The announcer's divert: speak narration instead of writing it to the live region. */
  private take(message: AnnouncerMessage): boolean {
    if (!this.enabled || !this.synth || !this.isNarration(message) || message.at < this.silencedAt) {
      // Not narration, or queued before a pause silenced speech: the live region says it.
      return false;
    }
    if (message.replace) {
      // A newer step message replaces whatever is still being said (R9).
      this.cancel();
    }
    const utterance = new SpeechSynthesisUtterance(message.text);
    utterance.volume = this.volume;
    // The narration's own language (the tutorial's) picks the voice; else the page's.
    const lang = message.lang ?? document.documentElement.lang;
    if (lang) {
      utterance.lang = lang;
    }
    utterance.addEventListener('end', () => this.speaking.delete(utterance));
    utterance.addEventListener('error', event => {
      const ours = this.speaking.delete(utterance);
      if (!ours || STOPPED_ON_PURPOSE.has(event.error)) {
        return;
      }
      // The browser could not say it: the screen reader still must.
      this.announcer.announce(message.text, 'polite', { divertible: false });
      if (!this.reportedFailure) {
        this.reportedFailure = true;
        this.announcer.announce(
          this.trans.__('Speech synthesis is not working in this browser (%1); narration goes to your screen reader instead.', event.error),
          'polite',
          { divertible: false }
        );
      }
    });
    this.speaking.add(utterance);
    this.synth.speak(utterance);
    return true;
  }
}
