/**
 * The commands a player acts on (A11Y R4: every shortcut a remappable
 * command; keys in schema/plugin.json). They act on the player in focus.
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { ITranslator } from '@jupyterlab/translation';
import type { Announcer } from './announcer.js';
import { CommandIDs } from './commands.js';
import type { PlayerPanel } from './player-panel.js';
import { showShortcutHelp } from './shortcut-help.js';
import type { INotecastPreferences, INotecastTracker } from './tokens.js';

export function addPlayerCommands(
  app: JupyterFrontEnd,
  tracker: INotecastTracker,
  announcer: Announcer,
  preferences: INotecastPreferences,
  translator: ITranslator
): void {
  const { commands } = app;
  const trans = translator.load('notecast');
  const playerCommand = (id: string, label: string | (() => string), run: (player: PlayerPanel) => unknown): void => {
    commands.addCommand(id, {
      label,
      isEnabled: () => tracker.activePlayer !== undefined,
      execute: () => {
        const player = tracker.activePlayer;
        if (!player) {
          announcer.announce(trans.__('No tutorial is open. Open one with Open Tutorial.'), 'assertive');
          return;
        }
        return run(player);
      }
    });
  };
  playerCommand(
    CommandIDs.togglePlay,
    () => {
      const state = tracker.activePlayer?.session.player.state;
      return state === 'playing' || state === 'waiting-for-kernel' ? trans.__('Pause Tutorial') : trans.__('Play Tutorial');
    },
    player => player.session.togglePlay()
  );
  playerCommand(CommandIDs.nextStep, trans.__('Next Tutorial Step'), player => player.session.nextStep());
  playerCommand(CommandIDs.previousStep, trans.__('Previous Tutorial Step'), player => player.session.previousStep());
  playerCommand(CommandIDs.takeOver, trans.__('Take Over from the Tutorial'), player => player.session.takeOver(true));
  playerCommand(CommandIDs.resume, trans.__('Resume the Tutorial'), player => player.session.resume());
  playerCommand(CommandIDs.restart, trans.__('Restart the Tutorial'), player => player.session.restart());
  playerCommand(CommandIDs.repeatNarration, trans.__('Repeat the Narration'), player => player.session.repeatNarration());
  playerCommand(CommandIDs.runToHere, trans.__('Run Cells up to Here'), player => player.session.runUpToHere());
  commands.addCommand(CommandIDs.showShortcuts, {
    label: trans.__('Notecast Keyboard Shortcuts'),
    execute: () => showShortcutHelp(commands, preferences.current.singleKeyShortcuts, trans)
  });
}
