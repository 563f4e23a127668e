/**
 * The open players, as JupyterLab tracks its own widgets: the layout restorer
 * saves them by name, and other extensions find the player of a notebook.
 * It also knows each player by widget id from its construction on: a
 * player's own toolbar asks the commands about it with `{ player: id }`
 * (commands/player-commands.ts) from its first render, before the opener adds
 * it to the shell and to the tracker.
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import { WidgetTracker } from '@jupyterlab/apputils';
import type { PlayerPanel } from './player-panel.js';
import type { INotecastTracker } from '../tokens.js';

/** The restorer's namespace: saved players are named `notecast:<tutorial path>`. */
export const TRACKER_NAMESPACE = 'notecast';

export class NotecastTracker extends WidgetTracker<PlayerPanel> implements INotecastTracker {
  private lastFocused: PlayerPanel | undefined;
  /** Every player from construction to disposal, by widget id. */
  private readonly byId = new Map<string, PlayerPanel>();
  private readonly onFocus = (event: FocusEvent): void => {
    const target = event.target as Node;
    const player = this.find(p => p.node.contains(target) || p.session.panel.node.contains(target));
    if (player) {
      this.lastFocused = player;
    }
  };

  constructor(private readonly shell: JupyterFrontEnd.IShell) {
    super({ namespace: TRACKER_NAMESPACE });
    // A player is also "the one in focus" while focus is in its notebook, which
    // WidgetTracker's own focus tracking (the player's node only) does not see.
    document.addEventListener('focusin', this.onFocus, true);
    this.widgetAdded.connect((_, player) => {
      this.lastFocused = player;
      player.disposed.connect(() => {
        if (this.lastFocused === player) {
          this.lastFocused = undefined;
        }
      });
    });
  }

  /** Called by a player as it is built, before its toolbar first renders. */
  register(player: PlayerPanel): void {
    this.byId.set(player.id, player);
    player.disposed.connect(() => {
      if (this.byId.get(player.id) === player) {
        this.byId.delete(player.id);
      }
    });
  }

  /** The player whose widget id is `id`, tracked yet or not. */
  playerById(id: string): PlayerPanel | undefined {
    return this.byId.get(id);
  }

  /** The player a command's `player` argument names, else the active one. */
  playerFrom(args: { readonly player?: unknown }): PlayerPanel | undefined {
    return typeof args.player === 'string' ? this.playerById(args.player) : this.activePlayer;
  }

  playerFor(notebookPath: string): PlayerPanel | undefined {
    return this.find(player => !player.session.stoppedReason && player.session.notebookPath === notebookPath);
  }

  playerOf(tutorialPath: string): PlayerPanel | undefined {
    return this.find(player => player.session.tutorialPath === tutorialPath);
  }

  get activePlayer(): PlayerPanel | undefined {
    if (this.lastFocused && !this.lastFocused.isDisposed) {
      return this.lastFocused;
    }
    const current = this.shell.currentWidget;
    const shown = this.find(player => player === current || player.session.panel === current);
    if (shown) {
      return shown;
    }
    return this.size === 1 ? this.find(() => true) : undefined;
  }

  dispose(): void {
    if (!this.isDisposed) {
      document.removeEventListener('focusin', this.onFocus, true);
    }
    super.dispose();
  }
}
