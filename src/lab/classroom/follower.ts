/**
 * A learner following a teacher's broadcast in a shared notebook: reads the
 * teacher's position from the document's awareness (classroom/teacher-broadcast.ts publishes
 * it), and says each step the teacher reaches through the learner's own
 * announcer, worded by the learner's own presenter: their language, their
 * verbosity, and their speech setting (the announcer speaks when it is on).
 *
 * The follower never writes the shared document. What the learner does there
 * themselves is noticed (a cell edited or run) so the panel can say what it
 * does: with Notecast's server extension the room is read-only while the
 * teacher broadcasts (an edit stays in the learner's tab; the room says so in
 * its awareness), without it an edit reaches everyone; a run always runs in
 * the notebook's kernel, which is everyone's.
 */
import type { YNotebook } from '@jupyter/ydoc';
import type { NotebookPanel } from '@jupyterlab/notebook';
import { NotebookActions } from '@jupyterlab/notebook';
import type { TranslationBundle } from '@jupyterlab/translation';
import { Signal, type ISignal } from '@lumino/signaling';
import * as Y from 'yjs';
import type { Script } from '../../format/index.js';
import { Presenter, roomReadOnlyFor, type Broadcaster, type BroadcastState } from '../../session/index.js';
import type { INotecastAnnouncer } from '../tokens.js';
import { broadcastersOf } from './broadcasters.js';
import type { Preferences } from '../settings/index.js';

export interface FollowerOptions {
  panel: NotebookPanel;
  /** The awareness client id of the teacher's tab. */
  teacher: number;
  /** The teacher's name, as the offer said it. */
  teacherName: string;
  script: Script;
  announcer: INotecastAnnouncer;
  trans: TranslationBundle;
  preferences: () => Preferences;
}

export class Follower {
  readonly teacher: number;
  readonly teacherName: string;
  readonly script: Script;
  readonly panel: NotebookPanel;
  private readonly options: FollowerOptions;
  private readonly presenter: Presenter;
  private readonly trans: TranslationBundle;
  private readonly changedSignal = new Signal<this, void>(this);
  private readonly unsubscribe: Array<() => void> = [];
  private current: BroadcastState | undefined;
  private last: BroadcastState | undefined;
  private spokenStep: number | undefined;
  private editedFlag = false;
  private ranFlag = false;
  private endedFlag = false;

  constructor(options: FollowerOptions) {
    this.options = options;
    this.teacher = options.teacher;
    this.teacherName = options.teacherName;
    this.script = options.script;
    this.panel = options.panel;
    this.trans = options.trans;
    this.presenter = new Presenter(options.trans);
    const awareness = this.ynotebook.awareness;
    const onChange = (): void => this.read();
    awareness.on('change', onChange);
    this.unsubscribe.push(() => awareness.off('change', onChange));
    this.watchLearner();
    this.read();
  }

  get ynotebook(): YNotebook {
    return this.panel.content.model!.sharedModel as YNotebook;
  }

  /** Where the teacher is; undefined once the broadcast ended. */
  get broadcast(): BroadcastState | undefined {
    return this.current;
  }

  /** The last position the teacher broadcast, also after the broadcast ended. */
  get lastBroadcast(): BroadcastState | undefined {
    return this.last;
  }

  /** The broadcast ended: the teacher turned it off, closed the player or left. */
  get ended(): boolean {
    return this.endedFlag;
  }

  /** The learner edited a cell of the shared notebook while following. */
  get edited(): boolean {
    return this.editedFlag;
  }

  /** The learner ran a cell of the shared notebook while following. */
  get ran(): boolean {
    return this.ranFlag;
  }

  /** The room takes no one's edits but the teacher's (the server says so while the teacher broadcasts). */
  get readOnly(): boolean {
    return roomReadOnlyFor(this.ynotebook.awareness.getStates(), this.teacher);
  }

  /** What the captions show: the narration of the teacher's step. */
  get caption(): string {
    const step = this.current ? this.script.steps[this.current.step] : undefined;
    return step?.narration ?? '';
  }

  get changed(): ISignal<this, void> {
    return this.changedSignal;
  }

  /** Say the teacher's step and its narration again, on request. */
  repeat(): void {
    this.say(true);
  }

  dispose(): void {
    this.unsubscribe.splice(0).forEach(stop => stop());
    Signal.clearData(this);
  }

  private read(): void {
    const teacher: Broadcaster | undefined = broadcastersOf(this.ynotebook).find(b => b.clientId === this.teacher);
    // A broadcast of another tutorial in this notebook is not the one being followed.
    const broadcast = teacher && teacher.broadcast.steps === this.script.steps.length ? teacher.broadcast : undefined;
    const previous = this.current;
    if (!broadcast) {
      if (!this.endedFlag) {
        this.current = undefined;
        this.endedFlag = true;
        if (previous) {
          this.options.announcer.announce(this.trans.__('%1 stopped broadcasting. The notebook stays as it is.', this.teacherLabel));
        }
        this.changedSignal.emit();
      }
      return;
    }
    this.endedFlag = false;
    this.current = this.last = broadcast;
    if (broadcast.step !== this.spokenStep) {
      this.say(false);
    }
    if (!previous || previous.step !== broadcast.step || previous.state !== broadcast.state) {
      this.changedSignal.emit();
    }
  }

  /** The teacher's name, or "The teacher" when the server gave none. */
  get teacherLabel(): string {
    return this.teacherName || this.trans.__('The teacher');
  }

  private say(again: boolean): void {
    const broadcast = this.current;
    if (!broadcast) {
      if (again) {
        this.options.announcer.announce(this.trans.__('%1 is not broadcasting now.', this.teacherLabel));
      }
      return;
    }
    this.spokenStep = broadcast.step;
    const count = this.script.steps.length;
    if (broadcast.step >= count) {
      this.options.announcer.announce(this.trans.__('Tutorial finished.'));
      return;
    }
    const step = this.script.steps[broadcast.step];
    const announcement = {
      kind: 'step-started',
      politeness: 'polite',
      index: broadcast.step,
      count,
      title: step.title,
      narration: step.narration
    } as const;
    const options = { verbosity: this.options.preferences().verbosity };
    const lang = this.script.lang ?? 'en';
    this.options.announcer.announce(this.presenter.parts(announcement, lang, options), 'polite', { lang });
  }

  /** Notice the learner's own edits and runs in the shared notebook (never the teacher's, which arrive from the room). */
  private watchLearner(): void {
    const ydoc = this.ynotebook.ydoc;
    // YNotebook keeps its cells in the document's `cells` array (@jupyter/ydoc 4).
    const cells = ydoc.getArray('cells');
    const onTransaction = (transaction: Y.Transaction): void => {
      // Updates from the room are applied as remote transactions; only this tab's own are local.
      if (!transaction.local || this.editedFlag) {
        return;
      }
      const touchesCells = [...transaction.changed.keys()].some(type => type === cells || type instanceof Y.Text);
      if (touchesCells) {
        this.learnerActed('edit');
      }
    };
    ydoc.on('afterTransaction', onTransaction);
    this.unsubscribe.push(() => ydoc.off('afterTransaction', onTransaction));
    const onScheduled = (_: unknown, args: { notebook: unknown }): void => {
      if (args.notebook === this.panel.content) {
        this.learnerActed('run');
      }
    };
    NotebookActions.executionScheduled.connect(onScheduled);
    this.unsubscribe.push(() => NotebookActions.executionScheduled.disconnect(onScheduled));
  }

  private learnerActed(act: 'edit' | 'run'): void {
    if (act === 'edit' ? this.editedFlag : this.ranFlag) {
      return;
    }
    if (act === 'edit') {
      this.editedFlag = true;
    } else {
      this.ranFlag = true;
    }
    this.options.announcer.announce(followerNotice(act, this.readOnly, this.teacherLabel, this.trans), 'assertive');
    this.changedSignal.emit();
  }
}

/** What a follower is told when they edit (`edit`) or run (`run`) a cell of the shared notebook. */
export function followerNotice(act: 'edit' | 'run', readOnly: boolean, teacher: string, trans: TranslationBundle): string {
  if (act === 'run') {
    return trans.__(
      'This notebook is shared: code you run here runs in its kernel, for %1 and everyone following. Press Make my copy to try things in your own copy.',
      teacher
    );
  }
  return readOnly
    ? trans.__(
        'This notebook is read-only while %1 broadcasts: what you type here stays in this tab, and no one else sees it. Press Make my copy to try things in your own copy.',
        teacher
      )
    : trans.__(
        'This notebook is shared: what you change or run here changes it for %1 and everyone following. Press Make my copy to try things in your own copy.',
        teacher
      );
}
