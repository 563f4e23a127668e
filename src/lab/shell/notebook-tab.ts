/**
 * How a tutorial follows the learner to its notebook's own browser tab in
 * Jupyter Notebook 7, where every document opens on a page of its own: in the
 * notebook page's URL, `/notebooks/<notebook>?notecast=<tutorial>` (shell/url-route.ts). The
 * `?notecast=` route (shell/url-route.ts) opens the player there, and opens it again
 * when the learner reloads that page, so nothing else has to be remembered.
 *
 * Browsers let a page open a tab only during the learner's gesture (a click, a
 * key press). Finding or making the notebook takes a few requests to the
 * server, which a strict popup blocker would count as the gesture being over;
 * so a page that can show no notebook (the file tree, an editor) opens the tab
 * at once, empty, and sends it to the notebook's page once that is ready, as
 * JupyterLab's "Open in New Browser Tab" does. Where the browser refuses the
 * tab anyway, the learner gets a link to follow themselves.
 */
import { Dialog, showDialog } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

/** A browser tab opened for a notebook page that is not known yet. */
export class PendingTab {
  private constructor(private readonly tab: Window | null) {}

  /**
   * Opens an empty tab now, while the learner's gesture lasts, saying what it
   * waits for (a screen reader reads it if the learner switches to it early).
   */
  static open(trans: TranslationBundle): PendingTab {
    let tab: Window | null = null;
    try {
      tab = window.open('', '_blank');
    } catch {
      // Refused: `go` offers a link instead.
    }
    if (tab) {
      try {
        const doc = tab.document;
        doc.documentElement.lang = document.documentElement.lang || 'en';
        doc.title = trans.__('Opening the tutorial…');
        const text = doc.createElement('p');
        text.textContent = trans.__('Opening the tutorial and its notebook…');
        doc.body.appendChild(text);
      } catch {
        // Not ours to write in (another origin): the tab stays blank until it goes on.
      }
    }
    return new PendingTab(tab);
  }

  /** Sends the tab to `url`; false when there is no tab (the browser refused it, or the learner closed it). */
  go(url: string): boolean {
    if (!this.tab || this.tab.closed) {
      return false;
    }
    this.tab.location.href = url;
    return true;
  }

  /** Closes the tab: the tutorial will not open in it (it has errors, the server refused). */
  close(): void {
    if (this.tab && !this.tab.closed) {
      this.tab.close();
    }
  }
}

/**
 * Opens `url` in a new tab: the pending one, or a tab opened now. Where the
 * browser refuses, a dialog offers the link (following a link is a gesture of
 * the learner's own, which no popup blocker stops). Resolves true when a tab opened.
 */
export async function openNotebookPage(url: string, notebookName: string, pending: PendingTab | undefined, trans: TranslationBundle): Promise<boolean> {
  if ((pending ?? PendingTab.open(trans)).go(url)) {
    return true;
  }
  const body = document.createElement('div');
  const text = document.createElement('p');
  text.textContent = trans.__('The browser did not open a new tab for the notebook %1. Follow this link to open it with the tutorial:', notebookName);
  const link = document.createElement('a');
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = trans.__('Open %1 with the tutorial', notebookName);
  body.append(text, link);
  await showDialog({
    title: trans.__('Open the notebook in a new tab'),
    body: new Widget({ node: body }),
    buttons: [Dialog.okButton({ label: trans.__('Close') })]
  });
  return false;
}
