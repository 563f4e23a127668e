/**
 * The recorder's commands: start and stop recording the current notebook,
 * and mark a new step while recording (keys in schema/plugin.json, buttons
 * in the notebook's toolbar through `jupyter.lab.toolbars`). What recording
 * needs loads on demand with the first one (recording/session.ts).
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { IDocumentManager } from '@jupyterlab/docmanager';
import type { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import type { ITranslator } from '@jupyterlab/translation';
import type { INotecastAnnouncer } from '../tokens.js';
import { CommandIDs } from '../command-ids.js';
import type { RecordingSession } from './session.js';

export function addRecordingCommands(
  app: JupyterFrontEnd,
  notebooks: INotebookTracker,
  docManager: IDocumentManager,
  announcer: INotecastAnnouncer,
  translator: ITranslator
): void {
  const trans = translator.load('notecast');
  const sessions = new Map<NotebookPanel, RecordingSession>();
  const current = () => notebooks.currentWidget ?? undefined;
  const recording = () => {
    const panel = current();
    return panel ? sessions.get(panel) : undefined;
  };
  const changed = () => {
    for (const id of [CommandIDs.startRecording, CommandIDs.stopRecording, CommandIDs.recordingNewStep]) {
      app.commands.notifyCommandChanged(id);
    }
  };
  notebooks.currentChanged.connect(changed);

  app.commands.addCommand(CommandIDs.startRecording, {
    label: args => (args.toolbar ? trans.__('Record') : trans.__('Record Notebook as Tutorial')),
    caption: trans.__('Record your edits and runs in this notebook, to write them as a tutorial'),
    isEnabled: () => !!current() && !recording(),
    isVisible: () => !recording(),
    // `{ collaborators: true }` records the edits of others in the same notebook too (collaboration).
    execute: async args => {
      const panel = current();
      if (!panel || sessions.has(panel)) {
        return;
      }
      await panel.context.ready;
      const { RecordingSession } = await import('./lazy.js');
      const session = new RecordingSession(panel, { app, docManager, announcer, trans }, args.collaborators === true);
      sessions.set(panel, session);
      // Closing the notebook ends its recording, keeping nothing half-written.
      panel.disposed.connect(() => {
        sessions.get(panel)?.dispose();
        sessions.delete(panel);
        changed();
      });
      changed();
    }
  });

  app.commands.addCommand(CommandIDs.stopRecording, {
    label: args => (args.toolbar ? trans.__('Stop') : trans.__('Stop Recording')),
    caption: trans.__('Stop recording and write the tutorial next to the notebook'),
    isEnabled: () => !!recording(),
    isVisible: () => !!recording(),
    execute: async () => {
      const panel = current();
      const session = panel && sessions.get(panel);
      if (!panel || !session) {
        return;
      }
      sessions.delete(panel);
      changed();
      return session.stop();
    }
  });

  app.commands.addCommand(CommandIDs.recordingNewStep, {
    label: trans.__('New Step in the Recording…'),
    caption: trans.__('Start a new step of the tutorial here, with its title and narration'),
    isEnabled: () => !!recording(),
    execute: () => recording()?.newStep()
  });
}
