/**
 * The learner's permission for a tutorial to run code in their kernel: asked
 * once per tutorial before its first run, remembered for this browser session
 * (and in the notebook's metadata by the session, so a reopened notebook does
 * not ask again). One `KernelConsent` per app, owned by the opener, which
 * hands it to every session it starts.
 */
import { Dialog, showDialog } from '@jupyterlab/apputils';
import type { ITranslator } from '@jupyterlab/translation';

export class KernelConsent {
  /** Tutorials the learner allowed to run code in this browser session. */
  private readonly allowed = new Set<string>();

  /** `translator`: the words of the dialog, which a session asks for from deep inside. */
  constructor(private readonly translator: ITranslator) {}

  has(tutorialPath: string): boolean {
    return this.allowed.has(tutorialPath);
  }

  remember(tutorialPath: string): void {
    this.allowed.add(tutorialPath);
  }

  /**
   * Asks, naming the tutorial, the notebook and the kernel; "Don't run code" is
   * the default button. Resolves whether the learner allowed it (and remembers it).
   */
  async ask(tutorialPath: string, what: { title: string; notebookPath: string; kernel: string }): Promise<boolean> {
    const ALLOW = 'notecast:allow-running-code';
    const trans = this.translator.load('notecast');
    const result = await showDialog({
      title: trans.__('This tutorial will run code in your kernel'),
      body: trans.__(
        '"%1" types code into %2 and runs it in the %3 kernel, as if you pressed Run yourself. Allow it only if you trust where this tutorial comes from.',
        what.title,
        what.notebookPath,
        what.kernel
      ),
      buttons: [Dialog.cancelButton({ label: trans.__("Don't run code") }), Dialog.okButton({ label: trans.__('Allow running code'), actions: [ALLOW] })],
      defaultButton: 0
    });
    if (result.button.accept && result.button.actions.includes(ALLOW)) {
      this.remember(tutorialPath);
      return true;
    }
    return false;
  }
}
