/**
 * Notecast's JupyterLab plugins. Only `src/lab` may import `@jupyterlab/*` or
 * touch the DOM (docs/explanation/architecture.md); the plugins here only wire the
 * services of the files beside them, talking to each other through tokens.
 * Every JupyterLab service but the document manager is optional, so the
 * extension activates where one is missing.
 */
import { ILabShell, ILayoutRestorer, IRouter, type JupyterFrontEnd, type JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICollaborativeContentProvider } from '@jupyter/collaborative-drive';
import { ICommandPalette } from '@jupyterlab/apputils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { ILauncher } from '@jupyterlab/launcher';
import { INotebookCellExecutor, INotebookTracker } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { Announcer } from './announce/index.js';
import { addClassroomCommands } from './classroom/index.js';
import { CommandIDs, PLAYER_COMMANDS } from './command-ids.js';
import { addOpenCommand, TutorialOpener } from './open/index.js';
import { NotecastDock, addUrlRoute, notebookShellOf, playerDockFor, type PendingDock } from './shell/index.js';
import type { PlayerPanel } from './panel/lazy.js';
import { addPlayerCommands } from './commands/index.js';
import { addRecordingCommands } from './recording/index.js';
import { addScriptFileType } from './tutorial/index.js';
import { NotecastPreferences } from './settings/index.js';
import { INotecastAnnouncer, INotecastPreferences, INotecastTracker } from './tokens.js';
import { NotecastPlayers, NotecastTracker } from './panel/index.js';

export { Announcer, ANNOUNCER_ID } from './announce/index.js';
export { CommandIDs } from './command-ids.js';
export { INotecastAnnouncer, INotecastPreferences, INotecastTracker } from './tokens.js';
export type { AnnouncedPart, AnnounceOptions, INotecastPlayer, Preferences, ReducedMotionSetting } from './tokens.js';

/**
 * The settings plugin's id. Its part after the colon names the settings schema
 * file (`schema/plugin.json`, with the shortcuts), so the two must change together.
 */
export const PLUGIN_ID = 'jupyterlab-notecast:plugin';

/** Marks the start of activation; `notecast:activate` (read by `make bench`) ends with the commands. */
const ACTIVATE_START = 'notecast:activate-start';

const announcerPlugin: JupyterFrontEndPlugin<INotecastAnnouncer> = {
  id: 'jupyterlab-notecast:announcer',
  description: 'The live regions through which Notecast speaks, created empty at start.',
  autoStart: true,
  provides: INotecastAnnouncer,
  optional: [ITranslator],
  activate: (_: JupyterFrontEnd, translator: ITranslator | null): INotecastAnnouncer => {
    performance.mark(ACTIVATE_START);
    return new Announcer(document, (translator ?? nullTranslator).languageCode);
  }
};

const preferencesPlugin: JupyterFrontEndPlugin<INotecastPreferences> = {
  id: PLUGIN_ID,
  description: "The learner's Notecast preferences, from the settings registry.",
  autoStart: true,
  provides: INotecastPreferences,
  optional: [ISettingRegistry],
  activate: (_: JupyterFrontEnd, registry: ISettingRegistry | null): INotecastPreferences => {
    const preferences = new NotecastPreferences();
    if (registry) {
      void preferences.load(registry, PLUGIN_ID);
    }
    return preferences;
  }
};

const dockPlugin: JupyterFrontEndPlugin<PendingDock> = {
  id: 'jupyterlab-notecast:dock',
  description: "Where players dock beside their notebooks: JupyterLab's main area or Jupyter Notebook 7's page.",
  autoStart: true,
  provides: NotecastDock,
  requires: [IDocumentManager],
  optional: [ILabShell],
  activate: (app: JupyterFrontEnd, docManager: IDocumentManager, labShell: ILabShell | null): PendingDock => ({
    // JupyterLab's tabbed main area, or Jupyter Notebook 7's one document per page (shell/player-dock.ts).
    ready: notebookShellOf(app, labShell).then(notebookShell => playerDockFor(app.shell, notebookShell, docManager, labShell))
  })
};

const playersPlugin: JupyterFrontEndPlugin<NotecastTracker> = {
  id: 'jupyterlab-notecast:players',
  description: 'Opens tutorials into players docked beside their notebooks, and tracks the players.',
  autoStart: true,
  provides: NotecastPlayers,
  requires: [NotecastDock, INotecastAnnouncer, INotecastPreferences],
  optional: [IDefaultFileBrowser, ITranslator, INotebookCellExecutor],
  activate: (
    app: JupyterFrontEnd,
    dock: PendingDock,
    announcer: INotecastAnnouncer,
    preferences: INotecastPreferences,
    fileBrowser: IDefaultFileBrowser | null,
    translator: ITranslator | null,
    executor: INotebookCellExecutor | null
  ): NotecastTracker => {
    translator = translator ?? nullTranslator;
    const tracker = new NotecastTracker(app.shell);
    const opener = new TutorialOpener({ app, dock: dock.ready, tracker, announcer, preferences, translator, executor });
    addOpenCommand(app, opener, fileBrowser, translator);
    return tracker;
  }
};

const trackerPlugin: JupyterFrontEndPlugin<INotecastTracker> = {
  id: 'jupyterlab-notecast:tracker',
  description: 'The open players, for other extensions: find the player of a notebook, follow its state and step.',
  autoStart: true,
  provides: INotecastTracker,
  requires: [NotecastPlayers],
  activate: (_: JupyterFrontEnd, players: NotecastTracker): INotecastTracker => players
};

const commandsPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-notecast:commands',
  description: 'The player commands (play, steps, take over, resume…) and their palette entries.',
  autoStart: true,
  requires: [NotecastPlayers, INotecastAnnouncer, INotecastPreferences],
  optional: [ICommandPalette, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    tracker: NotecastTracker,
    announcer: INotecastAnnouncer,
    preferences: INotecastPreferences,
    palette: ICommandPalette | null,
    translator: ITranslator | null
  ): void => {
    translator = translator ?? nullTranslator;
    const trans = translator.load('notecast');
    addPlayerCommands(app, tracker, announcer, preferences, translator);
    for (const command of [CommandIDs.open, ...PLAYER_COMMANDS]) {
      palette?.addItem({ command, category: trans.__('Notecast') });
    }
    // For `make bench`: how long activation took, measured in the page.
    if (performance.getEntriesByName(ACTIVATE_START).length) {
      performance.measure('notecast:activate', ACTIVATE_START);
    }
  }
};

const scriptFilePlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-notecast:script-file',
  description: 'Opens compiled .notecast.json scripts with the tutorial player.',
  autoStart: true,
  optional: [ITranslator],
  activate: (app: JupyterFrontEnd, translator: ITranslator | null): void => addScriptFileType(app, translator ?? nullTranslator)
};

const launcherPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-notecast:launcher',
  description: "A Launcher card that opens a tutorial from the file browser's folder.",
  autoStart: true,
  optional: [ILauncher],
  activate: (_: JupyterFrontEnd, launcher: ILauncher | null): void => {
    // The launcher renders its card's label and icon from these args, like JupyterLab's own cards.
    launcher?.add({ command: CommandIDs.open, category: 'Other', rank: 1, args: { isLauncher: true } });
  }
};

const restorerPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-notecast:restorer',
  description: 'Reopens each player beside its notebook, paused at its step, when JupyterLab reloads.',
  autoStart: true,
  requires: [NotecastPlayers],
  optional: [ILayoutRestorer],
  activate: (_: JupyterFrontEnd, tracker: NotecastTracker, restorer: ILayoutRestorer | null): void => {
    if (!restorer) {
      return;
    }
    void restorer.restore<PlayerPanel>(tracker, {
      command: CommandIDs.open,
      // Saved again whenever the player's step changes (open/opener.ts).
      // The notebook too: a learner's copy of a broadcast notebook is not the one the tutorial's folder gives.
      args: player => ({ path: player.session.tutorialPath, step: player.session.player.step, restoring: true, notebook: player.session.notebookPath }),
      name: player => player.session.tutorialPath
    });
  }
};

const urlPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-notecast:url',
  description: 'Opens the tutorial named in the URL: /lab?notecast=<path>.',
  autoStart: true,
  optional: [IRouter, ITranslator],
  activate: (app: JupyterFrontEnd, router: IRouter | null, translator: ITranslator | null): void => {
    if (router) {
      addUrlRoute(app, router, translator ?? nullTranslator);
    }
  }
};

const recorderPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-notecast:recorder',
  description: 'Records what the author does in a notebook and writes it as a tutorial to edit.',
  autoStart: true,
  requires: [INotebookTracker, IDocumentManager, INotecastAnnouncer],
  optional: [ICommandPalette, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    notebooks: INotebookTracker,
    docManager: IDocumentManager,
    announcer: INotecastAnnouncer,
    palette: ICommandPalette | null,
    translator: ITranslator | null
  ): void => {
    translator = translator ?? nullTranslator;
    addRecordingCommands(app, notebooks, docManager, announcer, translator);
    const category = translator.load('notecast').__('Notecast');
    for (const command of [CommandIDs.startRecording, CommandIDs.recordingNewStep, CommandIDs.stopRecording]) {
      palette?.addItem({ command, category });
    }
  }
};

const classroomPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-notecast:classroom',
  description: "A teacher's player broadcasts over jupyter-collaboration; learners follow, and make their own copy.",
  autoStart: true,
  requires: [NotecastPlayers, INotecastAnnouncer, INotecastPreferences, NotecastDock],
  // jupyter-collaboration's content provider says the notebooks are shared documents; without it
  // (plain JupyterLab, Notebook 7 alone, JupyterLite) the classroom's commands stay hidden.
  optional: [ICollaborativeContentProvider, INotebookTracker, ICommandPalette, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    tracker: NotecastTracker,
    announcer: INotecastAnnouncer,
    preferences: INotecastPreferences,
    dock: PendingDock,
    collaboration: ICollaborativeContentProvider | null,
    notebooks: INotebookTracker | null,
    palette: ICommandPalette | null,
    translator: ITranslator | null
  ): void => {
    translator = translator ?? nullTranslator;
    const collaborative = collaboration !== null;
    addClassroomCommands({ app, tracker, announcer, preferences, translator, notebooks, dock: dock.ready, collaborative });
    if (collaborative) {
      const category = translator.load('notecast').__('Notecast');
      for (const command of [CommandIDs.broadcast, CommandIDs.follow, CommandIDs.makeMyCopy, CommandIDs.stopFollowing]) {
        palette?.addItem({ command, category });
      }
    }
  }
};

export default [
  announcerPlugin,
  preferencesPlugin,
  dockPlugin,
  playersPlugin,
  trackerPlugin,
  commandsPlugin,
  scriptFilePlugin,
  launcherPlugin,
  restorerPlugin,
  urlPlugin,
  recorderPlugin,
  classroomPlugin
];
