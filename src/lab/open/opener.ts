/**
 * The open pipeline: read the tutorial, load it (or show its errors), choose
 * and open its notebook, start a session and dock its player beside the
 * notebook, tracked. A tutorial that already has a player gets it activated.
 */
import type { YNotebook } from '@jupyter/ydoc';
import type { JupyterFrontEnd } from '@jupyterlab/application';
import { Dialog, showDialog } from '@jupyterlab/apputils';
import { PageConfig, PathExt } from '@jupyterlab/coreutils';
import type { INotebookCellExecutor, NotebookPanel } from '@jupyterlab/notebook';
import type { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';
import type { INotecastAnnouncer } from '../tokens.js';
import { arrival } from './arrival.js';
import { CommandIDs } from '../command-ids.js';
import { KernelConsent } from '../kernel/index.js';
import { TutorialErrorsPanel } from './errors-panel.js';
import type { DockPlan, PlayerDock } from '../shell/index.js';
import type { NotebookChoice } from '../notebook/lazy.js';
import { openNotebookPage, type PendingTab, notebookPageUrl } from '../shell/index.js';
import type { PlayerPanel } from '../panel/lazy.js';
import type { SpeechNarrator } from '../session/lazy.js';
import type { INotecastPreferences, OpenOptions } from '../tokens.js';
import type { NotecastTracker } from '../panel/index.js';
import { tutorialForLearner, tutorialLanguages } from '../tutorial/index.js';
import { errorMessage, sentence } from '../announce/index.js';

/** How long opening a shared notebook waits to hear whether someone broadcasts in it. */
const BROADCAST_LOOK_MS = 500;

export interface OpenerOptions {
  app: JupyterFrontEnd;
  /** Where notebooks show and players dock in this shell (shell/player-dock.ts), once the shell is known. */
  dock: Promise<PlayerDock>;
  tracker: NotecastTracker;
  announcer: INotecastAnnouncer;
  preferences: INotecastPreferences;
  translator: ITranslator;
  /** JupyterLab's cell executor, when a plugin provides it: the player's runs go through it. */
  executor?: INotebookCellExecutor | null;
}

export class TutorialOpener {
  private readonly app: JupyterFrontEnd;
  private readonly dockReady: Promise<PlayerDock>;
  /** The dock once known: a tab must open while the learner's gesture lasts, before any wait. */
  private dock: PlayerDock | undefined;
  private readonly tracker: NotecastTracker;
  private readonly announcer: INotecastAnnouncer;
  private readonly preferences: INotecastPreferences;
  private readonly translator: ITranslator;
  private readonly executor: INotebookCellExecutor | null;
  private readonly trans: TranslationBundle;
  /** Made with the first tutorial (its code loads on demand with the player): until then nothing speaks. */
  private speech: SpeechNarrator | undefined;
  /** The learner's permission to run code, per tutorial, for every session this opener starts. */
  private readonly consent: KernelConsent;
  private readonly errorPanels = new Map<string, TutorialErrorsPanel>();
  private readonly opening = new Map<string, Promise<PlayerPanel | undefined>>();

  constructor(options: OpenerOptions) {
    this.app = options.app;
    this.dockReady = options.dock.then(dock => (this.dock = dock));
    this.tracker = options.tracker;
    this.announcer = options.announcer;
    this.preferences = options.preferences;
    this.translator = options.translator;
    this.executor = options.executor ?? null;
    this.trans = this.translator.load('notecast');
    this.consent = new KernelConsent(this.translator);
    this.preferences.changed.connect((_, preferences) => {
      this.speech?.setPreferences(preferences);
      this.tracker.forEach(player => {
        player.session.applyPreferences(preferences);
        player.setPreferences(preferences);
      });
    });
  }

  private get contents() {
    return this.app.serviceManager.contents;
  }

  /** Open a tutorial in a player beside its notebook (or reveal the player already open). */
  open(path: string, options: OpenOptions = {}): Promise<PlayerPanel | undefined> {
    path = path.replace(/^\/+/, '');
    const pending = this.opening.get(path);
    if (pending) {
      return pending;
    }
    const work = this.openNow(path, options).finally(() => this.opening.delete(path));
    this.opening.set(path, work);
    return work;
  }

  private async openNow(path: string, options: OpenOptions): Promise<PlayerPanel | undefined> {
    const existing = this.tracker.playerOf(path);
    const elsewhere = options.notebook !== undefined && existing?.session.notebookPath !== options.notebook;
    if (existing && !existing.session.stoppedReason && !options.reload && !elsewhere) {
      this.app.shell.activateById(existing.id);
      return existing;
    }
    existing?.dispose();
    this.errorPanels.get(path)?.dispose();
    this.errorPanels.delete(path);
    // Synchronously, still in the learner's gesture: a page that shows no notebook opens its tab now.
    const tab = this.dock?.begin(this.trans);
    const dock = this.dock ?? (await this.dockReady);
    let carried = false;
    try {
      // `intro.md` opens as `intro.fr.md` in a French JupyterLab, when there is one;
      // reloading or restoring a player keeps the language it had.
      const exact = options.exactLanguage || options.reload || options.restoring;
      const chosen = exact ? path : await tutorialForLearner(this.contents, path, this.translator.languageCode);
      if (chosen !== path) {
        const translated = this.tracker.playerOf(chosen);
        if (translated && !translated.session.stoppedReason && !options.reload && options.notebook === undefined) {
          this.app.shell.activateById(translated.id);
          return translated;
        }
        translated?.dispose();
      }
      return await this.openIn(dock, chosen, options, tab, () => (carried = true));
    } finally {
      if (!carried) {
        tab?.close();
      }
    }
  }

  private async openIn(
    dock: PlayerDock,
    path: string,
    options: OpenOptions,
    tab: PendingTab | undefined,
    carrying: () => void
  ): Promise<PlayerPanel | undefined> {
    const {
      authored,
      formatProblem,
      kernelNameFor,
      languageParts,
      loadTutorial,
      markedNotebook,
      notebookFor,
      skippedNotice,
      PlayerPanel,
      SpeechNarrator,
      TutorialSession
    } = await import('./lazy.js');
    const speech = this.speech ?? new SpeechNarrator(this.announcer);
    if (!this.speech) {
      speech.setPreferences(this.preferences.current);
      this.speech = speech;
    }

    let text: string;
    let loadedModified: string | undefined;
    try {
      const model = await this.contents.get(path, { content: true, type: 'file', format: 'text' });
      text = String(model.content ?? '');
      loadedModified = model.last_modified;
    } catch (error) {
      tab?.close();
      await this.fail(
        this.trans.__(
          'Could not open the tutorial %1: %2 Check that the file is still there and the Jupyter server is running, then open it again.',
          path,
          sentence(errorMessage(error))
        )
      );
      return undefined;
    }
    const loaded = await loadTutorial(path, text);
    if (!loaded.script) {
      tab?.close();
      this.showErrors(
        dock,
        path,
        loaded.problems.map(problem => ({ text: formatProblem(problem, this.trans), severity: problem.severity }))
      );
      return undefined;
    }
    const script = loaded.script;
    // `python3` where only JupyterLite's `python` runs Python, say (kernel/spec.ts).
    const kernelName = await kernelNameFor(script.kernel, this.app.serviceManager.kernelspecs);
    let choice: NotebookChoice;
    try {
      // A notebook named by the caller must play this tutorial: a restored player whose notebook
      // is gone (or is another tutorial's now) falls back to the tutorial's own.
      const named = options.notebook ? await markedNotebook(this.contents, options.notebook, path) : undefined;
      if (options.notebook && !named && !options.restoring) {
        throw new Error(this.trans.__('the notebook %1 is not one this tutorial plays in', options.notebook));
      }
      choice = named ?? (await notebookFor(this.contents, path, kernelName, this.trans));
    } catch (error) {
      tab?.close();
      await this.fail(
        this.trans.__(
          'Could not make a notebook for the tutorial %1: %2 Check that you may write to that folder and the server is running, then open the tutorial again.',
          path,
          sentence(errorMessage(error))
        )
      );
      return undefined;
    }
    const { path: notebookPath, created } = choice;
    const arriving = arrival(options.arriveAt, script.steps.length, this.trans);
    const notebookNotice = [skippedNotice(choice, this.trans), arriving.notice].filter(Boolean).join(' ') || undefined;
    if (dock.elsewhere(notebookPath)) {
      carrying();
      await this.carry(path, script.title, notebookPath, tab, options.arriveAt);
      return undefined;
    }
    const notebook = dock.notebook(notebookPath, kernelName);
    if (!notebook) {
      this.announcer.announce(this.trans.__('Could not open the notebook %1.', notebookPath), 'assertive');
      return undefined;
    }
    await notebook.context.ready;
    if (await this.broadcastElsewhere(notebook, notebookPath)) {
      return undefined;
    }
    // A new, empty notebook enters edit mode once revealed, which would put focus in its
    // blank cell; the learner asked for the tutorial, so focus goes to the player instead.
    await notebook.revealed;
    if (notebook.content.mode === 'edit') {
      notebook.content.mode = 'command';
    }
    const preferences = this.preferences.current;
    const session = new TutorialSession({
      app: this.app,
      contents: this.contents,
      tutorialPath: path,
      script,
      panel: notebook,
      announcer: this.announcer,
      preferences,
      created,
      loadedModified,
      notebookNotice,
      step: options.step,
      translator: this.translator,
      executor: this.executor,
      consent: this.consent
    });
    const languages = await tutorialLanguages(this.contents, path, script.lang ?? 'en');
    const player: InstanceType<typeof PlayerPanel> = new PlayerPanel({
      session,
      commands: this.app.commands,
      preferences,
      translator: this.translator,
      onPreference: (key, value) => void this.preferences.set(key, value),
      languages: { choices: languages, choose: language => void this.switchLanguage(player, language.path) },
      players: this.tracker
    });
    // Spoken narration (R11, off unless the learner turned it on) goes quiet with this player.
    const unfollow = speech.follow(session);
    player.disposed.connect(unfollow);
    const plan = await dock.dock(player, notebook, path);
    await this.track(player);
    // A player restored after a reload leaves focus where JupyterLab's restored layout put it.
    if (!options.restoring) {
      this.app.shell.activateById(player.id);
    }
    const count = script.steps.length;
    // The title is the author's, in the tutorial's language.
    const ready =
      this.trans._n(
        'Tutorial %2 is ready in %3: %1 step. Press Play to start, or Next step to go one step at a time.',
        'Tutorial %2 is ready in %3: %1 steps. Press Play to start, or Next step to go one step at a time.',
        count,
        authored(script.title),
        PathExt.basename(notebookPath)
      ) + this.describeCollapsed(plan);
    const lang = script.lang ?? 'en';
    this.announcer.announce(languageParts(ready, lang), 'polite', { lang });
    if (notebookNotice) {
      this.announcer.announce(notebookNotice);
    }
    // As the step list's seek: the notebook in that step's state, "Run cells up to here" offered, nothing run.
    if (arriving.seekTo !== undefined) {
      await session.seek(arriving.seekTo);
    }
    return player;
  }

  /**
   * Someone else is broadcasting in this notebook (a shared document, jupyter-collaboration): a
   * second player there would write into everyone's notebook. The learner follows the broadcast
   * instead, and is told how to play the tutorial in a copy of their own (classroom/active-classroom.ts).
   */
  private async broadcastElsewhere(notebook: NotebookPanel, notebookPath: string): Promise<boolean> {
    const model = notebook.context.model;
    if (!model.collaborative) {
      return false;
    }
    const { awaitBroadcaster } = await import('./lazy.js');
    const teacher = await awaitBroadcaster(model.sharedModel as YNotebook, BROADCAST_LOOK_MS);
    if (!teacher) {
      return false;
    }
    const name = PathExt.basename(notebookPath);
    this.announcer.announce(
      teacher.name
        ? this.trans.__(
            '%1 is broadcasting a tutorial in %2, which everyone who has it open shares, so the player does not play there: you follow the broadcast instead. Press Make my copy to play the tutorial in a copy of your own.',
            teacher.name,
            name
          )
        : this.trans.__(
            'Someone is broadcasting a tutorial in %1, which everyone who has it open shares, so the player does not play there: you follow the broadcast instead. Press Make my copy to play the tutorial in a copy of your own.',
            name
          ),
      'assertive'
    );
    await this.app.commands.execute(CommandIDs.follow, { path: notebookPath });
    return true;
  }

  /** The language switch: the same tutorial in another language, at the same step, in the same notebook, focus in the new player. */
  private async switchLanguage(player: PlayerPanel, path: string): Promise<void> {
    const step = player.session.player.step;
    const notebook = player.session.notebookPath;
    player.dispose();
    await this.open(path, { step, notebook, exactLanguage: true });
  }

  /** Track the player, and keep the step the restorer saves for it current. */
  private async track(player: PlayerPanel): Promise<void> {
    await this.tracker.add(player);
    let saved = player.session.player.step;
    player.session.changed.connect(session => {
      const step = session.player.step;
      if (step !== saved && !player.isDisposed) {
        saved = step;
        void this.tracker.save(player);
      }
    });
  }

  private showErrors(dock: PlayerDock, path: string, problems: Array<{ text: string; severity: 'error' | 'warning' }>): void {
    const errors = problems.filter(problem => problem.severity === 'error');
    const panel = new TutorialErrorsPanel(path, problems, this.trans, () => void this.open(path, { reload: true }));
    this.errorPanels.set(path, panel);
    panel.disposed.connect(() => this.errorPanels.get(path) === panel && this.errorPanels.delete(path));
    dock.show(panel);
    this.announcer.announce(
      `${this.trans._n('The tutorial %2 has %1 error and cannot play.', 'The tutorial %2 has %1 errors and cannot play.', errors.length, path)} ${errors[0]?.text ?? ''}`,
      'assertive'
    );
  }

  /** The notebook belongs on a page of its own (Notebook 7): open that page with the tutorial in its address; the player opens there. */
  private async carry(tutorialPath: string, title: string, notebookPath: string, tab: PendingTab | undefined, step: string | undefined): Promise<void> {
    const name = PathExt.basename(notebookPath);
    const url = notebookPageUrl(PageConfig.getBaseUrl(), notebookPath, tutorialPath, step);
    if (await openNotebookPage(url, name, tab, this.trans)) {
      this.announcer.announce(this.trans.__('Tutorial %1 opens with its notebook %2 in a new browser tab.', title, name));
    }
  }

  private async fail(why: string): Promise<void> {
    this.announcer.announce(why, 'assertive');
    await showDialog({
      title: this.trans.__('Could not open the tutorial'),
      body: why,
      buttons: [Dialog.okButton({ label: this.trans.__('Close') })]
    });
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
    const trans = this.trans;
    if (plan.collapsed.length === 1) {
      const side = plan.collapsed[0];
      const reopen = key(side);
      if (side === 'left') {
        return ` ${reopen ? trans.__('The left sidebar was closed to make room for the player (%1 opens it again).', reopen) : trans.__('The left sidebar was closed to make room for the player.')}`;
      }
      return ` ${reopen ? trans.__('The right sidebar was closed to make room for the player (%1 opens it again).', reopen) : trans.__('The right sidebar was closed to make room for the player.')}`;
    }
    const reopen = plan.collapsed
      .map(side => {
        const keys = key(side);
        return keys ? (side === 'left' ? trans.__('%1 opens the left one', keys) : trans.__('%1 opens the right one', keys)) : undefined;
      })
      .filter(Boolean);
    return ` ${reopen.length ? trans.__('The sidebars were closed to make room for the player (%1).', reopen.join(trans.__(', '))) : trans.__('The sidebars were closed to make room for the player.')}`;
  }
}
