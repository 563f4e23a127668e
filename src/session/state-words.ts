/** The player's state in a word or two, for the status line beside the step slider: one wording for the lab and the web player. */
import type { Translations } from '../format/index.js';
import type { PlayerState } from '../player/index.js';

export function describeState(state: PlayerState, trans: Translations): string {
  switch (state) {
    case 'idle':
      return trans.__('Ready');
    case 'playing':
      return trans.__('Playing');
    case 'waiting-for-kernel':
      return trans.__('Running code');
    case 'waiting-for-learner':
      return trans.__('Your turn');
    case 'paused':
      return trans.__('Paused');
    case 'taken-over':
      return trans.__('You have control');
    case 'ended':
      return trans.__('Ended');
    case 'error':
      return trans.__('Stopped by an error');
  }
}
