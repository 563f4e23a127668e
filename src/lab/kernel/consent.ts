/**
 * The learner's permission for a tutorial to run code in their kernel: asked
 * once per tutorial before its first run, remembered for this browser session
 * (and in the notebook's metadata by the session, so a reopened notebook does
 * not ask again).
 */
import { Dialog, showDialog } from '@jupyterlab/apputils';
import { nullTranslator, type ITranslator } from '@jupyterlab/translation';

/** Tutorials the learner allowed to run code in this browser session. */
const allowed = new Set<string>();

/**
 * The translator the dialog speaks through, set once when the plugins activate
 * (as JupyterLab's own `Dialog.translator` is): the dialog is asked for from
 * deep inside a session, which need not carry the translator for it.
 */
let translator: ITranslator = nullTranslator;

export function setConsentTranslator(value: ITranslator): void {
  translator = value;
}

export function hasConsent(tutorialPath: string): boolean {
  return allowed.has(tutorialPath);
}

export function rememberConsent(tutorialPath: string): void {
  allowed.add(tutorialPath);
}

/**
 * Asks, naming the tutorial, the notebook and the kernel; "Don't run code" is
 * the default button. Resolves whether the learner allowed it (and remembers it).
 */
export async function askConsent(tutorialPath: string, what: { title: string; notebookPath: string; kernel: string }): Promise<boolean> {
  const ALLOW = 'notecast:allow-running-code';
  const trans = translator.load('notecast');
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
    rememberConsent(tutorialPath);
    return true;
  }
  return false;
}
