/**
 * What the player types is the learner's notebook, saved like their own work:
 * JupyterLab shows it as unsaved, autosaves it, closing it asks to save, and a
 * saved notebook continues at its step when the tutorial is opened again.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  SETTINGS_FILE,
  TUTORIAL_FILES,
  allowRunningCode,
  expectedNotebook,
  notebookCells,
  openTutorial,
  playerFor,
  pressInPlayer,
  recordAnnouncements,
  setSetting,
  spoken,
  status,
  waitForSpoken,
  waitForStatus
} from './notecast.js';
import { notecastErrors, useSuite } from './suite.js';

const BASICS = 'tutorials/01-python-basics.md';
const BASICS_NOTEBOOK = 'tutorials/01-python-basics.ipynb';
const DOCMANAGER_PLUGIN = '@jupyterlab/docmanager-extension:plugin';

const suite = useSuite({
  server: {
    copy: TUTORIAL_FILES,
    userSettings: {
      // Keystrokes at ½×: typing goes on long enough to save, and autosave, in the middle of it.
      [SETTINGS_FILE]: { speed: 0.5, reducedMotion: 'off' },
      // Autosave off until the autosave test turns it on, every second (the default is two minutes).
      '@jupyterlab/docmanager-extension/plugin.jupyterlab-settings': { autosave: false, autosaveInterval: 1 }
    }
  },
  lab: { beforeLoad: recordAnnouncements }
});

async function waitForSource(page: Page, cellId: string, source: string, timeout = 90_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: string | undefined;
  while (Date.now() < deadline) {
    last = (await notebookCells(page, BASICS_NOTEBOOK)).find(cell => cell.id === cellId)?.source;
    if (last === source) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`cell ${cellId} never held its tutorial source; last: ${JSON.stringify(last)}`);
}

async function sourceLength(page: Page, cellId: string): Promise<number> {
  return (await notebookCells(page, BASICS_NOTEBOOK)).find(cell => cell.id === cellId)?.source.length ?? 0;
}

/**
 * Saves the notebook at `path`, then waits for the next change to `cellId`'s
 * source and reports, just after it, whether JupyterLab counts the notebook
 * as unsaved (its model, and the mark on its tab).
 */
async function dirtyAfterNextEdit(
  page: Page,
  path: string,
  cellId: string
): Promise<{ savedClean: boolean; savedLength: number; model: boolean; tab: boolean; ran: boolean }> {
  return page.evaluate(
    async ([notebookPath, id]) => {
      type Cell = {
        id: string;
        execution_count: number | null;
        getSource(): string;
        changed: {
          connect(fn: (cell: Cell, change: { sourceChange?: unknown }) => void): void;
          disconnect(fn: (cell: Cell, change: { sourceChange?: unknown }) => void): void;
        };
      };
      type Panel = {
        id: string;
        title: { label: string };
        context: { path: string; save(): Promise<void>; model: { dirty: boolean } };
        content: { model: { sharedModel: { cells: Cell[] } } };
      };
      const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<Partial<Panel>> } };
      const panel = [...app.shell.widgets('main')].find(widget => widget.context?.path === notebookPath) as Panel | undefined;
      if (!panel) throw new Error(`no open notebook at ${notebookPath}`);
      const cell = panel.content.model.sharedModel.cells.find(c => c.id === id);
      if (!cell) throw new Error(`no cell ${id}`);
      await panel.context.save();
      const savedClean = !panel.context.model.dirty;
      const savedLength = cell.getSource().length;
      return new Promise(resolve => {
        const onChange = (_: Cell, change: { sourceChange?: unknown }): void => {
          if (!change.sourceChange) return;
          cell.changed.disconnect(onChange);
          // Read once the edit's transaction (and anything it scheduled) is over.
          setTimeout(() => {
            const tab = [...document.querySelectorAll('.lm-TabBar-tab')].find(node => node.textContent?.includes(panel.title.label));
            resolve({
              savedClean,
              savedLength,
              model: panel.context.model.dirty,
              tab: Boolean(tab?.classList.contains('jp-mod-dirty')),
              ran: cell.execution_count !== null
            });
          }, 0);
        };
        cell.changed.connect(onChange);
      });
    },
    [path, cellId] as const
  );
}

let player: Locator;
/** How much of cell `hello` the explicit save in the first test wrote. */
let savedLength = 0;

/**
 * The source of cell `id` in the notebook file on disk, or undefined while the
 * server is writing it: Jupyter's atomic writing keeps a backup and writes the
 * file in place, so a read in the middle of an (auto)save sees part of it.
 */
function sourceOnDisk(id: string): string | undefined {
  let notebook: { cells: Array<{ id: string; source: string | string[] }> };
  try {
    notebook = JSON.parse(readFileSync(join(suite.server.rootDir, BASICS_NOTEBOOK), 'utf8')) as typeof notebook;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  const cell = notebook.cells.find(c => c.id === id);
  return cell && (Array.isArray(cell.source) ? cell.source.join('') : cell.source);
}

test("the player's typing marks the notebook as unsaved", { timeout: 120_000 }, async () => {
  const { page } = suite.lab;
  player = await openTutorial(page, BASICS, 'Python basics');
  await pressInPlayer(player, 'Alt+Shift+P');
  await allowRunningCode(page);
  const full = expectedNotebook(BASICS).find(cell => cell.id === 'hello')!.source;
  const deadline = Date.now() + 60_000;
  while ((await sourceLength(page, 'hello')) < 3 && Date.now() < deadline) await page.waitForTimeout(50);
  assert.ok((await sourceLength(page, 'hello')) < full.length - 5, 'typing was over before the test could save in the middle of it');

  // Saved mid-typing; the next keystroke (the player's, into a cell that already exists) makes it unsaved again.
  const after = await dirtyAfterNextEdit(page, BASICS_NOTEBOOK, 'hello');
  assert.equal(after.savedClean, true, 'saving did not clear the unsaved mark, so this test proves nothing');
  assert.equal(after.ran, false, 'the cell ran before the keystroke (a run marks the notebook unsaved by itself)');
  assert.equal(after.model, true, "the player's keystroke left the notebook marked as saved");
  assert.equal(after.tab, true, "the notebook's tab does not show unsaved changes");
  savedLength = after.savedLength;
});

test('autosave writes what the player typed since the last save', { timeout: 60_000 }, async () => {
  const { page } = suite.lab;
  const full = expectedNotebook(BASICS).find(cell => cell.id === 'hello')!.source;
  assert.ok(savedLength > 0, 'the first test saved nothing');
  // More of the cell than the explicit save wrote, but not all of it: saved while the player
  // was still typing, so by autosave (running the cell would mark the notebook unsaved by itself).
  await setSetting(page, DOCMANAGER_PLUGIN, 'autosave', true);
  try {
    const deadline = Date.now() + 30_000;
    let onDisk: string | undefined;
    while (Date.now() < deadline) {
      onDisk = sourceOnDisk('hello');
      if (onDisk !== undefined && onDisk.length > savedLength && onDisk.length < full.length && full.startsWith(onDisk)) break;
      if ((await sourceLength(page, 'hello')) === full.length) {
        throw new Error(`the player finished typing and nothing autosaved it meanwhile; on disk: ${JSON.stringify(onDisk)}`);
      }
      await page.waitForTimeout(50);
    }
    assert.ok(onDisk !== undefined && onDisk.length > savedLength && onDisk.length < full.length, `not autosaved mid-typing: ${JSON.stringify(onDisk)}`);
  } finally {
    // Off again, so that the next test finds the player's later changes unsaved.
    await setSetting(page, DOCMANAGER_PLUGIN, 'autosave', false);
  }
});

test('closing the notebook asks to save; saved, opening the tutorial again continues in it at that step', { timeout: 180_000 }, async () => {
  const { page } = suite.lab;
  // Pause during step 3's opening narration: the notebook is then exactly as the step starts
  // (the step is what the notebook remembers; a step half typed starts again on reopening).
  await waitForStatus(player, /^Playing · Step 3 of 6/, 60_000);
  await pressInPlayer(player, 'Alt+Shift+P');
  await waitForStatus(player, /^Paused · Step 3 of 6/, 10_000);
  const step = 3;
  const cells = await notebookCells(page, BASICS_NOTEBOOK);
  assert.deepEqual(
    cells.map(cell => cell.id),
    ['hello'],
    'step 3 had begun to change the notebook before the pause'
  );

  await page.evaluate(notebookPath => {
    const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<{ context?: { path: string }; close(): void }> } };
    for (const widget of app.shell.widgets('main')) {
      if (widget.context?.path === notebookPath) widget.close();
    }
  }, BASICS_NOTEBOOK);
  const ask = page.getByRole('dialog').filter({ hasText: 'Save your work' });
  await ask.waitFor({ state: 'visible', timeout: 10_000 });
  await ask.getByRole('button', { name: 'Save', exact: true }).focus();
  await page.keyboard.press('Enter');
  await waitForSpoken(page, /^The notebook was closed\. Playback stopped\.$/);

  // On disk: the cells as they were, and the step to continue at (0-based) in the notebook's metadata.
  const saved = JSON.parse(readFileSync(join(suite.server.rootDir, BASICS_NOTEBOOK), 'utf8')) as {
    cells: Array<{ id: string; source: string | string[] }>;
    metadata: { notecast?: { tutorial: string; step?: number } };
  };
  assert.deepEqual(
    saved.cells.map(cell => ({ id: cell.id, source: Array.isArray(cell.source) ? cell.source.join('') : cell.source })),
    cells.map(({ id, source }) => ({ id, source }))
  );
  assert.deepEqual(saved.metadata.notecast, { tutorial: BASICS, consent: true, step: step - 1 });

  const reopened = await openTutorial(page, BASICS, 'Python basics');
  await waitForStatus(reopened, new RegExp(`· Step ${step} of 6`), 30_000);
  assert.deepEqual(
    (await notebookCells(page, BASICS_NOTEBOOK)).map(({ id, source }) => ({ id, source })),
    cells.map(({ id, source }) => ({ id, source })),
    'the tutorial did not continue in the saved notebook'
  );
  assert.match(await status(reopened), /^(Ready|Paused)/, 'the tutorial played by itself on opening');
});

test("a notebook saved while the player was typing continues at that step, keeping nothing aside as the learner's", { timeout: 150_000 }, async () => {
  const { page } = suite.lab;
  const player = playerFor(page, 'Python basics');
  const full = expectedNotebook(BASICS).find(cell => cell.id === 'numbers')!.source;
  await pressInPlayer(player, 'Alt+Shift+P');
  const deadline = Date.now() + 60_000;
  while ((await sourceLength(page, 'numbers')) < 3 && Date.now() < deadline) await page.waitForTimeout(50);
  await pressInPlayer(player, 'Alt+Shift+P');
  await waitForStatus(player, /^Paused · Step 3 of 6/, 10_000);
  const typed = await sourceLength(page, 'numbers');
  assert.ok(typed >= 3 && typed < full.length, `cell numbers is not part way typed (${typed} of ${full.length})`);
  // Saved now (as autosave could), then closed: nothing is left unsaved, so nothing is asked.
  await page.evaluate(async notebookPath => {
    const app = window.jupyterapp as unknown as {
      shell: { widgets(area: string): Iterable<{ context?: { path: string; save(): Promise<void> }; close(): void }> };
    };
    for (const widget of app.shell.widgets('main')) {
      if (widget.context?.path === notebookPath) {
        await widget.context.save();
        widget.close();
      }
    }
  }, BASICS_NOTEBOOK);
  await waitForSpoken(page, /^The notebook was closed\. Playback stopped\.$/);
  assert.equal(sourceOnDisk('numbers'), full.slice(0, typed), 'the notebook on disk does not hold the part-way typing');
  const heard = (await spoken(page)).length;

  const reopened = await openTutorial(page, BASICS, 'Python basics');
  await waitForStatus(reopened, /^Paused · Step 3 of 6/, 30_000);
  // The step starts again from its start: the half-typed cell was the player's, not the learner's.
  assert.deepEqual(
    (await notebookCells(page, BASICS_NOTEBOOK)).map(({ id, source }) => ({ id, source })),
    expectedNotebook(BASICS)
      .filter(cell => cell.id === 'hello')
      .map(({ id, source }) => ({ id, source }))
  );
  const said = (await spoken(page)).slice(heard).map(entry => entry.text);
  assert.ok(!said.some(text => /^Your version is saved as/.test(text)), `the player's typing was kept as the learner's version: ${said.join(' | ')}`);
  assert.deepEqual(
    readdirSync(join(suite.server.rootDir, 'tutorials')).filter(name => name.includes('my-version')),
    [],
    'a copy of "the learner\'s version" was written'
  );
  // And it plays on from there.
  await pressInPlayer(reopened, 'Alt+Shift+P');
  await waitForSource(page, 'numbers', full);
});

test('no page error comes from Notecast', () => {
  assert.deepEqual(notecastErrors(suite.lab), []);
});
