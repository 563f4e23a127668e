/**
 * Recording a notebook in JupyterLab, from start to the tutorial file: the
 * sign in the notebook's toolbar, the step marks, and on stop the tutorial
 * written next to the notebook as `<stem>-recording.md` (the next free name:
 * never over a file) and opened for the author to edit.
 *
 * Loaded on demand with the first recording, like the player (open/lazy.ts).
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import { PathExt } from '@jupyterlab/coreutils';
import type { IDocumentManager } from '@jupyterlab/docmanager';
import type { NotebookPanel } from '@jupyterlab/notebook';
import type { TranslationBundle } from '@jupyterlab/translation';
import { tutorialFromRecording, type RecordingNote } from '../../recorder/index.js';
import type { INotecastAnnouncer } from '../tokens.js';
import { createFile, freeName } from '../notebook/lazy.js';
import { NotebookRecording } from './notebook-recording.js';
import { RecordingIndicator } from './indicator.js';
import { askForStep } from './step-dialog.js';

/** Where the sign sits in the notebook's toolbar: after the kernel's name and status, at the end. */
const INDICATOR_NAME = 'notecast-recording';

export interface RecordingContext {
  app: JupyterFrontEnd;
  docManager: IDocumentManager;
  announcer: INotecastAnnouncer;
  trans: TranslationBundle;
}

export class RecordingSession {
  private readonly recording: NotebookRecording;
  private readonly indicator: RecordingIndicator;
  private marks = 0;

  constructor(
    readonly panel: NotebookPanel,
    private readonly context: RecordingContext,
    withCollaborators = false
  ) {
    this.recording = new NotebookRecording(panel, withCollaborators);
    this.indicator = new RecordingIndicator(this.recording.startedAt, context.trans);
    panel.toolbar.addItem(INDICATOR_NAME, this.indicator);
    const trans = context.trans;
    context.announcer.announce(
      trans.__('Recording %1. Your edits and runs are recorded; Stop Recording writes them as a tutorial.', PathExt.basename(panel.context.path))
    );
  }

  /** Ask for a title and narration, and start a new step there. */
  async newStep(): Promise<void> {
    const trans = this.context.trans;
    const mark = await askForStep(trans, trans.__('Step %1', this.marks + 1));
    if (!mark || this.panel.isDisposed) {
      return;
    }
    this.marks++;
    this.recording.mark(mark.title, mark.narration);
    this.context.announcer.announce(trans.__('New step: %1.', mark.title));
  }

  /**
   * Stop, write the tutorial next to the notebook and open it. Resolves to
   * its path, or undefined when it could not be written (said, with why).
   */
  async stop(): Promise<string | undefined> {
    const { app, docManager, announcer, trans } = this.context;
    const recording = this.recording.stop();
    this.indicator.dispose();
    const { markdown, notes, steps } = tutorialFromRecording(recording, {
      placeholderNarration: trans.__('Describe what happens in this step.'),
      stepTitle: n => trans.__('Step %1', n)
    });
    const notebookPath = this.panel.context.path;
    const dir = PathExt.dirname(notebookPath);
    const stem = `${PathExt.basename(notebookPath, PathExt.extname(notebookPath))}-recording`;
    const contents = app.serviceManager.contents;
    let path: string | undefined;
    try {
      // A file may take the free name between the lookup and the write: then the next one.
      for (let first = 0; first < 100 && !path; first++) {
        const candidate = await freeName(contents, dir, stem, '.md', first, trans);
        if (await createFile(contents, candidate, { type: 'file', format: 'text', content: markdown })) {
          path = candidate;
        }
      }
    } catch (error) {
      announcer.announce(
        trans.__(
          'Could not write the recording next to %1: %2. Check that you may write to that folder, then stop again.',
          notebookPath,
          error instanceof Error ? error.message : String(error)
        ),
        'assertive'
      );
      return undefined;
    }
    if (!path) {
      announcer.announce(trans.__('Could not find a free name for the recording next to %1.', notebookPath), 'assertive');
      return undefined;
    }
    docManager.openOrReveal(path);
    announcer.announce(this.describe(path, steps, notes));
    return path;
  }

  /** Dispose without writing (the notebook closed while recording). */
  dispose(): void {
    this.recording.stop();
    this.indicator.dispose();
  }

  private noteText(note: RecordingNote): string {
    const trans = this.context.trans;
    switch (note.kind) {
      case 'moved-cell':
        return trans.__('a cell was moved; the tutorial deletes it and creates it again there.');
      case 'run-source-differs':
        return trans.__('a cell ran text that differs from what was recorded in it; check this step.');
      default:
        return trans.__('an edit to a cell the recording did not see created was left out.');
    }
  }

  private describe(path: string, steps: number, notes: RecordingNote[]): string {
    const trans = this.context.trans;
    const written = trans._n('Recording stopped: %2 has %1 step.', 'Recording stopped: %2 has %1 steps.', steps, PathExt.basename(path));
    const placeholders = notes.filter(note => note.kind === 'placeholder-narration').map(note => note.line);
    let text = written;
    if (placeholders.length) {
      text += ` ${trans._n(
        'Write the narration on line %2.',
        'Write the narrations on lines %2.',
        placeholders.length,
        placeholders.join(trans.__(', '))
      )}`;
    }
    for (const note of notes) {
      if (note.kind !== 'placeholder-narration') {
        text += ` ${trans.__('Line %1: %2', note.line, this.noteText(note))}`;
      }
    }
    return text;
  }
}
