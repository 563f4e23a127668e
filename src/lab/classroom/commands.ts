/**
 * The classroom's commands, over jupyter-collaboration: Broadcast (a
 * teacher's player publishes its position), Follow and Stop following (a
 * learner's panel beside the shared notebook), Make my copy (the learner's
 * own notebook at the teacher's step). Registered always, so their ids stay
 * stable, but shown and enabled only when collaboration is there: without it
 * a notebook's document is this tab's alone and nobody could follow.
 *
 * What this file does at start-up is small: the commands, and a look at each
 * opened notebook's awareness for a `notecast` field. Everything else — the
 * broadcast, the follower, its panel, the copy — loads with the first use
 * (classroom/active-classroom.ts).
 */
import type { YNotebook } from '@jupyter/ydoc';
import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import type { ITranslator } from '@jupyterlab/translation';
import type { Classroom, ClassroomOptions } from './active-classroom.js';
import { CommandIDs } from '../command-ids.js';
import type { NotecastTracker } from '../panel/index.js';

export interface ClassroomCommandsOptions extends Omit<ClassroomOptions, 'changed'> {
  app: JupyterFrontEnd;
  tracker: NotecastTracker;
  notebooks: INotebookTracker | null;
  translator: ITranslator;
}

/** The awareness field a broadcasting player sets (`BROADCAST_FIELD` of src/session, not imported here to keep start-up small). */
const FIELD = 'notecast';

export function addClassroomCommands(options: ClassroomCommandsOptions): void {
  const { app, tracker, notebooks, translator } = options;
  const { commands } = app;
  const trans = translator.load('notecast');
  let classroom: Classroom | undefined;
  const changed = (): void => {
    for (const id of [CommandIDs.broadcast, CommandIDs.follow, CommandIDs.stopFollowing, CommandIDs.makeMyCopy]) {
      commands.notifyCommandChanged(id);
    }
  };
  const load = async (): Promise<Classroom> => {
    if (!classroom) {
      const { Classroom } = await import('./lazy.js');
      classroom ??= new Classroom({ ...options, changed });
    }
    return classroom;
  };
  const playerFor = (args: { readonly player?: unknown }) => tracker.playerFrom(args);
  const currentNotebook = (): NotebookPanel | undefined => notebooks?.currentWidget ?? undefined;
  const followerArg = (args: { readonly follower?: unknown }): string | undefined => (typeof args.follower === 'string' ? args.follower : undefined);

  commands.addCommand(CommandIDs.broadcast, {
    label: trans.__('Broadcast'),
    caption: trans.__('Share where your player is with everyone who has this notebook open, so they can follow'),
    isVisible: () => options.collaborative,
    isEnabled: args => {
      const player = playerFor(args);
      return options.collaborative && player !== undefined && player.session.stoppedReason === undefined;
    },
    isToggled: args => {
      const player = playerFor(args);
      return player !== undefined && classroom?.isBroadcasting(player) === true;
    },
    execute: async args => {
      const player = playerFor(args);
      if (!player || !options.collaborative) {
        return;
      }
      (await load()).toggleBroadcast(player);
    }
  });

  commands.addCommand(CommandIDs.follow, {
    label: trans.__('Follow the Broadcast Tutorial'),
    caption: trans.__('Follow the tutorial a teacher is broadcasting in this notebook: their steps, captions and narration'),
    isVisible: () => options.collaborative,
    isEnabled: () => options.collaborative && currentNotebook() !== undefined,
    // `path`: the notebook to follow in (the opener's, when a tutorial was opened in a broadcast notebook).
    execute: async args => {
      const path = typeof args.path === 'string' ? args.path : undefined;
      const panel = path ? notebooks?.find(widget => widget.context.path === path) : currentNotebook();
      if (panel) {
        await (await load()).follow(panel);
      }
    }
  });

  commands.addCommand(CommandIDs.stopFollowing, {
    label: trans.__('Stop Following'),
    caption: trans.__('Close the follower panel; the notebook stays open as it is'),
    isVisible: () => options.collaborative,
    isEnabled: args => classroom?.followerFor(followerArg(args), currentNotebook()) !== undefined,
    execute: args => classroom?.stopFollowing(followerArg(args), currentNotebook())
  });

  commands.addCommand(CommandIDs.makeMyCopy, {
    label: trans.__('Make My Copy'),
    caption: trans.__("Save a copy of the shared notebook at the teacher's step, with its own kernel, and continue the tutorial there"),
    isVisible: () => options.collaborative,
    isEnabled: args => classroom?.followerFor(followerArg(args), currentNotebook()) !== undefined,
    execute: args => classroom?.makeMyCopy(followerArg(args), currentNotebook())
  });

  if (options.collaborative && notebooks) {
    notebooks.widgetAdded.connect((_, panel) => void watchForBroadcasts(panel, () => load()));
    notebooks.currentChanged.connect(changed);
  }
}

/** Offers to follow once someone broadcasts in `panel`'s document (at opening, or later). */
async function watchForBroadcasts(panel: NotebookPanel, load: () => Promise<Classroom>): Promise<void> {
  await panel.context.ready;
  const model = panel.content.model;
  if (!model || panel.isDisposed) {
    return;
  }
  const awareness = (model.sharedModel as YNotebook).awareness;
  const look = (): void => {
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId !== awareness.clientID && state?.[FIELD]) {
        void load().then(classroom => classroom.offer(panel));
        return;
      }
    }
  };
  awareness.on('change', look);
  panel.disposed.connect(() => awareness.off('change', look));
  look();
}
