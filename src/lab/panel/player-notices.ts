/**
 * What the learner should know about the player's state, as notices with
 * their one action: the notebook it made, why it stopped, a step that cannot
 * continue, cells the kernel has not run (Run cells up to here), the tutorial
 * file changed on disk (Reload tutorial).
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import type { CommandRegistry } from '@lumino/commands';
import { CommandIDs } from '../command-ids.js';
import { element } from '../ui/lazy.js';
import type { TutorialSession } from '../session/lazy.js';
import { cellsPhrase } from '../announce/index.js';

interface NoticeAction {
  label: string;
  run: () => void;
}

export class PlayerNotices {
  readonly node: HTMLDivElement;

  constructor(
    private readonly doc: Document,
    private readonly session: TutorialSession,
    private readonly commands: CommandRegistry,
    private readonly trans: TranslationBundle
  ) {
    this.node = element(doc, 'div', 'jp-NotecastPlayer-notices');
  }

  render(): void {
    const { session, trans } = this;
    const notices: HTMLElement[] = [];
    const notice = (text: string, action?: NoticeAction): void => {
      notices.push(this.notice(text, action));
    };
    if (session.notebookNotice) {
      notice(session.notebookNotice);
    }
    if (session.stoppedReason) {
      notice(session.stoppedReason);
    } else {
      if (session.conflict) {
        notice(trans.__("This step cannot continue: %1 Press Resume to restore the tutorial's state, or Next step to skip.", session.conflict));
      }
      if (session.pointNotice) {
        notice(session.pointNotice, { label: trans.__('Skip'), run: () => void session.skipPoint() });
      }
      if (session.rebuild.length) {
        const numbers = session.cellNumbers(session.rebuild);
        notice(trans.__('The kernel has not run %1 for this step.', cellsPhrase(numbers, trans)), {
          label: trans.__('Run cells up to here'),
          run: () => void this.commands.execute(CommandIDs.runToHere)
        });
      }
      if (session.fileChanged) {
        notice(trans.__('The tutorial file changed on disk.'), {
          label: trans.__('Reload tutorial'),
          run: () => void this.commands.execute(CommandIDs.open, { path: session.tutorialPath, reload: true })
        });
      }
    }
    // Rebuild only when the text changed, so focus on a notice's button survives updates.
    const signature = notices.map(n => n.textContent).join('\n');
    if (this.node.dataset.signature !== signature) {
      this.node.dataset.signature = signature;
      this.node.replaceChildren(...notices);
    }
  }

  private notice(text: string, action?: NoticeAction): HTMLElement {
    const box = element(this.doc, 'div', 'jp-NotecastPlayer-notice');
    box.appendChild(element(this.doc, 'p', undefined, text));
    if (action) {
      const button = element(this.doc, 'button', 'jp-NotecastPlayer-button', action.label);
      button.type = 'button';
      button.addEventListener('click', action.run);
      box.appendChild(button);
    }
    return box;
  }
}
