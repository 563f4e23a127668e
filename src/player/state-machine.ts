/**
 * The player's states and the one pure function that moves between them.
 *
 * The tables are the documentation: a state or event not listed for a state is
 * a no-op there (`transition` returns the same state), so commands pressed at
 * the wrong moment — Pause while already paused, Play while the learner has
 * control — can never put the player somewhere undefined.
 */

/** Every state, with what it means for the learner. */
export const STATES = {
  idle: 'Nothing has played yet; the notebook is as the host prepared it.',
  playing: 'The clock runs: edits, narration and runs happen at their times.',
  'waiting-for-kernel': 'A cell is running; the clock waits for the kernel.',
  'waiting-for-learner': 'A pause in the tutorial asks the learner to act; Play or Next continues.',
  paused: 'Stopped by the learner, at the end of a step in step mode, or by a kernel error or conflict.',
  'taken-over': 'The learner has control of the notebook; only resume or a seek leaves this state.',
  ended: 'The last step has finished.',
  error: 'The host failed (an edit threw, a run or a seek rejected); only a seek recovers.'
} as const;

export type PlayerState = keyof typeof STATES;

/** Every event the player feeds the machine, with what causes it. */
export const EVENTS = {
  play: 'The learner pressed Play or Next.',
  pause: 'The learner pressed Pause.',
  'run-started': 'A run operation is waiting for the kernel.',
  'run-finished': 'The kernel finished the run without error.',
  'run-failed': 'The kernel reported an error: playback stops so the learner can look.',
  'learner-needed': 'A pause operation was reached.',
  'step-finished': 'A step ended in step mode (or after Next): stop at the boundary.',
  'tutorial-finished': 'The last step ended, or a seek went past it.',
  conflict: 'An edit could not apply to the learner’s notebook.',
  'take-over': 'The learner took control, explicitly or by editing.',
  resume: 'The learner gave control back.',
  seek: 'The notebook was moved to the start of a step.',
  fail: 'The host failed.'
} as const;

export type PlayerEvent = keyof typeof EVENTS;

/**
 * Where each event leads from each state. `seek` works from everywhere (in
 * `paused` it stays `paused`), so a
 * learner is never stuck; `play` is not accepted in `taken-over`, so that
 * giving control back always goes through `resume`, where the embedder can
 * first check the learner's edits for conflicts.
 */
export const TRANSITIONS: { readonly [S in PlayerState]: { readonly [E in PlayerEvent]?: PlayerState } } = {
  idle: {
    play: 'playing',
    seek: 'paused',
    fail: 'error'
  },
  playing: {
    pause: 'paused',
    'run-started': 'waiting-for-kernel',
    'learner-needed': 'waiting-for-learner',
    'step-finished': 'paused',
    'tutorial-finished': 'ended',
    conflict: 'paused',
    'take-over': 'taken-over',
    seek: 'paused',
    fail: 'error'
  },
  'waiting-for-kernel': {
    pause: 'paused',
    'run-finished': 'playing',
    'run-failed': 'paused',
    'take-over': 'taken-over',
    seek: 'paused',
    fail: 'error'
  },
  'waiting-for-learner': {
    play: 'playing',
    'take-over': 'taken-over',
    resume: 'playing',
    seek: 'paused',
    fail: 'error'
  },
  paused: {
    play: 'playing',
    'tutorial-finished': 'ended',
    'take-over': 'taken-over',
    resume: 'playing',
    fail: 'error'
  },
  'taken-over': {
    resume: 'playing',
    seek: 'paused',
    fail: 'error'
  },
  ended: {
    seek: 'paused',
    fail: 'error'
  },
  error: {
    seek: 'paused'
  }
};

/** The state after `event`; the same state when the event means nothing there. */
export function transition(state: PlayerState, event: PlayerEvent): PlayerState {
  return TRANSITIONS[state][event] ?? state;
}
