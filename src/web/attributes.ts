/**
 * The element's attributes read as values: what a page author may write, and
 * what anything else falls back to. Pure, so it is tested without a browser.
 */
import { MAX_SPEED, MIN_SPEED } from '../player/index.js';

export type Theme = 'light' | 'dark' | 'auto';

/** Every attribute `<notecast-player>` reads. */
export const ATTRIBUTES = ['src', 'step', 'speed', 'autoplay', 'lang', 'theme', 'try-url'] as const;

/** `speed="1.5"`: a number from 0.25 to 4, else 1. */
export function parseSpeed(value: string | null): number {
  const speed = value === null || value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(speed) && speed >= MIN_SPEED && speed <= MAX_SPEED ? speed : 1;
}

/**
 * `step="4"`: a 1-based step number, as the transcript and the slider count,
 * to the player's 0-based index within `0..count` (`count`: the end). Not a
 * whole number: undefined (the start).
 */
export function parseStep(value: string | null, count: number): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) {
    return undefined;
  }
  return Math.min(Math.max(Number(value) - 1, 0), count);
}

/** `theme`: `light`, `dark`, or (default, and anything else) `auto`, the reader's `prefers-color-scheme`. */
export function parseTheme(value: string | null): Theme {
  const theme = value?.trim().toLowerCase();
  return theme === 'light' || theme === 'dark' ? theme : 'auto';
}

/** The speeds the speed menu offers. */
export const SPEEDS: readonly number[] = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];

/** The step a page's `#step-4` (or `#<id>-step-4`) fragment names, 1-based, if it names one of `prefix`'s. */
export function stepInHash(hash: string, prefix: string): number | undefined {
  const match = /^#(.*)step-(\d+)$/.exec(hash);
  return match && match[1] === prefix ? Number(match[2]) : undefined;
}
