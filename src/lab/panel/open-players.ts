/**
 * The players that exist, by widget id, from construction to disposal. A
 * player's own toolbar asks the commands about it with `{ player: id }`
 * (commands/player-commands.ts) from its first render, before `INotecastTracker` has it
 * (the opener tracks a player after adding it to the shell).
 */
import type { Widget } from '@lumino/widgets';
import type { TutorialSession } from '../session/lazy.js';

/** What the commands need of a player (a `OpenPlayer`). */
export interface OpenPlayer extends Widget {
  readonly session: TutorialSession;
}

const players = new Map<string, OpenPlayer>();

export const openPlayers = {
  add(player: OpenPlayer): void {
    players.set(player.id, player);
    player.disposed.connect(() => {
      if (players.get(player.id) === player) players.delete(player.id);
    });
  },
  get(id: string): OpenPlayer | undefined {
    return players.get(id);
  }
};
