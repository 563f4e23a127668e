/**
 * A reloaded JupyterLab brings each player back beside its notebook, paused at
 * the step it was at, without changing the notebook or running anything; and
 * opening a tutorial that has a player activates that player.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  SETTINGS_FILE,
  TUTORIAL_FILES,
  allowRunningCode,
  execute,
  notebookCells,
  openTutorial,
  playerFor,
  status,
  waitForStatus,
  type CellSnapshot
} from './notecast.js';
import { notecastErrors, useSuite } from './suite.js';

const BASICS = 'tutorials/01-python-basics.md';
const BASICS_NOTEBOOK = 'tutorials/01-python-basics.ipynb';
const TITLE = 'Python basics';
/** Stopped (not playing, not running code) at step N, as the status line says it. */
const stoppedAt = (step: number): RegExp => new RegExp(`^(Ready|Paused|Your turn) · Step ${step} of 6`);

const suite = useSuite({
  server: {
    copy: TUTORIAL_FILES,
    // Fast and without animation: the steps are played for real, only the timing is not the point here.
    userSettings: { [SETTINGS_FILE]: { speed: 4, reducedMotion: 'on' } }
  }
});

async function pressNextStep(player: Locator): Promise<void> {
  const next = player.getByRole('toolbar', { name: 'Tutorial player' }).getByRole('button', { name: 'Next step', exact: true });
  await next.focus();
  await player.page().keyboard.press('Enter');
}

/** How many players for the tutorial the page has, shown or in a background tab. */
async function playerCount(page: Page): Promise<number> {
  return page.locator(`[role=region][aria-label="Tutorial player: ${TITLE}"]`).count();
}

/** Whether the page shows a dialog (the consent dialog, a resume question). */
async function dialogShown(page: Page): Promise<boolean> {
  return (await page.locator('.jp-Dialog').count()) > 0;
}

async function saveNotebook(page: Page, path: string): Promise<void> {
  await page.evaluate(async notebookPath => {
    const app = window.jupyterapp as unknown as {
      shell: { widgets(area: string): Iterable<{ context?: { path: string; save(): Promise<void>; model: { dirty: boolean } } }> };
    };
    for (const widget of app.shell.widgets('main')) {
      if (widget.context?.path === notebookPath) {
        await widget.context.save();
        if (widget.context.model.dirty) throw new Error(`${notebookPath} is still unsaved`);
        return;
      }
    }
    throw new Error(`no open notebook at ${notebookPath}`);
  }, path);
}

/** Where a panel is on the page, in CSS pixels. */
type Box = Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom'>;

/** The boxes of the player's panel and of the notebook's panel, both shown. */
async function boxes(page: Page, notebookPath: string): Promise<{ player: Box; notebook: Box } | string> {
  return page.evaluate(
    ([label, path]) => {
      const app = window.jupyterapp as unknown as {
        shell: { widgets(area: string): Iterable<{ node: HTMLElement; isVisible: boolean; context?: { path: string } }> };
      };
      const widgets = [...app.shell.widgets('main')];
      const player = widgets.find(w => w.node.querySelector(`[role=region][aria-label="${label}"]`));
      const notebook = widgets.find(w => w.context?.path === path);
      if (!player || !notebook) return `player ${Boolean(player)}, notebook ${Boolean(notebook)} in the main area`;
      if (!player.isVisible || !notebook.isVisible) return `player shown ${player.isVisible}, notebook shown ${notebook.isVisible}`;
      const box = (node: HTMLElement): Box => {
        const { left, top, right, bottom } = node.getBoundingClientRect();
        return { left, top, right, bottom };
      };
      return { player: box(player.node), notebook: box(notebook.node) };
    },
    [`Tutorial player: ${TITLE}`, notebookPath] as const
  );
}

/** Waits until the workspace on the server holds the player's restore data at `step` (0-based). */
async function waitForSavedStep(page: Page, step: number, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < deadline) {
    last = await page.evaluate(async key => {
      const response = await fetch('/lab/api/workspaces', { credentials: 'same-origin' });
      const listing = (await response.json()) as { workspaces: { values: Array<{ data: Record<string, { data?: { step?: number } }> }> } };
      return listing.workspaces.values.map(workspace => workspace.data[key]?.data).find(Boolean) ?? null;
    }, `notecast:${BASICS}`);
    if ((last as { step?: number } | null)?.step === step) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`the workspace never held the player at step ${step + 1}; last: ${JSON.stringify(last)}`);
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

let before: CellSnapshot[] = [];

test(
  'after Next step twice and a reload, the player is back beside its notebook at step 3; the notebook is unchanged and nothing ran',
  { timeout: 180_000 },
  async () => {
    const { page } = suite.lab;
    let player = await openTutorial(page, BASICS, TITLE);
    await waitForStatus(player, stoppedAt(1), 30_000);
    await pressNextStep(player);
    await allowRunningCode(page);
    await waitForStatus(player, stoppedAt(2), 60_000);
    await pressNextStep(player);
    await waitForStatus(player, stoppedAt(3), 90_000);
    // Saved, as autosave would: what a reload finds is the notebook on disk.
    await saveNotebook(page, BASICS_NOTEBOOK);
    before = await notebookCells(page, BASICS_NOTEBOOK);
    assert.ok(
      before.some(cell => cell.id === 'hello' && cell.executionCount !== null),
      `step 2 did not run its cell: ${JSON.stringify(before)}`
    );

    // What the restorer keeps for the player (in the workspace, saved a moment after a change) is step 3.
    await waitForSavedStep(page, 2);

    // A page that still has unsaved changes asks before leaving; nothing here is unsaved, but never stay.
    page.on('dialog', dialog => void dialog.accept());
    await page.reload();
    await page.waitForFunction(() => window.jupyterapp !== undefined, undefined, { timeout: 60_000 });
    await page.evaluate(async () => {
      await window.jupyterapp!.started;
      await window.jupyterapp!.restored;
    });
    player = playerFor(page, TITLE);
    await player.waitFor({ state: 'visible', timeout: 60_000 });
    await waitForStatus(player, stoppedAt(3), 30_000);

    const slider = player.getByRole('slider', { name: 'Step' });
    assert.equal(await slider.inputValue(), '3');
    assert.equal(await slider.getAttribute('aria-valuetext'), 'Step 3 of 6: Numbers');
    assert.equal(await playerCount(page), 1);

    const placed = await boxes(page, BASICS_NOTEBOOK);
    assert.ok(typeof placed !== 'string', placed as string);
    assert.ok(!overlaps(placed.player, placed.notebook), `the player covers its notebook: ${JSON.stringify(placed)}`);

    // Give a restore that would play, ask or run time to do so.
    await page.waitForTimeout(2_000);
    assert.match(await status(player), stoppedAt(3), 'the restored player played by itself');
    assert.equal(await dialogShown(page), false, 'the restored player asked something before Play');
    assert.deepEqual(await notebookCells(page, BASICS_NOTEBOOK), before, 'restoring changed the notebook or ran a cell');
  }
);

test('notecast:open on a tutorial that has a player activates that player instead of opening a second', { timeout: 60_000 }, async () => {
  const { page } = suite.lab;
  // Another tab in front of the player first, so "activates" is seen.
  await execute(page, 'launcher:create');
  await execute(page, 'notecast:open', { path: BASICS });
  const player = playerFor(page, TITLE);
  await player.waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await playerCount(page), 1);
  const active = await page.evaluate(label => {
    const app = window.jupyterapp as unknown as { shell: { activeWidget: { node: HTMLElement } | null } };
    return Boolean(app.shell.activeWidget?.node.querySelector(`[role=region][aria-label="${label}"]`));
  }, `Tutorial player: ${TITLE}`);
  assert.ok(active, 'the existing player is not the active widget');
  assert.match(await status(player), stoppedAt(3));
  assert.deepEqual(await notebookCells(page, BASICS_NOTEBOOK), before);
});

test('no page error comes from Notecast', () => {
  assert.deepEqual(notecastErrors(suite.lab), []);
});
