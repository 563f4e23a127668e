/**
 * What the browser's speech synthesis is asked to say (docs/explanation/accessibility.md, R11), recorded in the page.
 *
 * An init script wraps `speechSynthesis.speak` and `.cancel` before JupyterLab loads and logs
 * every call with the utterance's text and volume. Two modes:
 *
 * - `passThrough`: each call then goes to Chromium's own speech synthesis — pure observation.
 *   Debian's headless Chromium has no voice, so every utterance ends in a
 *   `synthesis-failed` error; that is how the tests see what Notecast does when a browser
 *   cannot speak.
 * - `voice`: a stand-in for the missing voice. The utterance is recorded and "spoken" for
 *   40 ms a character, with the events a real voice fires (`start`, `end`; `cancel()` ends the
 *   one speaking with an `interrupted` error and the queued ones with `canceled`). Notecast's
 *   code runs unchanged; only the engine behind `speechSynthesis` is replaced.
 */
import type { Page } from 'playwright-core';

export interface SpeechRecord {
  /** What happened: a speak() or cancel() call, or an utterance starting, ending, interrupted. */
  type: 'speak' | 'cancel' | 'start' | 'end' | 'interrupted' | 'canceled' | 'error';
  text?: string;
  volume?: number;
  error?: string;
  /** Milliseconds since the page started. */
  at: number;
}

declare global {
  interface Window {
    __notecastSpeech?: SpeechRecord[];
  }
}

export type SpeechMode = 'passThrough' | 'voice';

/** Installs the recorder on `page` before it loads (pass as `beforeLoad` to `suite.openLab`). */
export function recordSpeech(mode: SpeechMode): (page: Page) => Promise<void> {
  return async page => {
    await page.addInitScript((voice: boolean) => {
      const synth = window.speechSynthesis;
      const log: SpeechRecord[] = (window.__notecastSpeech = []);
      const now = (): number => Math.round(performance.now());
      const record = (entry: Omit<SpeechRecord, 'at'>): void => void log.push({ ...entry, at: now() });
      const realSpeak = synth.speak.bind(synth);
      const realCancel = synth.cancel.bind(synth);
      // The stand-in voice: one utterance at a time, in order.
      const queue: SpeechSynthesisUtterance[] = [];
      let current: { utterance: SpeechSynthesisUtterance; timer: number } | undefined;
      const event = (utterance: SpeechSynthesisUtterance, type: 'start' | 'end'): void =>
        void utterance.dispatchEvent(new SpeechSynthesisEvent(type, { utterance }));
      const failed = (utterance: SpeechSynthesisUtterance, error: 'interrupted' | 'canceled'): void =>
        void utterance.dispatchEvent(new SpeechSynthesisErrorEvent('error', { utterance, error }));
      const next = (): void => {
        if (current || !queue.length) return;
        const utterance = queue.shift()!;
        const timer = window.setTimeout(() => {
          current = undefined;
          record({ type: 'end', text: utterance.text });
          event(utterance, 'end');
          next();
        }, 40 * utterance.text.length);
        current = { utterance, timer };
        record({ type: 'start', text: utterance.text });
        event(utterance, 'start');
      };
      synth.speak = (utterance: SpeechSynthesisUtterance): void => {
        // The utterance keeps its volume as a 32-bit float: 0.4 reads back as 0.4000000059604645.
        record({ type: 'speak', text: utterance.text, volume: Math.round(utterance.volume * 1000) / 1000 });
        if (!voice) {
          utterance.addEventListener('error', e => record({ type: 'error', text: utterance.text, error: e.error }));
          realSpeak(utterance);
          return;
        }
        queue.push(utterance);
        next();
      };
      synth.cancel = (): void => {
        record({ type: 'cancel' });
        if (!voice) {
          realCancel();
          return;
        }
        const speaking = current;
        current = undefined;
        const dropped = queue.splice(0);
        if (speaking) {
          window.clearTimeout(speaking.timer);
          record({ type: 'interrupted', text: speaking.utterance.text });
          failed(speaking.utterance, 'interrupted');
        }
        for (const utterance of dropped) {
          record({ type: 'canceled', text: utterance.text });
          failed(utterance, 'canceled');
        }
      };
      if (voice) {
        Object.defineProperty(synth, 'speaking', { configurable: true, get: () => current !== undefined });
        Object.defineProperty(synth, 'pending', { configurable: true, get: () => queue.length > 0 });
      }
    }, mode === 'voice');
  };
}

export async function speechLog(page: Page): Promise<SpeechRecord[]> {
  return page.evaluate(() => window.__notecastSpeech ?? []);
}

/** The texts speak() was given, in order. */
export async function spokenTexts(page: Page): Promise<string[]> {
  return (await speechLog(page)).filter(entry => entry.type === 'speak').map(entry => entry.text ?? '');
}
