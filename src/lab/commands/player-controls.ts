/**
 * When a player's controls can act: the one rule the toolbar's enabled state
 * and the command palette's both read, through the commands' `isEnabled`
 * (commands/player-commands.ts). DOM-free; type imports only, so it costs nothing at
 * start-up.
 */
import { CommandIDs } from '../command-ids.js';
import type { TutorialSession } from '../session/lazy.js';

/** The states in which there is something to take over from. */
const TAKE_OVER_FROM = new Set(['playing', 'waiting-for-kernel', 'waiting-for-learner', 'paused']);

/** Playing, so the toggle says Pause. */
export function isPlaying(session: TutorialSession): boolean {
  const state = session.player.state;
  return session.stoppedReason === undefined && (state === 'playing' || state === 'waiting-for-kernel');
}

/** The commands with a rule below: the player's toolbar buttons. */
const RULED = new Set<string>([CommandIDs.togglePlay, CommandIDs.previousStep, CommandIDs.nextStep, CommandIDs.takeOver, CommandIDs.resume]);

/** Whether `command` can act on `session` now. The buttons cannot once it stopped; the other commands always can. */
export function canRun(session: TutorialSession, command: string): boolean {
  if (!RULED.has(command)) {
    return true;
  }
  if (session.stoppedReason !== undefined) {
    return false;
  }
  const { player } = session;
  const state = player.state;
  switch (command) {
    case CommandIDs.previousStep: {
      const cursor = player.cursor;
      return !(player.step === 0 && cursor.operation === 0 && cursor.keystroke === 0);
    }
    case CommandIDs.nextStep:
      return state !== 'ended' && player.step < session.script.steps.length;
    case CommandIDs.takeOver:
      return TAKE_OVER_FROM.has(state);
    case CommandIDs.resume:
      return state === 'taken-over' || (state === 'paused' && session.conflict !== undefined);
    default:
      return true;
  }
}
