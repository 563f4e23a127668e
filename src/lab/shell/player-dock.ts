/**
 * Where a tutorial's notebook is shown and its player docks, per shell.
 *
 * JupyterLab: the notebook opens (or is revealed) in the main area and the
 * player splits the notebook's area, beside or below it (shell/layout.ts).
 *
 * Jupyter Notebook 7: a page holds one document in its main area, and every
 * other document opens on a page of its own, in a new browser tab. The player
 * docks on its notebook's page, in the right side panel, or in the panel below
 * the notebook where the window is narrow (`notebookAreaFor`). A tutorial whose
 * notebook is not this page's (opened from the file tree, an editor, another
 * notebook) is carried to the notebook's page in a new tab (shell/notebook-tab.ts).
 * Notebook's document opener would open that tab itself, but without the
 * tutorial, and it disposes the page's own notebook when asked to reveal it;
 * so this page's notebook is taken from the shell, never opened again.
 */
import type { ILabShell, JupyterFrontEnd } from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';
import type { IDocumentManager } from '@jupyterlab/docmanager';
import type { NotebookPanel } from '@jupyterlab/notebook';
import type { TranslationBundle } from '@jupyterlab/translation';
import type { Widget } from '@lumino/widgets';
import { makeRoomForPlayer, notebookAreaFor, type DockPlan } from './layout.js';
import { PendingTab } from './notebook-tab.js';
import type { INotebookShell } from './notebook-shell.js';
import { withTutorial } from './url-route.js';

export interface PlayerDock {
  /**
   * Called first when a tutorial opens, while the learner's gesture lasts: a
   * page that can show no notebook opens the tab the notebook will open in.
   */
  begin(trans: TranslationBundle): PendingTab | undefined;
  /** True when `notebookPath` belongs on a page of its own, where the tutorial is carried. */
  elsewhere(notebookPath: string): boolean;
  /** The notebook at `notebookPath`, shown on this page; undefined if it could not open. */
  notebook(notebookPath: string, kernel: string): NotebookPanel | undefined;
  /**
   * Docks the player beside its notebook, without moving focus. With a
   * `tutorialPath`, the page's address names the tutorial while the player is
   * open (Notebook 7), so a reload brings it back; a follower panel has none.
   */
  dock(player: Widget, notebook: NotebookPanel, tutorialPath?: string): Promise<DockPlan>;
  /** Shows a panel of the tutorial's own (its errors) and moves focus there. */
  show(panel: Widget): void;
}

/** JupyterLab's main area: documents are tabs, a player splits its notebook's tab area. */
export class LabDock implements PlayerDock {
  constructor(
    private readonly shell: JupyterFrontEnd.IShell,
    private readonly docManager: IDocumentManager,
    private readonly labShell: ILabShell | null
  ) {}

  begin(): undefined {
    return undefined;
  }

  elsewhere(): boolean {
    return false;
  }

  notebook(notebookPath: string, kernel: string): NotebookPanel | undefined {
    return this.docManager.openOrReveal(notebookPath, 'Notebook', { name: kernel }) as NotebookPanel | undefined;
  }

  async dock(player: Widget, notebook: NotebookPanel): Promise<DockPlan> {
    // Beside the notebook, or below it where the area is narrow (R21, shell/layout.ts).
    const plan = await makeRoomForPlayer(notebook, this.labShell);
    this.shell.add(player, 'main', { mode: plan.mode, ref: notebook.id, activate: false });
    return plan;
  }

  show(panel: Widget): void {
    this.shell.add(panel, 'main', { mode: 'split-right' });
    this.shell.activateById(panel.id);
  }
}

/** Jupyter Notebook 7: one document per page; the player in the side panel of its notebook's page. */
export class NotebookDock implements PlayerDock {
  constructor(private readonly shell: INotebookShell) {}

  /** Which page this is: `tree`, `notebooks`, `edit`… (Notebook's page config). */
  private get page(): string {
    return PageConfig.getOption('notebookPage');
  }

  /** This page's notebook, when it is a notebook's page. */
  private get pageNotebook(): NotebookPanel | undefined {
    const widget = this.shell.currentWidget as Partial<NotebookPanel> | null;
    return this.page === 'notebooks' && widget?.context && widget.content ? (widget as NotebookPanel) : undefined;
  }

  begin(trans: TranslationBundle): PendingTab | undefined {
    // Only a notebook's page can play a tutorial: anywhere else, its notebook opens in a tab.
    return this.page === 'notebooks' ? undefined : PendingTab.open(trans);
  }

  elsewhere(notebookPath: string): boolean {
    return this.pageNotebook?.context.path !== notebookPath;
  }

  notebook(notebookPath: string): NotebookPanel | undefined {
    const notebook = this.pageNotebook;
    return notebook?.context.path === notebookPath ? notebook : undefined;
  }

  dock(player: Widget, _notebook: NotebookPanel, tutorialPath?: string): Promise<DockPlan> {
    const area = notebookAreaFor(window.innerWidth);
    this.shell.add(player, area, { rank: 50 });
    // The side panel shows the widget it is asked to; the panel below shows what is added.
    this.shell.activateById(player.id);
    if (tutorialPath) {
      followInAddress(tutorialPath, player);
    }
    return Promise.resolve({ mode: area === 'right' ? 'split-right' : 'split-bottom', collapsed: [] });
  }

  show(panel: Widget): void {
    this.shell.add(panel, notebookAreaFor(window.innerWidth), { rank: 50 });
    this.shell.activateById(panel.id);
  }
}

/**
 * The page's address names the tutorial while its player is open, so that a
 * reload (or a bookmark) brings the player back; closing the player takes it
 * out again. `replaceState`: no history entry, and no routing.
 */
function followInAddress(tutorialPath: string, player: Widget): void {
  const set = (tutorial: string | undefined): void => {
    const href = withTutorial(window.location.href, tutorial);
    if (href !== window.location.href) {
      window.history.replaceState(window.history.state, '', href);
    }
  };
  set(tutorialPath);
  player.disposed.connect(() => set(undefined));
}

/** The dock for this shell: Notebook's when its shell was found, else JupyterLab's way. */
export function playerDockFor(
  shell: JupyterFrontEnd.IShell,
  notebookShell: INotebookShell | null,
  docManager: IDocumentManager,
  labShell: ILabShell | null
): PlayerDock {
  return notebookShell ? new NotebookDock(notebookShell) : new LabDock(shell, docManager, labShell);
}
