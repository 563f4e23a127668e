/**
 * Where a player docks (docs/explanation/accessibility.md, R21: reflow at 320 px, never cover the focused cell).
 *
 * Beside its notebook when the notebook's area is wide; below it when the area
 * is narrow (400 % zoom, a small window), so the player and the notebook each
 * keep the area's full width instead of half of it. When even the full width
 * is too narrow for the player — at 320 px JupyterLab's open file browser
 * leaves the main area a few pixels — the side bars are collapsed first: the
 * learner asked for the player, and nothing in it can be used at that width.
 *
 * Docking splits the area: the player never floats over the notebook.
 */
import type { ILabShell } from '@jupyterlab/application';
import type { Widget } from '@lumino/widgets';

/** Below this width (CSS px) the notebook's area is split top/bottom instead of left/right. */
export const NARROW_AREA_WIDTH = 600;

/** The narrowest a player can be and still be used (its controls reflow down to this). */
export const MIN_PLAYER_WIDTH = 240;

export type DockMode = 'split-right' | 'split-bottom';

export interface DockPlan {
  mode: DockMode;
  /** Which side bars were collapsed to make room (to say so, and how to reopen them). */
  collapsed: Array<'left' | 'right'>;
}

/**
 * The rule, on its own: where a player docks in an area `width` CSS px wide,
 * and whether that area is too narrow for a player at all (then the side bars
 * close first, and the rule is asked again with the width that gives).
 */
export function dockFor(width: number): { mode: DockMode; tooNarrow: boolean } {
  return { mode: width < NARROW_AREA_WIDTH ? 'split-bottom' : 'split-right', tooNarrow: width < MIN_PLAYER_WIDTH };
}

/**
 * Jupyter Notebook 7's page has no tab areas to split: a player docks in its
 * right side panel, which gets about 2/7 of the window's width beside the
 * notebook (Notebook's split is 2.5 : 1), or in the panel below the notebook,
 * full width, where that would be narrower than the narrowest usable player.
 */
export function notebookAreaFor(windowWidth: number): 'right' | 'down' {
  return windowWidth * NOTEBOOK_RIGHT_SHARE >= MIN_PLAYER_WIDTH ? 'right' : 'down';
}

/** The share of the window Notebook 7 gives its right side panel beside the notebook (1 of 3.5). */
export const NOTEBOOK_RIGHT_SHARE = 1 / 3.5;

/**
 * Decide where to dock a player next to `notebook`, collapsing the side bars
 * when the notebook's area is too narrow for a player at all.
 */
export async function makeRoomForPlayer(notebook: Widget, shell: ILabShell | null): Promise<DockPlan> {
  const collapsed: DockPlan['collapsed'] = [];
  let width = areaWidth(notebook);
  if (dockFor(width).tooNarrow && shell) {
    if (!shell.leftCollapsed) {
      shell.collapseLeft();
      collapsed.push('left');
    }
    if (!shell.rightCollapsed) {
      shell.collapseRight();
      collapsed.push('right');
    }
    if (collapsed.length) {
      await layoutSettled();
      width = areaWidth(notebook);
    }
  }
  return { mode: dockFor(width).mode, collapsed };
}

/** The width of the dock area the notebook is shown in: a docked widget fills its tab area. */
function areaWidth(notebook: Widget): number {
  return notebook.node.getBoundingClientRect().width;
}

/**
 * Lumino lays out on the next animation frame after a side bar collapses; wait
 * for two frames, or 200 ms where frames do not run (a hidden tab).
 */
function layoutSettled(): Promise<void> {
  return new Promise(resolve => {
    const timer = window.setTimeout(resolve, 200);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        window.clearTimeout(timer);
        resolve();
      })
    );
  });
}
