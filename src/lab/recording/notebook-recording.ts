/**
 * A recording of one notebook in JupyterLab: the author's own edits to the
 * notebook's Y.Doc (local transactions that are not the player's), the cells
 * they run with the output they saw, and the step marks they add. Remote
 * collaborators' edits are not the author's and are left out.
 */
import type { YNotebook } from '@jupyter/ydoc';
import { PathExt } from '@jupyterlab/coreutils';
import { NotebookActions, type Notebook, type NotebookPanel } from '@jupyterlab/notebook';
import type { Cell } from '@jupyterlab/cells';
import { PLAYER_ORIGIN } from '../../apply/index.js';
import { outputsText, YDocRecorder, type Recording } from '../../recorder/index.js';

export class NotebookRecording {
  readonly startedAt = Date.now();
  private readonly recorder: YDocRecorder;
  private stopped = false;

  /** `withCollaborators`: also record what others editing the same notebook do (remote transactions). */
  constructor(
    readonly panel: NotebookPanel,
    withCollaborators = false
  ) {
    // JupyterLab's notebook model is a @jupyter/ydoc YNotebook, whose Y.Doc is what collaboration shares.
    this.recorder = new YDocRecorder((panel.model!.sharedModel as YNotebook).ydoc, {
      accept: transaction => (transaction.local || withCollaborators) && transaction.origin !== PLAYER_ORIGIN
    });
    NotebookActions.executed.connect(this.onExecuted);
  }

  get notebookPath(): string {
    return this.panel.context.path;
  }

  /** The author starts a new step here, titled and narrated as they said. */
  mark(title: string, narration: string): void {
    this.recorder.add({ kind: 'mark', at: Date.now(), title, ...(narration.trim() ? { narration } : {}) });
  }

  /** Stop listening and return what was recorded. */
  stop(): Recording {
    if (!this.stopped) {
      this.stopped = true;
      this.recorder.stop();
      NotebookActions.executed.disconnect(this.onExecuted);
    }
    return {
      title: PathExt.basename(this.notebookPath, PathExt.extname(this.notebookPath)),
      kernel: this.kernelName(),
      startedAt: this.startedAt,
      endedAt: Date.now(),
      initial: this.recorder.initial,
      events: this.recorder.events
    };
  }

  private readonly onExecuted = (_: unknown, args: { notebook: Notebook; cell: Cell }): void => {
    if (args.notebook !== this.panel.content || this.stopped) {
      return;
    }
    const model = args.cell.model;
    this.recorder.add({ kind: 'run', at: Date.now(), id: model.id, source: model.sharedModel.getSource(), output: outputText(args.cell) });
  };

  private kernelName(): string {
    const running = this.panel.sessionContext.session?.kernel?.name;
    const spec = this.panel.model?.getMetadata('kernelspec') as { name?: unknown } | undefined;
    return running ?? (typeof spec?.name === 'string' ? spec.name : 'python3');
  }
}

/** What the author saw as text (outputs-text.ts). */
function outputText(cell: Cell): string {
  const outputs = (cell.model as { outputs?: { toJSON(): unknown[] } }).outputs;
  return outputs ? outputsText(outputs.toJSON()) : '';
}
