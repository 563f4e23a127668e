/**
 * The follower panel: docked beside a shared notebook whose teacher is
 * broadcasting, it shows where the teacher is (status line, captions, the
 * step list with the current step marked) and offers the learner's two ways
 * out: Make my copy (their own notebook and kernel, at the teacher's step)
 * and Stop following. It has the player's layout and classes, so it looks and
 * reads like a player, but it has no playback controls: the teacher plays.
 *
 * Every piece of tutorial text is set with `textContent`: it is text, never markup.
 */
import type { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import type { CommandRegistry } from '@lumino/commands';
import { CommandIDs } from '../command-ids.js';
import { DockedPanel, element, StepList } from '../ui/lazy.js';
import { followerNotice, type Follower } from './follower.js';

export const FOLLOWER_CLASS = 'jp-NotecastFollower';

export class FollowerPanel extends DockedPanel {
  readonly follower: Follower;
  private readonly trans: TranslationBundle;
  private readonly status: HTMLParagraphElement;
  private readonly caption: HTMLDivElement;
  private readonly notices: HTMLDivElement;
  private readonly steps: StepList;
  private readonly firstButton: HTMLButtonElement;
  private readonly onChanged = (): void => this.refresh();

  constructor(follower: Follower, commands: CommandRegistry, translator: ITranslator) {
    const trans = translator.load('notecast');
    const title = follower.script.title;
    const label = follower.teacherName
      ? trans.__("Following %1's tutorial %2", follower.teacherName, title)
      : trans.__('Following the tutorial %1', title);
    super({ label: trans.__('Following: %1', title), caption: label, regionLabel: label, regionClass: `jp-NotecastPlayer ${FOLLOWER_CLASS}` });
    this.follower = follower;
    this.trans = trans;
    const doc = this.node.ownerDocument;
    const uid = this.id;
    const node = this.region;

    const header = element(doc, 'div', 'jp-NotecastPlayer-header');
    header.appendChild(element(doc, 'p', 'jp-NotecastPlayer-title', label));
    header.appendChild(
      element(
        doc,
        'p',
        'jp-NotecastPlayer-description',
        trans.__('The cells arrive as the teacher plays. This notebook is shared: make your own copy to try things.')
      )
    );
    node.appendChild(header);

    const toolbar = element(doc, 'div', 'jp-NotecastPlayer-toolbar');
    toolbar.setAttribute('role', 'group');
    toolbar.setAttribute('aria-label', trans.__('Following'));
    const button = (text: string, run: () => void, command?: string): HTMLButtonElement => {
      const node = element(doc, 'button', 'jp-NotecastPlayer-button', text);
      node.type = 'button';
      if (command) {
        node.dataset.command = command;
      }
      node.addEventListener('click', run);
      toolbar.appendChild(node);
      return node;
    };
    this.firstButton = button(trans.__('Make my copy'), () => void commands.execute(CommandIDs.makeMyCopy, { follower: uid }), CommandIDs.makeMyCopy);
    button(trans.__('Say the step again'), () => follower.repeat());
    button(trans.__('Stop following'), () => void commands.execute(CommandIDs.stopFollowing, { follower: uid }), CommandIDs.stopFollowing);
    node.appendChild(toolbar);

    // Polite updates come from the announcer; the status line is for reading, not a live region.
    this.status = element(doc, 'p', 'jp-NotecastPlayer-status');
    node.appendChild(this.status);
    this.caption = element(doc, 'div', 'jp-NotecastPlayer-caption');
    this.caption.lang = translator.languageCode;
    node.appendChild(this.caption);
    this.notices = element(doc, 'div', 'jp-NotecastPlayer-notices');
    node.appendChild(this.notices);
    this.steps = new StepList(doc, uid, follower.script, trans);
    node.appendChild(this.steps.node);

    follower.changed.connect(this.onChanged);
    this.refresh();
  }

  override dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.follower.changed.disconnect(this.onChanged);
    this.follower.dispose();
    super.dispose();
  }

  /** Activated (opened, or revealed from a tab): Make my copy. */
  protected focusTarget(): HTMLElement {
    return this.firstButton;
  }

  refresh(): void {
    if (this.isDisposed) {
      return;
    }
    const { trans, follower } = this;
    const broadcast = follower.broadcast;
    const count = follower.script.steps.length;
    let status: string;
    if (!broadcast) {
      status = trans.__('The broadcast has ended.');
    } else if (broadcast.step >= count) {
      status = trans.__('The teacher reached the end of the tutorial.');
    } else {
      const step = follower.script.steps[broadcast.step];
      status = trans.__('Step %1 of %2: %3. %4', broadcast.step + 1, count, step.title, teacherState(broadcast.state, trans));
    }
    this.status.textContent = status;
    this.caption.textContent = follower.caption;
    this.steps.setCurrent(broadcast?.step ?? -1);
    const notices: string[] = [];
    const readOnly = follower.readOnly;
    if (follower.edited) {
      notices.push(followerNotice('edit', readOnly, follower.teacherLabel, trans));
    }
    if (follower.ran) {
      notices.push(followerNotice('run', readOnly, follower.teacherLabel, trans));
    }
    const signature = notices.join('\n');
    if (this.notices.dataset.signature !== signature) {
      this.notices.dataset.signature = signature;
      this.notices.replaceChildren(
        ...notices.map(text => {
          const box = element(this.node.ownerDocument, 'div', 'jp-NotecastPlayer-notice');
          box.appendChild(element(this.node.ownerDocument, 'p', undefined, text));
          return box;
        })
      );
    }
  }
}

/** The teacher's player state, as the follower reads it. */
function teacherState(state: string, trans: TranslationBundle): string {
  switch (state) {
    case 'playing':
    case 'waiting-for-kernel':
      return trans.__('The teacher is playing.');
    case 'waiting-for-learner':
      return trans.__('The teacher paused for an exercise.');
    case 'taken-over':
      return trans.__('The teacher is working in the notebook.');
    case 'ended':
      return trans.__('The teacher reached the end.');
    default:
      return trans.__('The teacher paused.');
  }
}
