/**
 * The learner and the player sharing a notebook, in a real JupyterLab with a
 * real kernel: take over mid-typing, edit, resume both ways (nothing the
 * learner wrote is lost), a kernel error that pauses, the notebook closed
 * mid-play, a tutorial with errors, and a tutorial whose text is HTML and
 * script payloads (shown as text, runs nothing without consent).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
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
  spoken,
  status,
  waitForSpoken,
  waitForStatus
} from './notecast.js';
import { useSuite } from './suite.js';

const BASICS = 'tutorials/01-python-basics.md';
const BASICS_NOTEBOOK = 'tutorials/01-python-basics.ipynb';
const KERNEL_ERROR = 'test/fixtures/lab/kernel-error.md';
const PAYLOAD = 'test/fixtures/lab/html-payload.md';
const PAYLOAD_TITLE = `<img src=x onerror="window.__notecastPwned='title'"><b>Bold</b> title`;

const suite = useSuite({
  server: {
    copy: [...TUTORIAL_FILES, KERNEL_ERROR, PAYLOAD],
    files: {
      'broken.md': '---\ntitle: Broken\n---\n\n# One\n\nText.\n\n::rnu\n'
    },
    // 1× with keystrokes, so that there is typing to interrupt.
    userSettings: { [SETTINGS_FILE]: { speed: 1, reducedMotion: 'off' } }
  },
  lab: { beforeLoad: recordAnnouncements }
});

function toolbarButton(player: Locator, name: string): Locator {
  return player.getByRole('toolbar', { name: 'Tutorial player' }).getByRole('button', { name, exact: true });
}

async function press(button: Locator): Promise<void> {
  await button.focus();
  await button.page().keyboard.press('Enter');
}

async function cellSource(page: Page, id: string): Promise<string> {
  return (await notebookCells(page, BASICS_NOTEBOOK)).find(cell => cell.id === id)?.source ?? '';
}

/** Waits until the player has typed part, not all, of `id`'s final source. */
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

test('take over mid-typing moves focus into the cell; an edit there survives "Continue with my changes"', { timeout: 120_000 }, async () => {
  const { page } = suite.lab;
  const player = await openTutorial(page, BASICS, 'Python basics');
  await press(toolbarButton(player, 'Play'));
  await allowRunningCode(page);
  await waitMidTyping(page, 'hello');
  // The cell being typed into is marked; playback has not moved focus (still on Play/Pause).
  assert.equal(await page.locator('.jp-Notebook .jp-Cell.jp-Notecast-activeCell').count(), 1);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Pause');

  await press(toolbarButton(player, 'Take over'));
  await waitForStatus(player, /^You have control/, 5_000);
  await waitForSpoken(page, /^You have control\. Cell 1 is active\. Press Escape to leave the editor\.$/);
  const inEditor = await page.evaluate(() => Boolean(document.activeElement?.closest('.jp-Cell .cm-editor')));
  assert.ok(inEditor, 'Take over did not move focus into the cell editor');
  const before = await cellSource(page, 'hello');
  await page.waitForTimeout(700);
  assert.equal(await cellSource(page, 'hello'), before, 'typing went on after the take-over');

  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# mine\n');
  await page.keyboard.press('Escape');

  await press(toolbarButton(player, 'Resume'));
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match((await dialog.textContent()) ?? '', /01-python-basics-my-version-1\.ipynb/);
  await press(dialog.getByRole('button', { name: 'Continue with my changes' }));
  await waitForSpoken(page, /^Resuming at step 2$/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Resume', 'focus did not return to the Resume button');
  await waitForSpoken(page, /^Cell 1 ran: Hello, notebook!$/, 60_000);
  const source = await cellSource(page, 'hello');
  assert.ok(source.startsWith('# mine\n'), `the learner's line is gone: ${JSON.stringify(source)}`);
  assert.ok(source.endsWith('greeting = "Hello, notebook!"\nprint(greeting)'), `the tutorial's code is incomplete: ${JSON.stringify(source)}`);
  assert.ok(!existsSync(join(suite.server.rootDir, 'tutorials/01-python-basics-my-version-1.ipynb')), 'continuing saved a copy');
});

test('"Restore the tutorial\'s state" saves the learner\'s version as a file first, then replays the step', { timeout: 150_000 }, async () => {
  const { page } = suite.lab;
  const player = playerFor(page, 'Python basics');
  await waitMidTyping(page, 'numbers');
  await press(toolbarButton(player, 'Take over'));
  await waitForStatus(player, /^You have control/, 5_000);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# learner edit');
  await page.keyboard.press('Escape');

  await press(toolbarButton(player, 'Resume'));
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  const text = (await dialog.textContent()) ?? '';
  const saved = /(01-python-basics-my-version-\d+\.ipynb)/.exec(text)?.[1];
  assert.ok(saved, `the dialog does not name the file: ${text}`);
  await press(dialog.getByRole('button', { name: "Restore the tutorial's state" }));
  await waitForSpoken(page, /^Resuming at step 3$/);

  const file = join(suite.server.rootDir, 'tutorials', saved);
  assert.ok(existsSync(file), `${saved} was not written`);
  const kept = JSON.parse(readFileSync(file, 'utf8')) as { cells: Array<{ id: string; source: string | string[] }> };
  const keptSource = kept.cells.map(cell => (Array.isArray(cell.source) ? cell.source.join('') : cell.source)).join('\n');
  assert.match(keptSource, /# learner edit/);
  assert.match(keptSource, /# mine/);

  await waitForSpoken(page, /^Cell 2 ran, 2 lines of output\. Pause to read them below the cell\.$/, 90_000);
  const numbers = await cellSource(page, 'numbers');
  assert.equal(numbers, expectedNotebook(BASICS).find(cell => cell.id === 'numbers')!.source);
  await pressInPlayer(player, 'Alt+Shift+P');
  await waitForStatus(player, /^Paused/, 5_000);
});

test('running a cell yourself while the tutorial plays takes over; Resume goes on', { timeout: 90_000 }, async () => {
  const { page } = suite.lab;
  const player = playerFor(page, 'Python basics');
  await pressInPlayer(player, 'Alt+Shift+P');
  await waitForStatus(player, /^(Playing|Running code|Your turn)/, 10_000);
  await page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell').first().locator('.jp-InputPrompt').click();
  await page.keyboard.press('Control+Enter');
  await waitForStatus(player, /^You have control/, 10_000);
  await waitForSpoken(page, /^You have control\. Cell 1 is active\. Press Escape to leave the editor\.$/);
  await press(toolbarButton(player, 'Resume'));
  await waitForStatus(player, /^(Playing|Running code|Your turn|Paused)/, 10_000);
});

test('the step slider speaks "Step N of M: title" and seeking says which cells the kernel needs', { timeout: 60_000 }, async () => {
  const { page } = suite.lab;
  const player = playerFor(page, 'Python basics');
  const slider = player.getByRole('slider', { name: 'Step' });
  await slider.focus();
  await page.keyboard.press('End');
  await waitForStatus(player, /Step 6 of 6: What you learned/, 10_000);
  assert.equal(await slider.getAttribute('aria-valuetext'), 'Step 6 of 6: What you learned');
  await waitForSpoken(page, /^Step 6 of 6: What you learned\.$/);
  const notice = player.getByRole('button', { name: 'Run cells up to here' });
  await notice.waitFor({ state: 'visible', timeout: 10_000 });
  await press(notice);
  await waitForSpoken(page, /^Ran cells? .*The kernel is ready for this step\.$/, 60_000);
  const cells = await notebookCells(page, BASICS_NOTEBOOK);
  assert.ok(cells.find(cell => cell.id === 'loop')!.output.includes('Meeting 1'), 'the loop cell did not run');
});

test('a kernel error pauses playback and says what failed; Play goes on', { timeout: 120_000 }, async () => {
  const { page } = suite.lab;
  const player = await openTutorial(page, KERNEL_ERROR, 'A step that fails');
  await page.getByRole('combobox', { name: 'Speed' }).first().waitFor();
  await player.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await press(toolbarButton(player, 'Play'));
  await allowRunningCode(page);
  await waitForStatus(player, /^Paused · Step 2 of 3/, 60_000);
  const said = (await spoken(page)).find(entry => /raised/.test(entry.text));
  assert.deepEqual(said, { text: 'Cell 2 raised NameError. Playback paused.', politeness: 'assertive', lang: '', english: [] });
  await pressInPlayer(player, 'Alt+Shift+P');
  await waitForStatus(player, /^Ended/, 60_000);
  const cells = await notebookCells(page, 'test/fixtures/lab/kernel-error.ipynb');
  assert.equal(cells.find(cell => cell.id === 'fixed')!.output.trim(), '42');
});

test('closing the notebook mid-play stops the player cleanly', { timeout: 60_000 }, async () => {
  const { page } = suite.lab;
  const player = playerFor(page, 'A step that fails');
  await player.getByRole('combobox', { name: 'Speed' }).selectOption('1');
  await pressInPlayer(player, 'Alt+Shift+S');
  await waitForStatus(player, /^(Playing|Running code)/, 10_000);
  await page.evaluate(() => {
    const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<{ context?: { path: string }; dispose(): void }> } };
    for (const widget of app.shell.widgets('main')) {
      if (widget.context?.path === 'test/fixtures/lab/kernel-error.ipynb') widget.dispose();
    }
  });
  await waitForSpoken(page, /^The notebook was closed\. Playback stopped\.$/);
  assert.match((await player.textContent()) ?? '', /The notebook was closed\. Playback stopped\./);
  assert.equal(await toolbarButton(player, 'Play').getAttribute('aria-disabled'), 'true');
  await page.waitForTimeout(1500);
  const errors = suite.lab.pageErrors.map(error => error.message);
  assert.deepEqual(errors, []);
});

test('a tutorial with errors shows them with line and column, announces them, and plays nothing', { timeout: 60_000 }, async () => {
  const { page } = suite.lab;
  await page.evaluate(() => window.jupyterapp!.commands.execute('notecast:open', { path: 'broken.md' }));
  const region = page.getByRole('region', { name: 'Tutorial errors: broken.md' });
  await region.waitFor({ state: 'visible', timeout: 30_000 });
  assert.match((await region.textContent()) ?? '', /Line 9, column 1: .*rnu/);
  const said = await waitForSpoken(page, /broken\.md has 1 error/);
  assert.match(said, /Line 9, column 1/);
  assert.equal(await page.getByRole('region', { name: 'Tutorial player: Broken' }).count(), 0);
});

test('titles, narration and prompts holding HTML and scripts are shown as text; nothing runs without consent', { timeout: 60_000 }, async () => {
  const { page } = suite.lab;
  const player = await openTutorial(page, PAYLOAD, PAYLOAD_TITLE);
  assert.equal(await player.locator('img, script, b, em').count(), 0, 'markup from the tutorial became elements');
  assert.match((await player.locator('.jp-NotecastPlayer-caption').textContent()) ?? '', /<img src=x onerror=/);
  assert.ok(((await player.textContent()) ?? '').includes(`<script>window.__notecastPwned='heading'</script>Step one`));
  await press(toolbarButton(player, 'Play'));
  const decline = page.getByRole('button', { name: "Don't run code" });
  await decline.waitFor({ state: 'visible', timeout: 10_000 });
  await press(decline);
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => (window as unknown as { __notecastPwned?: string }).__notecastPwned), undefined);
  assert.equal(existsSync(join(suite.server.rootDir, 'test/fixtures/lab/pwned.txt')), false);
  assert.equal(existsSync(join(suite.server.rootDir, 'pwned.txt')), false);
  const cells = await notebookCells(page, 'test/fixtures/lab/html-payload.ipynb');
  assert.ok(
    cells.every(cell => cell.executionCount === null),
    'a cell ran'
  );
  assert.match(await status(player), /^Ready/);
});
