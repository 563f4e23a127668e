import { countKeystrokes } from '../format/index.js';

/**
 * How the compiler turns text into time. All results are integer ms so
 * scripts diff cleanly and play the same everywhere.
 */

/** A beat between actions, so each reads as a separate gesture. */
export const GAP_AFTER = {
  'insert-cell': 300,
  type: 500,
  'delete-text': 300,
  'delete-cell': 500,
  run: 800,
  narrate: 300,
  wait: 0,
  pause: 0
} as const;

/** Time to type `text` at `speed` characters per second. */
export function typingMs(text: string, speed: number): number {
  return Math.round((countKeystrokes(text) / speed) * 1000);
}

/** Time to read `text` aloud at `pace` words per minute (at least a second when there is text). */
export function readingMs(text: string, pace: number): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return words === 0 ? 0 : Math.max(1000, Math.round((words / pace) * 60_000));
}
