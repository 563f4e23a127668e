/**
 * The commands a player acts on (docs/explanation/accessibility.md, R4: every shortcut a remappable
 * command; keys in schema/plugin.json). They are the player's toolbar too
 * (panel/player-toolbar.ts): label, icon and enabled state come from here, for the
 * palette, the shortcuts and the buttons alike.
 *
 * Arguments: `player`, a player's widget id (its own toolbar passes it), else
 * the player in focus; `toolbar: true` for the button's short label. A key
 * press always reaches its command (lumino skips a disabled one silently), so
 * the learner hears why nothing happened instead of nothing.
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { ITranslator } from '@jupyterlab/translation';
import type { LabIcon } from '@jupyterlab/ui-components';
import { audioIcon, caretLeftIcon, caretRightIcon, editIcon, fastForwardIcon, pauseIcon, refreshIcon, runIcon } from '@jupyterlab/ui-components';
import type { INotecastAnnouncer } from '../tokens.js';
import type { CommandID } from '../command-ids.js';
import { CommandIDs, PLAYER_COMMANDS } from '../command-ids.js';
import type { NotecastTracker } from '../panel/index.js';
import { showShortcutHelp } from '../panel/index.js';
import type { PlayerPanel } from '../panel/lazy.js';
import { canRun, isPlaying } from './player-controls.js';
import type { INotecastPreferences } from '../tokens.js';

interface PlayerCommand {
  /** The palette's label, and the shortcut help's. */
  label: (player: PlayerPanel | undefined) => string;
  /** The toolbar button's label (`toolbar: true`), its accessible name. */
  toolbarLabel?: (player: PlayerPanel | undefined) => string;
  caption: string;
  icon: (player: PlayerPanel | undefined) => LabIcon;
  run: (player: PlayerPanel) => unknown;
}

export function addPlayerCommands(
  app: JupyterFrontEnd,
  tracker: NotecastTracker,
  announcer: INotecastAnnouncer,
  preferences: INotecastPreferences,
  translator: ITranslator
): void {
  const { commands } = app;
  const trans = translator.load('notecast');
  const playerFor = (args: { readonly player?: unknown }): PlayerPanel | undefined => tracker.playerFrom(args);
  const playing = (player: PlayerPanel | undefined): boolean => player !== undefined && isPlaying(player.session);
  const playerCommand = (id: CommandID, command: PlayerCommand): void => {
    commands.addCommand(id, {
      label: args => {
        const player = playerFor(args);
        return args.toolbar === true && command.toolbarLabel ? command.toolbarLabel(player) : command.label(player);
      },
      caption: command.caption,
      icon: args => command.icon(playerFor(args)),
      isEnabled: args => {
        const player = playerFor(args);
        return player !== undefined && (args._luminoEvent !== undefined || canRun(player.session, id));
      },
      execute: args => {
        const player = playerFor(args);
        if (!player) {
          announcer.announce(trans.__('No tutorial is open. Open one with Open Tutorial.'), 'assertive');
          return;
        }
        return command.run(player);
      }
    });
  };
  playerCommand(CommandIDs.togglePlay, {
    label: player => (playing(player) ? trans.__('Pause Tutorial') : trans.__('Play Tutorial')),
    toolbarLabel: player => (playing(player) ? trans.__('Pause') : trans.__('Play')),
    caption: trans.__('Play the tutorial, or pause it'),
    icon: player => (playing(player) ? pauseIcon : runIcon),
    run: player => player.session.togglePlay()
  });
  playerCommand(CommandIDs.previousStep, {
    label: () => trans.__('Previous Tutorial Step'),
    toolbarLabel: () => trans.__('Previous step'),
    caption: trans.__('Go back to the start of this step, or to the previous step'),
    icon: () => caretLeftIcon,
    run: player => player.session.previousStep()
  });
  playerCommand(CommandIDs.nextStep, {
    label: () => trans.__('Next Tutorial Step'),
    toolbarLabel: () => trans.__('Next step'),
    caption: trans.__('Play the next step'),
    icon: () => caretRightIcon,
    run: player => player.session.nextStep()
  });
  playerCommand(CommandIDs.takeOver, {
    label: () => trans.__('Take Over from the Tutorial'),
    toolbarLabel: () => trans.__('Take over'),
    caption: trans.__('Pause the tutorial and edit the notebook yourself'),
    icon: () => editIcon,
    run: player => player.session.takeOver(true)
  });
  playerCommand(CommandIDs.resume, {
    label: () => trans.__('Resume the Tutorial'),
    toolbarLabel: () => trans.__('Resume'),
    caption: trans.__("Restore the tutorial's state and continue"),
    icon: () => fastForwardIcon,
    run: player => player.session.resume()
  });
  playerCommand(CommandIDs.restart, {
    label: () => trans.__('Restart the Tutorial'),
    caption: trans.__('Go back to the first step'),
    icon: () => refreshIcon,
    run: player => player.session.restart()
  });
  playerCommand(CommandIDs.repeatNarration, {
    label: () => trans.__('Repeat the Narration'),
    caption: trans.__("Say the current step's narration again"),
    icon: () => audioIcon,
    run: player => player.session.repeatNarration()
  });
  playerCommand(CommandIDs.runToHere, {
    label: () => trans.__('Run Cells up to Here'),
    caption: trans.__('Run the cells the kernel needs for this step'),
    icon: () => runIcon,
    run: player => player.session.runUpToHere()
  });
  commands.addCommand(CommandIDs.showShortcuts, {
    label: trans.__('Notecast Keyboard Shortcuts'),
    execute: () => showShortcutHelp(commands, preferences.current.singleKeyShortcuts, trans)
  });

  // What the commands say depends on the players' state: tell whoever shows them (palette, toolbars).
  const changed = (): void => {
    for (const id of PLAYER_COMMANDS) {
      if (commands.hasCommand(id)) commands.notifyCommandChanged(id);
    }
  };
  tracker.widgetAdded.connect((_, player) => {
    player.session.changed.connect(changed);
    const unsubscribe = [player.session.player.on('stateChanged', changed), player.session.player.on('stepChanged', changed)];
    player.disposed.connect(() => {
      unsubscribe.forEach(stop => stop());
      changed();
    });
  });
  tracker.currentChanged.connect(changed);
}
