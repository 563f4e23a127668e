/**
 * The open players, as JupyterLab tracks its own widgets: the layout restorer
 * saves them by name, and other extensions find the player of a notebook.
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import { WidgetTracker } from '@jupyterlab/apputils';
import type { PlayerPanel } from './player-panel.js';
import type { INotecastTracker } from '../tokens.js';

/** The restorer's namespace: saved players are named `notecast:<tutorial path>`. */
export const TRACKER_NAMESPACE = 'notecast';

export class NotecastTracker extends WidgetTracker<PlayerPanel> implements INotecastTracker {
  private lastFocused: PlayerPanel | undefined;
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
