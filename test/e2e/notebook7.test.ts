/**
 * The player in Jupyter Notebook 7 (`jupyter notebook`), where each document
 * has a browser tab of its own: the file tree's "Open as Tutorial" prepares
 * the tutorial's notebook and opens its page in a new tab, with the tutorial
 * in the address; the player docks in that page's right side panel. Every
 * tutorial plays to the end there with the keyboard; the learner takes over
 * and resumes both ways; `/notebooks/<nb>?notecast=<tutorial>` and the
 * command palette open the player too.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openNotebookApp, waitForNotebookApp, watchPage, type LabPage } from './browser.js';
import { REPO_ROOT } from './jupyter-server.js';
import {
  SETTINGS_FILE,
  SETTINGS_PLUGIN,
  TUTORIAL_FILES,
  allowRunningCode,
  execute,
  expectedNotebook,
  expectedOutputs,
  notebookCells,
  playerFor,
  pressInPlayer,
  recordAnnouncements,
  setSetting,
  spoken,
  status,
  waitForSpoken,
  waitForStatus,
  continueToEnd
} from './notecast.js';
import { notecastErrors, useSuite } from './suite.js';

const BASICS = 'tutorials/01-python-basics.md';
const BASICS_NOTEBOOK = 'tutorials/01-python-basics.ipynb';
/** A tutorial other than the basics one. */
const OTHER = 'tutorials/02-functions-and-errors.md';

const suite = useSuite({
  server: { app: 'notebook', copy: TUTORIAL_FILES, userSettings: { [SETTINGS_FILE]: { speed: 4, reducedMotion: 'on' } } },
  lab: false
});

/** Every page of every test, for the "no errors" test at the end. */
const pages: LabPage[] = [];

function titleOf(tutorial: string): string {
  return /^title:\s*(.+)$/m.exec(readFileSync(join(REPO_ROOT, tutorial), 'utf8'))![1].trim();
}

async function openTree(folder = 'tutorials'): Promise<LabPage> {
  const tree = suite.adopt(await openNotebookApp(suite.browser, suite.server.url, { path: `tree/${folder}`, beforeLoad: recordAnnouncements }));
  pages.push(tree);
  return tree;
}

/** Waits for the tab `act` opens, then for Notebook's app in it. */
async function newTab(context: BrowserContext, act: () => Promise<void>): Promise<Page> {
  const opened = context.waitForEvent('page', { timeout: 60_000 });
  await act();
  const page = await opened;
  pages.push(watchPage(context, page));
  await page.waitForURL(/\/notebooks\//, { timeout: 60_000 });
  await waitForNotebookApp(page);
  return page;
}

/** The file tree's context menu on `name`, then "Open as Tutorial", with the keyboard. */
async function openAsTutorial(tree: Page, name: string): Promise<Page> {
  const item = tree.locator('.jp-DirListing-item', { hasText: name });
  await item.waitFor({ timeout: 30_000 });
  await item.click({ button: 'right' });
  const entry = tree.getByRole('menuitem', { name: 'Open as Tutorial' });
  await entry.waitFor({ timeout: 10_000 });
  return newTab(tree.context(), async () => {
    await entry.hover();
    await tree.keyboard.press('Enter');
  });
}

/** The player on a notebook's page, docked in Notebook's right side panel. */
async function dockedPlayer(page: Page, title: string): Promise<Locator> {
  const player = playerFor(page, title);
  await player.waitFor({ state: 'visible', timeout: 60_000 });
  const area = await player.evaluate(node => node.closest('#jp-right-stack, #jp-down-stack, #main-panel')?.id);
  assert.equal(area, 'jp-right-stack', 'the player is not in the right side panel');
  return player;
}

function toolbarButton(player: Locator, name: string): Locator {
  return player.getByRole('toolbar', { name: 'Tutorial player' }).getByRole('button', { name, exact: true });
}

async function press(button: Locator): Promise<void> {
  await button.focus();
  await button.page().keyboard.press('Enter');
}

/** Plays from where the player is to the end, continuing with the shortcut at each "Your turn". */
async function playToEnd(page: Page, player: Locator): Promise<void> {
  await pressInPlayer(player, 'Alt+Shift+P');
  await page
    .getByRole('button', { name: 'Allow running code' })
    .waitFor({ state: 'visible', timeout: 5_000 })
    .then(() => allowRunningCode(page))
    .catch(() => undefined);
  await continueToEnd(player);
}

async function cellSource(page: Page, id: string): Promise<string> {
  return (await notebookCells(page, BASICS_NOTEBOOK)).find(cell => cell.id === id)?.source ?? '';
}

async function waitMidTyping(page: Page, id: string): Promise<void> {
  const full = expectedNotebook(BASICS).find(cell => cell.id === id)!.source;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const source = await cellSource(page, id);
    if (source.length >= 5 && source.length < full.length - 5) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`cell ${id} was never caught mid-typing`);
}

test("Notebook's shell token reaches the extension: the tree page has Notebook's shell, and Open as Tutorial is offered", async () => {
  const { page } = await openTree();
  const app = await page.evaluate(() => (window.jupyterapp as unknown as { name: string }).name);
  assert.equal(app, 'Jupyter Notebook');
  assert.ok(await page.evaluate(() => window.jupyterapp!.isPluginActivated('jupyterlab-notecast:tracker')));
});

for (const tutorial of TUTORIAL_FILES) {
  test(
    `${tutorial}: Open as Tutorial in the file tree opens its notebook in a new tab, where it plays to the end with the keyboard`,
    { timeout: 240_000 },
    async () => {
      const tree = await openTree();
      const name = tutorial.split('/').pop()!;
      const notebookPath = tutorial.replace(/\.md$/, '.ipynb');
      const page = await openAsTutorial(tree.page, name);
      const url = new URL(page.url());
      assert.equal(decodeURIComponent(url.pathname), `/notebooks/${notebookPath}`);
      assert.equal(url.searchParams.get('notecast'), tutorial);
      assert.ok(existsSync(join(suite.server.rootDir, notebookPath)), 'the notebook was not made');
      await waitForSpoken(tree.page, /opens with its notebook .* in a new browser tab\.$/);
      const player = await dockedPlayer(page, titleOf(tutorial));
      assert.match(await status(player), /^Ready/);
      await waitForSpoken(page, /^Tutorial .* is ready in /);

      await playToEnd(page, player);
      const cells = await notebookCells(page, notebookPath);
      assert.deepEqual(
        cells.map(({ id, type, source }) => ({ id, type, source })),
        expectedNotebook(tutorial)
      );
      for (const [cell, expected] of expectedOutputs(tutorial)) {
        assert.equal(cells.find(c => c.id === cell)?.output.trim(), expected.trim(), `the output of cell ${cell}`);
      }
      const heard = (await spoken(page)).map(entry => entry.text);
      assert.ok(heard.includes('Tutorial finished.'), 'the end was not announced');
      assert.ok(
        heard.some(text => /^Cell \d+ ran/.test(text)),
        'no kernel result was announced'
      );
      await page.close();
    }
  );
}

test('/notebooks/<nb>?notecast=<tutorial> opens the player on that page, and the address keeps naming it', { timeout: 90_000 }, async () => {
  const lab = suite.adopt(
    await openNotebookApp(suite.browser, suite.server.url, {
      path: `notebooks/${BASICS_NOTEBOOK}?notecast=${encodeURIComponent(BASICS)}`,
      beforeLoad: recordAnnouncements
    })
  );
  pages.push(lab);
  const player = await dockedPlayer(lab.page, 'Python basics');
  await waitForStatus(player, /^(Ready|Paused|Ended)/, 30_000);
  assert.equal(new URL(lab.page.url()).searchParams.get('notecast'), BASICS);
  await waitForSpoken(lab.page, /^Tutorial Python basics is ready in 01-python-basics\.ipynb/);
});

test('take over mid-typing, then resume with "Continue with my changes" and with "Restore the tutorial\'s state"', { timeout: 240_000 }, async () => {
  const lab = suite.adopt(
    await openNotebookApp(suite.browser, suite.server.url, {
      path: `notebooks/${BASICS_NOTEBOOK}?notecast=${encodeURIComponent(BASICS)}`,
      beforeLoad: recordAnnouncements
    })
  );
  pages.push(lab);
  const { page } = lab;
  const player = await dockedPlayer(page, 'Python basics');
  await waitForStatus(player, /^(Ready|Paused|Ended)/, 30_000);
  // Back to the start, at 1× with keystrokes, so that there is typing to interrupt.
  await setSetting(page, SETTINGS_PLUGIN, 'reducedMotion', 'off');
  await player.getByRole('combobox', { name: 'Speed' }).selectOption('1');
  const slider = player.getByRole('slider', { name: 'Step' });
  await slider.focus();
  await page.keyboard.press('Home');
  await waitForStatus(player, /Step 1 of 6/, 10_000);
  await press(toolbarButton(player, 'Play'));
  // This page has not been asked yet unless the notebook was saved with the learner's consent.
  await page
    .getByRole('button', { name: 'Allow running code' })
    .waitFor({ state: 'visible', timeout: 5_000 })
    .then(() => allowRunningCode(page))
    .catch(() => undefined);
  await waitMidTyping(page, 'hello');

  await press(toolbarButton(player, 'Take over'));
  await waitForStatus(player, /^You have control/, 5_000);
  await waitForSpoken(page, /^You have control\. Cell 1 is active\. Press Escape to leave the editor\.$/);
  assert.ok(await page.evaluate(() => Boolean(document.activeElement?.closest('.jp-Cell .cm-editor'))), 'focus is not in the cell');
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# mine\n');
  await page.keyboard.press('Escape');
  await press(toolbarButton(player, 'Resume'));
  let dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  await press(dialog.getByRole('button', { name: 'Continue with my changes' }));
  await waitForSpoken(page, /^Resuming at step 2$/);
  await waitForSpoken(page, /^Cell 1 ran: Hello, notebook!$/, 60_000);
  const source = await cellSource(page, 'hello');
  assert.ok(source.startsWith('# mine\n'), `the learner's line is gone: ${JSON.stringify(source)}`);
  assert.ok(source.endsWith('greeting = "Hello, notebook!"\nprint(greeting)'), `the tutorial's code is incomplete: ${JSON.stringify(source)}`);

  await waitMidTyping(page, 'numbers');
  await press(toolbarButton(player, 'Take over'));
  await waitForStatus(player, /^You have control/, 5_000);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# learner edit');
  await page.keyboard.press('Escape');
  await press(toolbarButton(player, 'Resume'));
  dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  const saved = /(01-python-basics-my-version-\d+\.ipynb)/.exec((await dialog.textContent()) ?? '')?.[1];
  assert.ok(saved, 'the dialog does not name the file it keeps');
  await press(dialog.getByRole('button', { name: "Restore the tutorial's state" }));
  await waitForSpoken(page, /^Resuming at step 3$/);
  const kept = readFileSync(join(suite.server.rootDir, 'tutorials', saved), 'utf8');
  assert.match(kept, /# learner edit/);
  await waitForSpoken(page, /^Cell 2 ran, 2 lines of output\. Pause to read them below the cell\.$/, 90_000);
  assert.equal(await cellSource(page, 'numbers'), expectedNotebook(BASICS).find(cell => cell.id === 'numbers')!.source);
  await pressInPlayer(player, 'Alt+Shift+P');
  await waitForStatus(player, /^Paused/, 10_000);
  await setSetting(page, SETTINGS_PLUGIN, 'reducedMotion', 'on');
});

test("the command palette opens a tutorial: on its notebook's page, the player docks there and the address names it", { timeout: 90_000 }, async () => {
  const notebookPath = OTHER.replace(/\.md$/, '.ipynb');
  const lab = suite.adopt(await openNotebookApp(suite.browser, suite.server.url, { path: `notebooks/${notebookPath}`, beforeLoad: recordAnnouncements }));
  pages.push(lab);
  const { page } = lab;
  assert.equal(await playerFor(page, titleOf(OTHER)).count(), 0);
  await runFromPalette(page, 'Open Tutorial…');
  await answerPicker(page, OTHER);
  await dockedPlayer(page, titleOf(OTHER));
  assert.equal(new URL(page.url()).searchParams.get('notecast'), OTHER);
});

test("the command palette on another notebook's page opens the tutorial's notebook in a new tab", { timeout: 90_000 }, async () => {
  // Another tutorial's notebook: not the basics one the palette then opens.
  const notebookPath = OTHER.replace(/\.md$/, '.ipynb');
  const lab = suite.adopt(await openNotebookApp(suite.browser, suite.server.url, { path: `notebooks/${notebookPath}`, beforeLoad: recordAnnouncements }));
  pages.push(lab);
  await runFromPalette(lab.page, 'Open Tutorial…');
  const page = await newTab(lab.context, () => answerPicker(lab.page, BASICS));
  assert.equal(decodeURIComponent(new URL(page.url()).pathname), `/notebooks/${BASICS_NOTEBOOK}`);
  await dockedPlayer(page, 'Python basics');
});

/** Opens Notebook's command palette and runs the command labelled `label`. */
async function runFromPalette(page: Page, label: string): Promise<void> {
  await page.locator('.jp-Notebook').first().waitFor({ timeout: 30_000 });
  const input = page
    .getByPlaceholder(/SEARCH/i)
    .or(page.locator('.lm-CommandPalette-input'))
    .first();
  // Notebook's palette is a modal that closes when focus leaves it; a page still settling
  // (its kernel starting, focus moving to a cell) can close it under the typing: open it again.
  for (let attempt = 1; ; attempt++) {
    await execute(page, 'apputils:activate-command-palette');
    try {
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(label, { timeout: 5_000 });
      await page.locator('.lm-CommandPalette-item', { hasText: label }).first().waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
}

/** The tutorial picker: a list of the folder's tutorials, or a path to type. */
async function answerPicker(page: Page, tutorial: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  const select = dialog.locator('select');
  if (await select.count()) {
    await select.selectOption(tutorial);
  } else {
    await dialog.locator('input').fill(tutorial);
  }
  await press(dialog.getByRole('button', { name: 'Open' }));
}

test('no page error comes from Notecast', () => {
  assert.deepEqual(
    pages.flatMap(lab => notecastErrors(lab)),
    []
  );
});
