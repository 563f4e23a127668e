/**
 * The learner's permission for a tutorial to run code in their kernel: asked
 * once per tutorial before its first run, remembered for this browser session
 * (and in the notebook's metadata by the session, so a reopened notebook does
 * not ask again).
 */
import { Dialog, showDialog } from '@jupyterlab/apputils';

/** Tutorials the learner allowed to run code in this browser session. */
const allowed = new Set<string>();

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
  const result = await showDialog({
    title: 'This tutorial will run code in your kernel',
    body:
      `"${what.title}" types code into ${what.notebookPath} and runs it in the ${what.kernel} kernel, ` +
      'as if you pressed Run yourself. Allow it only if you trust where this tutorial comes from.',
    buttons: [Dialog.cancelButton({ label: "Don't run code" }), Dialog.okButton({ label: 'Allow running code', actions: [ALLOW] })],
    defaultButton: 0
  });
  if (result.button.accept && result.button.actions.includes(ALLOW)) {
    rememberConsent(tutorialPath);
    return true;
  }
  return false;
}
