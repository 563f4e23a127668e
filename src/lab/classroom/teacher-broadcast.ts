/**
 * A teacher's player broadcasting: while on, the player's position (tutorial,
 * step, state, speed) is kept in the `notecast` field of the notebook
 * document's awareness, which jupyter-collaboration sends to every client of
 * the notebook's room. The cells need nothing more: the player already writes
 * them into the shared document. Nothing of the broadcast goes into the
 * document, which stays a plain notebook; turning it off (or closing the
 * player, or the session stopping) clears the field, so followers are told
 * the broadcast ended.
 */
import { BROADCAST_FIELD, broadcastState } from '../../session/index.js';
import type { TutorialSession } from '../session/lazy.js';

export class TutorialBroadcast {
  private readonly unsubscribe: Array<() => void>;
  private ended = false;

  constructor(private readonly session: TutorialSession) {
    const publish = (): void => this.publish();
    // The room forwards awareness updates but does not replay them to a client that joins later:
    // when someone joins, publish again so they learn where the player is at once (rather than at
    // the next change, or the awareness's own 15-second renewal).
    const awareness = session.ynotebook.awareness;
    const onJoin = ({ added }: { added: number[] }): void => {
      if (added.some(id => id !== awareness.clientID)) this.publish(true);
    };
    awareness.on('change', onJoin);
    session.changed.connect(publish);
    this.unsubscribe = [
      () => awareness.off('change', onJoin),
      () => session.changed.disconnect(publish),
      session.player.on('stepChanged', publish),
      session.player.on('stateChanged', publish)
    ];
    this.publish();
  }

  get isOn(): boolean {
    return !this.ended;
  }

  /** Stop broadcasting: the field is removed from this tab's awareness state. */
  end(): void {
    if (this.ended) {
      return;
    }
    this.ended = true;
    this.unsubscribe.forEach(stop => stop());
    const awareness = this.session.ynotebook.awareness;
    if (awareness.getLocalState() !== null) {
      awareness.setLocalStateField(BROADCAST_FIELD, null);
    }
  }

  /** Publish the player's position; unless `again`, only when it changed. */
  private publish(again = false): void {
    const { session } = this;
    if (this.ended) {
      return;
    }
    if (session.stoppedReason !== undefined || session.isDisposed) {
      this.end();
      return;
    }
    const player = session.player;
    const state = broadcastState({
      tutorial: session.tutorialPath,
      title: session.script.title,
      step: Math.min(player.step, player.stepCount),
      steps: player.stepCount,
      state: player.state,
      speed: player.speed
    });
    const current = session.ynotebook.awareness.getLocalState()?.[BROADCAST_FIELD] as Record<string, unknown> | null | undefined;
    // Publish only what changed (the time stamp aside): every change is a message to every follower.
    if (!again && current && (['tutorial', 'step', 'steps', 'state', 'speed'] as const).every(key => current[key] === state[key])) {
      return;
    }
    session.ynotebook.awareness.setLocalStateField(BROADCAST_FIELD, state);
  }
}
