/**
 * Everything the player says, worded in one place (A11Y R9, R10, R17–R19), so
 * the golden log of a play-through changes only when these words do.
 *
 * Polite unless the learner must act or something failed: assertive speech
 * interrupts the screen reader, so it is kept for exactly those (R9).
 */
import { countLines, describeCode, plural, type Step, type TypeOperation } from '../format/index.js';

export type Politeness = 'polite' | 'assertive';

export interface Announcement {
  text: string;
  politeness: Politeness;
}

const polite = (text: string): Announcement => ({ text, politeness: 'polite' });
const assertive = (text: string): Announcement => ({ text, politeness: 'assertive' });

/** "Step 4 of 12: Load the data" — the same words as the step slider's value (R2). */
export function stepLabel(index: number, count: number, title: string): string {
  return `Step ${index + 1} of ${count}: ${title}`;
}

/** When a step starts to play, once (R10): its label, then its narration. */
export function stepStarted(index: number, count: number, step: Step): Announcement {
  const label = sentence(stepLabel(index, count, step.title));
  return polite(step.narration ? `${label} ${step.narration}` : label);
}

/** After a seek: where the learner now is; the narration comes when it plays. */
export function stepReached(index: number, count: number, title: string): Announcement {
  return polite(sentence(stepLabel(index, count, title)));
}

/**
 * Instead of keystrokes (R10): "Typing 3 lines into cell 2: defines mean".
 * `cell` is what to call the cell: its number in the notebook, or its name.
 */
export function typing(operation: TypeOperation, cell: string): Announcement {
  const about = operation.summary ?? describeCode(operation.text);
  const lines = plural(Math.max(1, countLines(operation.text)), 'line');
  return polite(`Typing ${lines} into ${cell}${about ? `: ${about}` : ''}`);
}

/** Brief kernel results, never the output itself (R19). */
export function ran(cell: string, outputLines: number | undefined, markdown: boolean): Announcement {
  if (markdown) {
    return polite(`${capitalize(cell)} rendered`);
  }
  if (outputLines === undefined) {
    return polite(`${capitalize(cell)} ran`);
  }
  return polite(`${capitalize(cell)} ran, ${outputLines === 0 ? 'no output' : `${plural(outputLines, 'line')} of output`}`);
}

/** "Cell 3 raised NameError. Playback paused." — `error` is the error's name. */
export function raised(cell: string, error: string | undefined, pausedByIt: boolean): Announcement {
  const what = error ? `${capitalize(cell)} raised ${error}.` : `${capitalize(cell)} failed.`;
  return assertive(pausedByIt ? `${what} Playback paused.` : what);
}

export function narration(text: string): Announcement {
  return polite(text);
}

/** A pause in the tutorial: the tutorial needs the learner, so assertive (R9). */
export function yourTurn(prompt: string | undefined): Announcement {
  return assertive(prompt ? `Your turn: ${prompt}` : 'Your turn. Continue when you are ready.');
}

/** The embedder adds which cell is active and how to leave the editor (R17). */
export function tookOver(): Announcement {
  return polite('You have control. Playback paused.');
}

export function resuming(index: number): Announcement {
  return polite(`Resuming at step ${index + 1}`);
}

export function finished(): Announcement {
  return polite('Tutorial finished.');
}

/** An edit that cannot land on the learner's notebook: they must choose. */
export function conflicted(index: number, message: string): Announcement {
  return assertive(`Step ${index + 1} cannot continue: ${sentence(message)} Playback paused.`);
}

export function failed(message: string): Announcement {
  return assertive(`Playback stopped: ${sentence(message)}`);
}

/** End with a full stop unless the text already ends a sentence. */
function sentence(text: string): string {
  return /[.!?…:]$/.test(text) ? text : `${text}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
