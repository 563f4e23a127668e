/**
 * The one announcer of the whole app (docs/explanation/accessibility.md, R8, R9): two visually hidden live
 * regions, polite and assertive, created empty when the plugin activates.
 *
 * Messages are queued and written at most every `THROTTLE_MS`, so a burst
 * (scrubbing the slider, a step that starts as another ends) does not flood
 * speech. A message marked `replace` drops pending replaceable ones: a newer
 * step message replaces a pending one. Each message is written as a new child
 * element, so the same text twice in a row is still an addition and is spoken
 * again. Text only: `textContent` and text nodes, never markup.
 *
 * A message can be taken by another voice instead (`divert`): speech
 * synthesis speaks narration itself (R11), so the live region stays quiet for
 * it. Diverted messages keep the queue's order, throttle and replacement.
 *
 * The regions carry the `lang` of the words the player says (R23, WCAG
 * 3.1.2): JupyterLab's language (`ITranslator.languageCode`, e.g. `fr-FR`),
 * so a screen reader speaks them with that language's voice; the author's
 * words inside them carry the tutorial's (`parts`).
 */
import type { Politeness } from '../../player/index.js';
import type { LanguagePart } from '../../session/index.js';
import type { AnnounceOptions, INotecastAnnouncer } from '../tokens.js';

export const ANNOUNCER_ID = 'notecast-announcer';
export const THROTTLE_MS = 150;

/** A message on its way to the live regions. */
export interface AnnouncerMessage {
  text: string;
  politeness: Politeness;
  replace: boolean;
  /** Whether it says narration (a step's, or a `:::say` line): what speech synthesis may speak instead. */
  narration: boolean;
  /** `performance.now()` when it was announced. */
  at: number;
  /** The language of its words when not the regions' (narration in the tutorial's language). */
  lang?: string;
}

/** Takes a message instead of the live regions when it returns true. */
export type Divert = (message: AnnouncerMessage) => boolean;

export class Announcer implements INotecastAnnouncer {
  readonly node: HTMLDivElement;
  private readonly regions: Record<Politeness, HTMLDivElement>;
  private readonly queue: Array<AnnouncerMessage & { divertible: boolean; parts?: readonly LanguagePart[] }> = [];
  /** Set by speech synthesis while it is on (session/speech.ts). */
  divert: Divert | undefined;
  private timer: number | undefined;
  private lastWrite = -Infinity;
  /** Everything written, in order, for tests and "repeat narration". */
  readonly log: Array<{ text: string; politeness: Politeness }> = [];

  /** `lang`: the BCP 47 code of the language the messages are in (`translator.languageCode`); none: unset. */
  constructor(document: Document, lang?: string) {
    const existing = document.getElementById(ANNOUNCER_ID);
    existing?.remove();
    this.node = document.createElement('div');
    this.node.id = ANNOUNCER_ID;
    if (lang) {
      this.node.lang = lang;
    }
    this.node.className = 'jp-Notecast-visuallyHidden';
    const region = (politeness: Politeness): HTMLDivElement => {
      const element = document.createElement('div');
      element.setAttribute('aria-live', politeness);
      element.setAttribute('aria-atomic', 'true');
      if (politeness === 'polite') {
        element.setAttribute('role', 'status');
      }
      element.className = `jp-Notecast-announcer-${politeness}`;
      this.node.appendChild(element);
      return element;
    };
    this.regions = { polite: region('polite'), assertive: region('assertive') };
    document.body.appendChild(this.node);
  }

  /**
   * Say `message`: a string, or runs by language (`Presenter.parts`,
   * `languageParts`: the author's words in the tutorial's language inside the
   * player's sentence), written run by run, each run in another language than
   * the regions' with its own `lang`. For a string, `lang` is the whole line's.
   */
  announce(message: string | readonly LanguagePart[], politeness: Politeness = 'polite', options: AnnounceOptions = {}): void {
    const text = typeof message === 'string' ? message : message.map(part => part.text).join('');
    const replace = options.replace ?? false;
    if (replace) {
      for (let i = this.queue.length - 1; i >= 0; i--) {
        if (this.queue[i].replace) {
          this.queue.splice(i, 1);
        }
      }
    }
    this.queue.push({
      text,
      politeness,
      replace,
      narration: options.narration ?? false,
      at: performance.now(),
      divertible: options.divertible ?? true,
      ...(options.lang ? { lang: options.lang } : {}),
      ...(typeof message === 'string' ? {} : { parts: message })
    });
    this.schedule();
  }

  /** Empty both regions and drop what is queued. */
  clear(): void {
    this.queue.length = 0;
    this.regions.polite.replaceChildren();
    this.regions.assertive.replaceChildren();
  }

  dispose(): void {
    if (this.timer !== undefined) {
      window.clearTimeout(this.timer);
    }
    this.node.remove();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.queue.length === 0) {
      return;
    }
    const wait = Math.max(0, this.lastWrite + THROTTLE_MS - performance.now());
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  private flush(): void {
    const next = this.queue.shift();
    if (next && this.diverted(next)) {
      // Spoken by another voice: the live region stays quiet for it.
    } else if (next) {
      const doc = this.node.ownerDocument;
      const line = doc.createElement('div');
      const foreign = (lang: string | undefined): lang is string => lang !== undefined && !narrowsOrWidens(lang, this.node.lang);
      if (next.parts) {
        // A screen reader switches voice for each run: the author's words in the tutorial's language.
        for (const part of next.parts) {
          if (foreign(part.lang)) {
            const run = doc.createElement('span');
            run.lang = part.lang;
            run.textContent = part.text;
            line.append(run);
          } else {
            line.append(part.text);
          }
        }
      } else {
        line.textContent = next.text;
        if (foreign(next.lang)) {
          line.lang = next.lang;
        }
      }
      this.regions[next.politeness].replaceChildren(line);
      this.lastWrite = performance.now();
      this.log.push({ text: next.text, politeness: next.politeness });
      if (this.log.length > 500) {
        this.log.splice(0, this.log.length - 500);
      }
    }
    this.schedule();
  }

  private diverted(message: AnnouncerMessage & { divertible: boolean }): boolean {
    if (!message.divertible || !this.divert) {
      return false;
    }
    try {
      const { text, politeness, replace, narration, at, lang } = message;
      return this.divert({ text, politeness, replace, narration, at, ...(lang ? { lang } : {}) });
    } catch (error) {
      // A broken voice must not silence the live region.
      console.error('Notecast: speech failed, using the live region.', error);
      return false;
    }
  }
}

/** Whether two BCP 47 tags name one language, one of them perhaps more precisely (`fr` and `fr-FR`; not `zh-Hans` and `zh-Hant`). */
function narrowsOrWidens(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x === y || x.startsWith(`${y}-`) || y.startsWith(`${x}-`);
}
