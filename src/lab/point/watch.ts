/**
 * The session's side of `::point`: what the player points at is ringed and
 * said (never focused, never clicked); with `wait`, playback goes on when the
 * learner runs the command (JupyterLab's `commandExecuted`, whether from the
 * button, a menu, a shortcut or the palette; for a side panel, also when its
 * tab is opened), or when they press Skip.
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { TranslationBundle } from '@jupyterlab/translation';
import type { CommandRegistry } from '@lumino/commands';
import type { Player } from '../../player/index.js';
import type { INotecastAnnouncer } from '../tokens.js';
import type { PointHighlight } from './target-highlight.js';

export interface PointWatchOptions {
  app: JupyterFrontEnd;
  player: Player;
  highlight: PointHighlight;
  announcer: INotecastAnnouncer;
  trans: TranslationBundle;
  /** Give control back after a take-over (the learner's run of the command took it). */
  resume(): Promise<void>;
  changed(): void;
}

export class PointWatch {
  private pointedAt: string | undefined;
  private waitingFor: { command: string; description: string } | undefined;
  private tabObserver: MutationObserver | undefined;
  private readonly unsubscribe: Array<() => void>;
  private readonly onExecuted = (_: CommandRegistry, args: CommandRegistry.ICommandExecutedArgs): void => {
    if (args.id === this.pointedAt && !this.waitingFor) {
      this.clear();
    }
    if (args.id === this.waitingFor?.command) {
      this.done();
    }
  };

  constructor(private readonly options: PointWatchOptions) {
    const { player, app } = options;
    this.unsubscribe = [
      player.on('pointing', ({ operation }) => this.point(operation.command, operation.wait === true)),
      player.on('stepChanged', () => this.clear()),
      player.on('stateChanged', ({ state }) => {
        // Skipped (Play or Next) or moved away: nothing to wait for any more.
        if (this.waitingFor && state !== 'waiting-for-learner' && state !== 'taken-over') {
          this.clear();
        }
      })
    ];
    app.commands.commandExecuted.connect(this.onExecuted);
  }

  /** While waiting for the learner to run a command: what to run and where it is. */
  get waitingNotice(): string | undefined {
    const { trans } = this.options;
    return this.waitingFor ? trans.__('Run it yourself to continue: %1.', this.waitingFor.description) : undefined;
  }

  /** Go on without the learner running the command. */
  async skip(): Promise<void> {
    if (this.waitingFor) {
      this.clear();
      await this.continue();
    }
  }

  dispose(): void {
    this.clear();
    this.unsubscribe.forEach(stop => stop());
    this.options.app.commands.commandExecuted.disconnect(this.onExecuted);
  }

  private point(command: string, wait: boolean): void {
    const { highlight, announcer, trans } = this.options;
    const found = highlight.point(command);
    this.pointedAt = command;
    this.watchTab(undefined);
    if (wait && found.where === 'unknown') {
      // Nothing to run: waiting would only leave the learner stuck.
      announcer.announce(found.description, 'assertive');
      void Promise.resolve().then(() => this.continue());
    } else if (wait) {
      this.waitingFor = { command, description: found.description };
      if (found.where === 'side-bar' && found.element) {
        this.watchTab(found.element);
      }
      announcer.announce(trans.__('%1. Run it to continue, or press Skip.', found.description));
    } else {
      announcer.announce(found.description);
    }
    this.options.changed();
  }

  /** A side panel's tab clicked runs no command: its panel opening or closing counts. */
  private watchTab(tab: HTMLElement | undefined): void {
    this.tabObserver?.disconnect();
    this.tabObserver = undefined;
    if (!tab) {
      return;
    }
    const wasOpen = tab.classList.contains('lm-mod-current');
    const observer = new MutationObserver(() => {
      if (tab.classList.contains('lm-mod-current') !== wasOpen) {
        this.done();
      }
    });
    observer.observe(tab, { attributes: true, attributeFilter: ['class'] });
    this.tabObserver = observer;
  }

  private done(): void {
    this.clear();
    void this.continue();
  }

  private async continue(): Promise<void> {
    const { player } = this.options;
    if (player.state === 'waiting-for-learner') {
      await player.play();
    } else if (player.state === 'taken-over') {
      await this.options.resume();
    }
  }

  private clear(): void {
    const waited = this.waitingFor !== undefined;
    this.options.highlight.clear();
    this.watchTab(undefined);
    this.pointedAt = undefined;
    this.waitingFor = undefined;
    if (waited) {
      this.options.changed();
    }
  }
}
