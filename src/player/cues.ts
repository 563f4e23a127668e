/**
 * What happens next in a step, and when: the player's only view of timing.
 *
 * A step's timeline is its operations in script order; a `type` operation is
 * one cue per keystroke (or, with reduced motion, one cue for all the text it
 * has left to type). Cue times are the script's own, in ms from the step's
 * start, before any speed or world wait: the player maps them to the clock.
 */
import { expandKeystrokes, stepDuration, type Keystroke, type Operation, type Step, type TypeOperation } from '../format/index.js';

/** Where playback is inside a step: the next operation, and for `type`, the next keystroke. */
export interface StepCursor {
  operation: number;
  keystroke: number;
}

/** A piece of a `type` operation's text, at `index` in `operation.text`. */
export interface TypedText {
  index: number;
  text: string;
}

export type Cue =
  | {
      kind: 'operation';
      at: number;
      operation: Operation;
      /** For `type`: the text this cue types. */
      typed?: TypedText;
      /** The cursor after this cue. */
      next: StepCursor;
    }
  | { kind: 'step-end'; at: number };

const keystrokeCache = new WeakMap<TypeOperation, Keystroke[]>();

/** `expandKeystrokes`, once per operation: it is deterministic, so caching is safe. */
export function keystrokesOf(operation: TypeOperation): Keystroke[] {
  let keys = keystrokeCache.get(operation);
  if (!keys) {
    keys = expandKeystrokes(operation);
    keystrokeCache.set(operation, keys);
  }
  return keys;
}

/**
 * The cue at `cursor`. Reduced motion changes what a `type` cue carries but
 * never when it falls due (the next keystroke's time), so switching it while
 * playing needs no rescheduling.
 */
export function cueAt(step: Step, cursor: StepCursor, reducedMotion: boolean): Cue {
  const operation = step.operations[cursor.operation];
  if (!operation) {
    return { kind: 'step-end', at: stepDuration(step) };
  }
  const nextOperation = { operation: cursor.operation + 1, keystroke: 0 };
  if (operation.op !== 'type') {
    return { kind: 'operation', at: operation.at, operation, next: nextOperation };
  }
  const keys = keystrokesOf(operation);
  const key = keys[cursor.keystroke];
  // An empty `type` (invalid, but cheap to survive) is one cue with no text.
  if (!key) {
    return { kind: 'operation', at: operation.at, operation, typed: { index: 0, text: '' }, next: nextOperation };
  }
  // An `instant` block goes in whole, like every block with reduced motion.
  if (reducedMotion || operation.instant === true || cursor.keystroke === keys.length - 1) {
    return {
      kind: 'operation',
      at: key.at,
      operation,
      typed: { index: key.index, text: operation.text.slice(key.index) },
      next: nextOperation
    };
  }
  return {
    kind: 'operation',
    at: key.at,
    operation,
    typed: { index: key.index, text: key.text },
    next: { operation: cursor.operation, keystroke: cursor.keystroke + 1 }
  };
}

/**
 * `cue`, the cue at `cursor`; for a keystroke, joined with the keystrokes of the same `type` after it that
 * `isDue` accepts (due soon enough), as one cue typing their text together:
 * at high speeds, or with late timers, one edit per frame instead of one per
 * keystroke.
 */
export function coalesceKeystrokes(step: Step, cursor: StepCursor, cue: Cue, reducedMotion: boolean, isDue: (at: number) => boolean): Cue {
  if (cue.kind !== 'operation' || cue.operation.op !== 'type' || !cue.typed) {
    return cue;
  }
  let merged = cue;
  let text = cue.typed.text;
  while (merged.next.operation === cursor.operation) {
    const next = cueAt(step, merged.next, reducedMotion);
    if (next.kind !== 'operation' || next.operation !== cue.operation || !next.typed || !isDue(next.at)) {
      break;
    }
    text += next.typed.text;
    merged = { ...next, typed: { index: cue.typed.index, text } };
  }
  return merged;
}
