/**
 * The classroom, once used: the players broadcasting from this tab, the
 * follower panels open in it, the offers made, and Make my copy. Loaded on
 * demand by classroom/commands.ts, with everything a follower needs (the
 * tutorial's loader, the presenter).
 */
import type { YNotebook } from '@jupyter/ydoc';
import type { JupyterFrontEnd } from '@jupyterlab/application';
import { Notification, showErrorMessage } from '@jupyterlab/apputils';
import { PathExt } from '@jupyterlab/coreutils';
import type { NotebookPanel } from '@jupyterlab/notebook';
import type { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import type { Broadcaster } from '../../session/index.js';
import type { INotecastAnnouncer } from '../tokens.js';
import { TutorialBroadcast } from './teacher-broadcast.js';
import { awaitBroadcaster, broadcastersOf } from './broadcasters.js';
import { CommandIDs } from '../command-ids.js';
import { formatProblem, loadTutorial } from '../tutorial/lazy.js';
import { Follower } from './follower.js';
import { FollowerPanel } from './follower-panel.js';
import { makeMyCopy } from './my-copy.js';
import { errorMessage, sentence } from '../announce/index.js';
import type { PlayerPanel } from '../panel/lazy.js';
import type { PlayerDock } from '../shell/index.js';
import type { INotecastPreferences, INotecastTracker } from '../tokens.js';

/** How long Follow waits for a just-opened notebook to hear who is broadcasting in its room. */
const AWARENESS_WAIT_MS = 5_000;

export interface ClassroomOptions {
  app: JupyterFrontEnd;
  tracker: INotecastTracker;
  announcer: INotecastAnnouncer;
  preferences: INotecastPreferences;
  translator: ITranslator;
  /** Where follower panels dock beside their notebooks (shell/player-dock.ts). */
  dock: Promise<PlayerDock>;
  /** Whether jupyter-collaboration is there: its content provider was found. */
  collaborative: boolean;
  /** The commands' state changed (broadcasting, following). */
  changed: () => void;
}

export class Classroom {
  private readonly options: ClassroomOptions;
  private readonly trans: TranslationBundle;
  private readonly broadcasts = new Map<PlayerPanel, TutorialBroadcast>();
  private readonly followers = new Set<FollowerPanel>();
  /** Per notebook, the teachers (awareness client ids) already offered: each is offered once. */
  private readonly offered = new WeakMap<NotebookPanel, Set<number>>();

  constructor(options: ClassroomOptions) {
    this.options = options;
    this.trans = options.translator.load('notecast');
  }

  isBroadcasting(player: PlayerPanel): boolean {
    return this.broadcasts.get(player)?.isOn === true;
  }

  toggleBroadcast(player: PlayerPanel): void {
    const { announcer } = this.options;
    const running = this.broadcasts.get(player);
    if (running) {
      running.end();
      this.broadcasts.delete(player);
      announcer.announce(this.trans.__('Broadcast off. Followers keep the notebook as it is.'));
    } else {
      const broadcast = new TutorialBroadcast(player.session);
      this.broadcasts.set(player, broadcast);
      player.disposed.connect(() => {
        broadcast.end();
        this.broadcasts.delete(player);
        this.options.changed();
      });
      announcer.announce(
        this.trans.__(
          'Broadcasting. Everyone who opens %1 can follow your steps. Anyone with access can also edit it: ask learners to press Make my copy to try things.',
          PathExt.basename(player.session.notebookPath)
        )
      );
    }
    this.options.changed();
  }

  /** Offer to follow each teacher broadcasting in `panel` who was not offered yet (a notification with Follow). */
  offer(panel: NotebookPanel): void {
    if (panel.isDisposed || this.followerOf(panel) || this.options.tracker.playerFor(panel.context.path)) {
      return;
    }
    const offered = this.offered.get(panel) ?? new Set<number>();
    this.offered.set(panel, offered);
    for (const teacher of this.broadcasters(panel)) {
      if (offered.has(teacher.clientId)) {
        continue;
      }
      offered.add(teacher.clientId);
      const name = PathExt.basename(panel.context.path);
      const message = teacher.name
        ? this.trans.__('%1 is broadcasting the tutorial %2 in %3.', teacher.name, teacher.broadcast.title, name)
        : this.trans.__('Someone is broadcasting the tutorial %1 in %2.', teacher.broadcast.title, name);
      Notification.info(message, {
        autoClose: false,
        actions: [{ label: this.trans.__('Follow'), callback: () => void this.follow(panel, teacher.clientId), displayType: 'accent' }]
      });
      this.options.announcer.announce(`${message} ${this.trans.__('Choose Follow in the notification, or the command Follow the Broadcast Tutorial.')}`);
    }
  }

  /** Open the follower panel beside `panel` for `teacher` (default: the latest broadcaster there). */
  async follow(panel: NotebookPanel, teacherId?: number): Promise<FollowerPanel | undefined> {
    const { app, announcer } = this.options;
    const existing = this.followerOf(panel);
    if (existing) {
      app.shell.activateById(existing.id);
      return existing;
    }
    await panel.context.ready;
    const teacher = await this.teacherIn(panel, teacherId);
    if (!teacher) {
      announcer.announce(this.trans.__('Nobody is broadcasting a tutorial in %1.', PathExt.basename(panel.context.path)), 'assertive');
      return undefined;
    }
    const script = await this.loadScript(teacher);
    if (!script || panel.isDisposed || this.followerOf(panel)) {
      return this.followerOf(panel);
    }
    const follower = new Follower({
      panel,
      teacher: teacher.clientId,
      teacherName: teacher.name,
      script,
      announcer,
      trans: this.trans,
      preferences: () => this.options.preferences.current
    });
    const widget = new FollowerPanel(follower, app.commands, this.options.translator);
    this.followers.add(widget);
    const closeWithNotebook = (): void => widget.dispose();
    panel.disposed.connect(closeWithNotebook);
    widget.disposed.connect(() => {
      this.followers.delete(widget);
      panel.disposed.disconnect(closeWithNotebook);
      this.options.changed();
    });
    follower.changed.connect(() => this.options.changed());
    const dock = await this.options.dock;
    await dock.dock(widget, panel);
    this.options.changed();
    return widget;
  }

  /** The follower panel the commands act on: by id, else the current notebook's, else the only one. */
  followerFor(id: string | undefined, current: NotebookPanel | undefined): FollowerPanel | undefined {
    if (id !== undefined) {
      return [...this.followers].find(widget => widget.id === id);
    }
    const inFocus = [...this.followers].find(widget => widget.node.contains(document.activeElement));
    return inFocus ?? (current && this.followerOf(current)) ?? (this.followers.size === 1 ? [...this.followers][0] : undefined);
  }

  stopFollowing(id: string | undefined, current: NotebookPanel | undefined): void {
    const widget = this.followerFor(id, current);
    if (!widget) {
      return;
    }
    const title = widget.follower.script.title;
    widget.dispose();
    this.options.announcer.announce(this.trans.__('Stopped following %1. The notebook stays open as it is.', title));
  }

  /** Save the learner's copy at the teacher's step and continue the tutorial there, as the learner's own session. */
  async makeMyCopy(id: string | undefined, current: NotebookPanel | undefined): Promise<void> {
    const { app, announcer, preferences } = this.options;
    const widget = this.followerFor(id, current);
    const broadcast = widget?.follower.lastBroadcast;
    if (!widget || !broadcast) {
      return;
    }
    const panel = widget.follower.panel;
    const identity = app.serviceManager.user.identity;
    let path: string;
    try {
      path = await makeMyCopy({
        contents: app.serviceManager.contents,
        ynotebook: widget.follower.ynotebook,
        notebookPath: panel.context.path,
        tutorialPath: broadcast.tutorial,
        step: broadcast.step,
        user: copyOwner(identity),
        folder: preferences.current.copyFolder,
        trans: this.trans
      });
    } catch (error) {
      const why = this.trans.__('Could not make your copy: %1 Nothing was written over. Check the folder and try again.', sentence(errorMessage(error)));
      announcer.announce(why, 'assertive');
      await showErrorMessage(this.trans.__('Could not make your copy'), why);
      return;
    }
    announcer.announce(
      this.trans.__(
        'Your copy %1 is saved. It opens with the tutorial at step %2, with its own kernel; run the cells up to there when asked. Follow again at any time from the shared notebook.',
        PathExt.basename(path),
        Math.min(broadcast.step + 1, broadcast.steps)
      )
    );
    await app.commands.execute(CommandIDs.open, { path: broadcast.tutorial, notebook: path });
  }

  private followerOf(panel: NotebookPanel): FollowerPanel | undefined {
    return [...this.followers].find(widget => widget.follower.panel === panel);
  }

  /** The teacher to follow in `panel`: `teacherId`, else the latest broadcaster; waits a little for a notebook just opened. */
  private teacherIn(panel: NotebookPanel, teacherId: number | undefined): Promise<Broadcaster | undefined> {
    const model = panel.content.model;
    return model
      ? awaitBroadcaster(model.sharedModel as YNotebook, AWARENESS_WAIT_MS, b => teacherId === undefined || b.clientId === teacherId)
      : Promise.resolve(undefined);
  }

  private broadcasters(panel: NotebookPanel): Broadcaster[] {
    const model = panel.content.model;
    return model ? broadcastersOf(model.sharedModel as YNotebook) : [];
  }

  /** The broadcast tutorial, loaded from the same server (the path is the teacher's, from the server's root). */
  private async loadScript(teacher: Broadcaster) {
    const { app, announcer } = this.options;
    const path = teacher.broadcast.tutorial;
    try {
      const model = await app.serviceManager.contents.get(path, { content: true, type: 'file', format: 'text' });
      const loaded = await loadTutorial(path, String(model.content ?? ''));
      if (loaded.script) {
        return loaded.script;
      }
      const first = loaded.problems.find(problem => problem.severity === 'error');
      throw new Error(first ? formatProblem(first, this.trans) : this.trans.__('the tutorial has errors'));
    } catch (error) {
      announcer.announce(this.trans.__('Could not follow the tutorial %1: %2', path, sentence(errorMessage(error))), 'assertive');
      return undefined;
    }
  }
}

/**
 * The user's part of the copy's name: their user name; on a server without accounts, where the
 * user name is a random id (jupyter_server's anonymous users), the name it goes with ("Anonymous Io").
 */
function copyOwner(identity: { username?: string; name?: string } | null): string {
  const username = identity?.username ?? '';
  return (/^[0-9a-f]{32}$/.test(username) ? identity?.name : username) || identity?.name || '';
}
