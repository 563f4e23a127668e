import { MAX_TIME_MS, type Operation, userText } from '../format/index.js';

/**
 * The script's bound on time, applied while compiling: every `at`,
 * `duration` and `narrationMs` is at most `MAX_TIME_MS` (24 hours), which is
 * what the validator and the player accept. A tutorial past it is refused
 * here, at the action that crosses it, rather than compiled into a script
 * that then fails validation.
 */

/** "24 h 0 min 3 s", "2 min 0.5 s": a time in ms as an author reads it. */
export function formatTime(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  const parts = [
    ...(hours ? [`${hours.toLocaleString('en')} h`] : []),
    ...(hours || minutes ? [`${minutes} min`] : []),
    `${Number(seconds.toFixed(3))} s`
  ];
  return parts.join(' ');
}

const LIMIT = `${MAX_TIME_MS / 3_600_000} hours`;

/** Why an action that starts `at` ms into its step is past the bound. */
export function lateActionReason(at: number, index: number, title: string): string {
  return `Unexpected action ${formatTime(at)} into step ${index + 1} ("${userText(title)}"): every time in a script is at most ${LIMIT} from the start of its step; start a new step with a heading before this line, or shorten the typing, narration and waits before it`;
}

/** Why an action lasting `duration` ms is past the bound. */
export function longActionReason(operation: Pick<Operation, 'op'>, duration: number): string {
  const advice =
    operation.op === 'type'
      ? 'type it faster (`speed=`), insert it at once (`instant`), or split it into several `:::type`'
      : operation.op === 'narrate'
        ? 'split the narration into several `:::say`, or across steps'
        : 'make it shorter';
  const what = operation.op === 'type' ? 'typing' : operation.op === 'narrate' ? 'narration' : `\`${operation.op}\``;
  return `Unexpected ${what} lasting ${formatTime(duration)}: one action may last at most ${LIMIT}; ${advice}`;
}

/** Why a step's opening (its title and the narration before its first action) is past the bound. */
export function longOpeningReason(duration: number, index: number): string {
  return `Unexpected opening narration of step ${index + 1} lasting ${formatTime(duration)}: it may last at most ${LIMIT}; move some of it after the step's first action (as \`:::say\`), or into a new step`;
}
