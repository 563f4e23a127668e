/**
 * The JupyterLab wiring of Notecast. This is the only module that may import
 * `@jupyterlab/*` or touch the DOM (DESIGN.md, "Architecture").
 *
 * One plugin: it creates the announcer, registers the commands (palette,
 * file-browser context menu, launcher; shortcuts come from
 * `schema/plugin.json` so users can remap them), reads the settings, and
 * opens tutorials into a player docked beside a notebook.
 */
import { ILabShell, type JupyterFrontEnd, type JupyterFrontEndPlugin } from '@jupyterlab/application';
import { Dialog, ICommandPalette, InputDialog, showDialog } from '@jupyterlab/apputils';
import { PathExt } from '@jupyterlab/coreutils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { ABCWidgetFactory, DocumentWidget, type DocumentRegistry, type IDocumentWidget } from '@jupyterlab/docregistry';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { ILauncher } from '@jupyterlab/launcher';
import type { NotebookPanel } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { LabIcon } from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';
import { Widget } from '@lumino/widgets';
import { Announcer } from './announcer.js';
import { CommandIDs, PLAYER_COMMANDS } from './commands.js';
import { makeRoomForPlayer, type DockPlan } from './layout.js';
import { formatProblem, loadTutorial } from './load.js';
import { notebookFor, skippedNotice, type NotebookChoice } from './notebook-files.js';
import { PlayerPanel, TutorialErrorsPanel } from './player-panel.js';
import { DEFAULT_PREFERENCES, readPreferences, watchSystemMotion, type Preferences } from './preferences.js';
import { TutorialSession } from './session.js';
import { SpeechNarrator } from './speech.js';

export { Announcer, ANNOUNCER_ID } from './announcer.js';
export { CommandIDs } from './commands.js';

/**
 * The plugin id. Its part after the colon names the settings schema file
 * (`schema/plugin.json`), so the two must change together.
 */
export const PLUGIN_ID = 'jupyterlab-notecast:plugin';

/** Opens `.notecast.json` scripts with the player by default ("Open With" for any `.json`). */
const FACTORY = 'Notecast Player';
const SCRIPT_FILE_TYPE = 'notecast-script';

const notecastIcon = new LabIcon({
  name: 'notecast:tutorial',
  svgstr:
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path class="jp-icon3" fill="#616161" d="M4 3h16a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm1 2v14h14V5H5zm4 3 7 4-7 4V8z"/></svg>'
});

/** `/lab?notecast=<path>` opens that tutorial in the player once Lab has started (`make demo`). */
const URL_PARAMETER = 'notecast';

const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description: 'Plays accessible, narrated Notecast tutorials in a live notebook.',
  autoStart: true,
  requires: [IDocumentManager],
  optional: [ISettingRegistry, ICommandPalette, IDefaultFileBrowser, ILauncher, ILabShell],
  activate: (
    app: JupyterFrontEnd,
    docManager: IDocumentManager,
    settingRegistry: ISettingRegistry | null,
    palette: ICommandPalette | null,
    fileBrowser: IDefaultFileBrowser | null,
    launcher: ILauncher | null,
    labShell: ILabShell | null
  ): void => {
    const started = performance.now();
    const announcer = new Announcer(document);
    const notecast = new Notecast(app, docManager, announcer, new SpeechNarrator(announcer), fileBrowser, labShell);
    notecast.registerCommands(palette, launcher);
    notecast.registerScriptFactory();

    if (settingRegistry) {
      settingRegistry
        .load(PLUGIN_ID)
        .then(settings => {
          notecast.settings = settings;
          notecast.setPreferences(readPreferences(settings));
          settings.changed.connect(() => notecast.setPreferences(readPreferences(settings)));
        })
        .catch(reason => {
          // Playback still works on the schema defaults; say why the user's settings were ignored.
          console.error(`${PLUGIN_ID}: could not load settings, using defaults.`, reason);
        });
    }
    watchSystemMotion(() => notecast.setPreferences(notecast.preferences));

    const initial = new URLSearchParams(window.location.search).get(URL_PARAMETER);
    if (initial) {
      void app.restored.then(() => app.commands.execute(CommandIDs.open, { path: initial }));
    }
    // For `make bench`: how long activation took, measured in the page.
    performance.measure('notecast:activate', { start: started, end: performance.now() });
  }
};

/** The extension's state: open players, the active one, preferences. */
class Notecast {
  settings: ISettingRegistry.ISettings | null = null;
  preferences: Preferences = { ...DEFAULT_PREFERENCES };
  private readonly players = new Map<string, PlayerPanel>();
  private readonly errorPanels = new Map<string, TutorialErrorsPanel>();
  private lastActive: PlayerPanel | undefined;
  private readonly opening = new Map<string, Promise<void>>();

  constructor(
    readonly app: JupyterFrontEnd,
    readonly docManager: IDocumentManager,
    readonly announcer: Announcer,
    readonly speech: SpeechNarrator,
    readonly fileBrowser: IDefaultFileBrowser | null,
    readonly labShell: ILabShell | null
  ) {
    // The active player is the one whose panel or notebook last had focus.
    document.addEventListener(
      'focusin',
      event => {
        const target = event.target as Node;
        for (const player of this.players.values()) {
          if (player.node.contains(target) || player.session.panel.node.contains(target)) {
            this.lastActive = player;
            return;
          }
        }
      },
      true
    );
  }

  get contents() {
    return this.app.serviceManager.contents;
  }

  /** The player commands act on: the last focused one, else the current widget's, else the only one. */
  get active(): PlayerPanel | undefined {
    if (this.lastActive && !this.lastActive.isDisposed) {
      return this.lastActive;
    }
    const current = this.app.shell.currentWidget;
    for (const player of this.players.values()) {
      if (player === current || player.session.panel === current) {
        return player;
      }
    }
    return this.players.size === 1 ? [...this.players.values()][0] : undefined;
  }

  setPreferences(preferences: Preferences): void {
    this.preferences = preferences;
    this.speech.setPreferences(preferences);
    for (const player of this.players.values()) {
      player.session.applyPreferences(preferences);
      player.setPreferences(preferences);
    }
  }

  registerCommands(palette: ICommandPalette | null, launcher: ILauncher | null): void {
    const { commands } = this.app;
    const category = 'Notecast';
    commands.addCommand(CommandIDs.open, {
      label: args => (args.isLauncher ? 'Tutorial' : args.isContextMenu ? 'Open as Tutorial' : 'Open Tutorial…'),
      caption: 'Open a Notecast tutorial (Markdown or compiled .json) with the tutorial player',
      icon: args => (args.isLauncher ? notecastIcon : undefined),
      execute: async args => {
        const path = await this.pathToOpen(args);
        if (path) {
          await this.open(path, Boolean(args.reload));
        }
      }
    });
    const playerCommand = (id: string, label: string | (() => string), run: (player: PlayerPanel) => unknown): void => {
      commands.addCommand(id, {
        label,
        isEnabled: () => this.active !== undefined,
        execute: () => {
          const player = this.active;
          if (!player) {
            this.announcer.announce('No tutorial is open. Open one with Open Tutorial.', 'assertive');
            return;
          }
          return run(player);
        }
      });
    };
    playerCommand(
      CommandIDs.togglePlay,
      () => {
        const state = this.active?.session.player.state;
        return state === 'playing' || state === 'waiting-for-kernel' ? 'Pause Tutorial' : 'Play Tutorial';
      },
      player => player.session.togglePlay()
    );
    playerCommand(CommandIDs.nextStep, 'Next Tutorial Step', player => player.session.nextStep());
    playerCommand(CommandIDs.previousStep, 'Previous Tutorial Step', player => player.session.previousStep());
    playerCommand(CommandIDs.takeOver, 'Take Over from the Tutorial', player => player.session.takeOver(true));
    playerCommand(CommandIDs.resume, 'Resume the Tutorial', player => player.session.resume());
    playerCommand(CommandIDs.restart, 'Restart the Tutorial', player => player.session.restart());
    playerCommand(CommandIDs.repeatNarration, 'Repeat the Narration', player => player.session.repeatNarration());
    playerCommand(CommandIDs.runToHere, 'Run Cells up to Here', player => player.session.runUpToHere());
    commands.addCommand(CommandIDs.showShortcuts, {
      label: 'Notecast Keyboard Shortcuts',
      execute: () => this.showShortcuts()
    });

    if (palette) {
      for (const command of [CommandIDs.open, ...PLAYER_COMMANDS]) {
        palette.addItem({ command, category });
      }
    }
    for (const fileType of ['markdown', 'json']) {
      this.app.contextMenu.addItem({
        command: CommandIDs.open,
        args: { isContextMenu: true },
        selector: `.jp-DirListing-item[data-file-type="${fileType}"]`,
        rank: 3
      });
    }
    // The launcher renders its card's label and icon from these args, like JupyterLab's own cards.
    launcher?.add({ command: CommandIDs.open, category: 'Other', rank: 1, args: { isLauncher: true } });
  }

  /** `.notecast.json` files open with the player; any `.json` can via Open With. */
  registerScriptFactory(): void {
    const { docRegistry } = this.app;
    docRegistry.addFileType({
      name: SCRIPT_FILE_TYPE,
      displayName: 'Notecast Script',
      extensions: ['.notecast.json'],
      mimeTypes: ['application/json'],
      contentType: 'file',
      fileFormat: 'text',
      icon: notecastIcon
    });
    const commands = this.app.commands;
    class ScriptFactory extends ABCWidgetFactory<IDocumentWidget> {
      protected createNewWidget(context: DocumentRegistry.Context): IDocumentWidget {
        const content = new Widget();
        content.node.textContent = 'Opening the tutorial player…';
        const widget = new DocumentWidget({ content, context });
        void context.ready.then(async () => {
          await commands.execute(CommandIDs.open, { path: context.path });
          widget.close();
        });
        return widget;
      }
    }
    docRegistry.addWidgetFactory(
      new ScriptFactory({
        name: FACTORY,
        label: 'Tutorial Player',
        fileTypes: [SCRIPT_FILE_TYPE, 'json'],
        defaultFor: [SCRIPT_FILE_TYPE],
        modelName: 'text'
      })
    );
  }

  private async pathToOpen(args: Record<string, unknown>): Promise<string | undefined> {
    if (typeof args.path === 'string' && args.path) {
      return args.path;
    }
    if (args.isContextMenu && this.fileBrowser) {
      const item = this.fileBrowser.selectedItems().next();
      if (!item.done) {
        return item.value.path;
      }
    }
    const cwd = typeof args.cwd === 'string' ? args.cwd : (this.fileBrowser?.model.path ?? '');
    let tutorials: string[] = [];
    try {
      const listing = await this.contents.get(cwd, { content: true });
      tutorials = ((listing.content ?? []) as Array<{ path: string; type: string }>)
        .filter(item => item.type === 'file' && /\.(md|notecast\.json)$/i.test(item.path))
        .map(item => item.path)
        .sort();
    } catch {
      // An unreadable folder: ask for a path instead.
    }
    if (tutorials.length) {
      const result = await InputDialog.getItem({ title: 'Open a tutorial', label: 'Tutorial', items: tutorials, okLabel: 'Open' });
      return result.button.accept && result.value ? result.value : undefined;
    }
    const result = await InputDialog.getText({ title: 'Open a tutorial', label: 'Path of the tutorial (.md or .json)', okLabel: 'Open' });
    return result.button.accept && result.value ? result.value : undefined;
  }

  /** Open a tutorial in a player beside its notebook (or reveal the player already open). */
  async open(path: string, reload = false): Promise<void> {
    path = path.replace(/^\/+/, '');
    const pending = this.opening.get(path);
    if (pending) {
      return pending;
    }
    const work = this.openNow(path, reload).finally(() => this.opening.delete(path));
    this.opening.set(path, work);
    return work;
  }

  private async openNow(path: string, reload: boolean): Promise<void> {
    const existing = this.players.get(path);
    if (existing && !existing.isDisposed && !existing.session.stoppedReason && !reload) {
      this.app.shell.activateById(existing.id);
      return;
    }
    existing?.dispose();
    this.errorPanels.get(path)?.dispose();
    this.errorPanels.delete(path);

    let text: string;
    let loadedModified: string | undefined;
    try {
      const model = await this.contents.get(path, { content: true, type: 'file', format: 'text' });
      text = String(model.content ?? '');
      loadedModified = model.last_modified;
    } catch (error) {
      this.announcer.announce(`Could not open the tutorial ${path}: ${errorMessage(error)}`, 'assertive');
      await showDialog({ title: 'Could not open the tutorial', body: `${path}: ${errorMessage(error)}`, buttons: [Dialog.okButton({ label: 'Close' })] });
      return;
    }
    const loaded = await loadTutorial(path, text);
    if (!loaded.script) {
      const problems = loaded.problems.map(problem => ({ text: formatProblem(problem), severity: problem.severity }));
      const errors = problems.filter(problem => problem.severity === 'error');
      const panel = new TutorialErrorsPanel(path, problems, () => void this.open(path, true));
      this.errorPanels.set(path, panel);
      panel.disposed.connect(() => this.errorPanels.get(path) === panel && this.errorPanels.delete(path));
      this.app.shell.add(panel, 'main', { mode: 'split-right' });
      this.app.shell.activateById(panel.id);
      this.announcer.announce(
        `The tutorial ${path} has ${errors.length === 1 ? '1 error' : `${errors.length} errors`} and cannot play. ${errors[0] ? `${errors[0].text}` : ''}`,
        'assertive'
      );
      return;
    }
    const script = loaded.script;
    let choice: NotebookChoice;
    try {
      choice = await notebookFor(this.contents, path, script.kernel);
    } catch (error) {
      const why = `Could not make a notebook for the tutorial ${path}: ${errorMessage(error)}`;
      this.announcer.announce(why, 'assertive');
      await showDialog({ title: 'Could not open the tutorial', body: why, buttons: [Dialog.okButton({ label: 'Close' })] });
      return;
    }
    const { path: notebookPath, created } = choice;
    const notebookNotice = skippedNotice(choice);
    const notebook = this.docManager.openOrReveal(notebookPath, 'Notebook', { name: script.kernel }) as NotebookPanel | undefined;
    if (!notebook) {
      this.announcer.announce(`Could not open the notebook ${notebookPath}.`, 'assertive');
      return;
    }
    await notebook.context.ready;
    // A new, empty notebook enters edit mode once revealed, which would put focus in its
    // blank cell; the learner asked for the tutorial, so focus goes to the player instead.
    await notebook.revealed;
    if (notebook.content.mode === 'edit') {
      notebook.content.mode = 'command';
    }
    const session = new TutorialSession({
      app: this.app,
      contents: this.contents,
      tutorialPath: path,
      script,
      panel: notebook,
      announcer: this.announcer,
      preferences: this.preferences,
      created,
      loadedModified,
      notebookNotice
    });
    const player = new PlayerPanel({
      session,
      commands: this.app.commands,
      preferences: this.preferences,
      onPreference: (key, value) => void this.settings?.set(key, value).catch(() => undefined)
    });
    this.players.set(path, player);
    // Spoken narration (R11, off unless the learner turned it on) goes quiet with this player.
    const unfollow = this.speech.follow(session);
    player.disposed.connect(() => {
      unfollow();
      if (this.players.get(path) === player) {
        this.players.delete(path);
      }
      if (this.lastActive === player) {
        this.lastActive = undefined;
      }
    });
    this.lastActive = player;
    // Beside the notebook, or below it where the area is narrow (R21, layout.ts).
    const plan = await makeRoomForPlayer(notebook, this.labShell);
    this.app.shell.add(player, 'main', { mode: plan.mode, ref: notebook.id, activate: false });
    this.app.shell.activateById(player.id);
    const count = script.steps.length;
    this.announcer.announce(
      `Tutorial ${script.title} is ready in ${PathExt.basename(notebookPath)}: ${count === 1 ? '1 step' : `${count} steps`}. Press Play to start, or Next step to go one step at a time.${this.describeCollapsed(plan)}`
    );
    if (notebookNotice) {
      this.announcer.announce(notebookNotice);
    }
  }

  /** " The left sidebar was closed to make room for the player (Ctrl+B opens it again)." — or nothing. */
  private describeCollapsed(plan: DockPlan): string {
    if (!plan.collapsed.length) {
      return '';
    }
    const key = (side: string): string | undefined => {
      const binding = this.app.commands.keyBindings.find(b => b.command === `application:toggle-${side}-area` && b.keys.length === 1);
      return binding ? CommandRegistry.formatKeystroke(binding.keys[0]) : undefined;
    };
    if (plan.collapsed.length === 1) {
      const side = plan.collapsed[0];
      const reopen = key(side);
      return ` The ${side} sidebar was closed to make room for the player${reopen ? ` (${reopen} opens it again)` : ''}.`;
    }
    const reopen = plan.collapsed.map(side => (key(side) ? `${key(side)} opens the ${side} one` : undefined)).filter(Boolean);
    return ` The sidebars were closed to make room for the player${reopen.length ? ` (${reopen.join(', ')})` : ''}.`;
  }

  private async showShortcuts(): Promise<void> {
    const { commands } = this.app;
    const body = new Widget();
    body.addClass('jp-NotecastShortcuts');
    const table = document.createElement('table');
    const caption = document.createElement('caption');
    caption.textContent = 'Shortcuts work while focus is in a tutorial player or in its notebook outside a cell editor. Change them in Settings → Keyboard Shortcuts.';
    table.appendChild(caption);
    const head = document.createElement('tr');
    for (const heading of ['Command', 'Keys']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = heading;
      head.appendChild(th);
    }
    table.appendChild(head);
    for (const id of PLAYER_COMMANDS) {
      const keys = new Set<string>();
      for (const binding of commands.keyBindings) {
        if (binding.command === id) {
          keys.add(binding.keys.map(key => CommandRegistry.formatKeystroke(key)).join(', then '));
        }
      }
      const row = document.createElement('tr');
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = commands.label(id) || id;
      const value = document.createElement('td');
      value.textContent = keys.size ? [...keys].join(' or ') : 'No shortcut';
      row.append(name, value);
      table.appendChild(row);
    }
    if (this.preferences.singleKeyShortcuts) {
      const row = document.createElement('tr');
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = 'Inside the player (single keys)';
      const value = document.createElement('td');
      value.textContent = 'K: play or pause, J: previous step, L: next step';
      row.append(name, value);
      table.appendChild(row);
    }
    body.node.appendChild(table);
    await showDialog({ title: 'Notecast keyboard shortcuts', body, buttons: [Dialog.okButton({ label: 'Close' })] });
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export default [plugin];
