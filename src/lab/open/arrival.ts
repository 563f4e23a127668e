/**
 * Arriving at a step from a link (`?notecast=<tutorial>&step=<n>`, "Try it"
 * on a page of the tutorial): which step the player seeks to once it is
 * open, or, for a step the tutorial does not have, the notice that says it
 * opened at the start instead.
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import { arrivalStep } from '../shell/index.js';

/** Link text shown in a notice: at most this long. */
const SHOWN_LENGTH = 40;

export interface Arrival {
  /** The step to seek to (from 0), when the link names one past the first. */
  seekTo?: number;
  /** Why the player opened at the start rather than where the link said. */
  notice?: string;
}

export function arrival(requested: string | undefined, count: number, trans: TranslationBundle): Arrival {
  if (requested === undefined) {
    return {};
  }
  const index = arrivalStep(requested, count);
  if (index !== undefined) {
    return index > 0 ? { seekTo: index } : {};
  }
  const shown = requested.length > SHOWN_LENGTH ? `${requested.slice(0, SHOWN_LENGTH)}…` : requested;
  return {
    notice: trans._n(
      'The link asks for step "%2", which this tutorial does not have: it has %1 step. It opens at the start.',
      'The link asks for step "%2", which this tutorial does not have: it has %1 steps, numbered from 1. It opens at the start.',
      count,
      shown
    )
  };
}
