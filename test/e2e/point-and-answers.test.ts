/**
 * `::point` and answer cells in a real JupyterLab with a real kernel: the Run
 * button ringed and described (its name, where it is, its shortcut) without
 * moving focus; a wait that the learner's own command ends; an answer cell
 * with its placeholder, whose text the learner writes, resumes without a
 * conflict and survives a seek; a command this JupyterLab lacks said in words
 * without leaving the learner stuck.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { SETTINGS_FILE, allowRunningCode, execute, notebookCells, openTutorial, recordAnnouncements, waitForSpoken, waitForStatus } from './notecast.js';
import { useSuite } from './suite.js';

const TUTORIAL = 'test/fixtures/lab/point-and-answer.md';
const NOTEBOOK = 'test/fixtures/lab/point-and-answer.ipynb';

const suite = useSuite({
  server: { copy: [TUTORIAL], userSettings: { [SETTINGS_FILE]: { speed: 2, reducedMotion: 'off' } } },
  lab: { beforeLoad: recordAnnouncements }
});

function toolbarButton(player: Locator, name: string): Locator {
  return player.getByRole('toolbar', { name: 'Tutorial player' }).getByRole('button', { name, exact: true });
}

async function press(button: Locator): Promise<void> {
  await button.focus();
  await button.page().keyboard.press('Enter');
}

test('::point rings the Run button, describes it with its shortcut, and never moves focus', { timeout: 120_000 }, async () => {
  const { page } = suite.lab;
  const player = await openTutorial(page, TUTORIAL, 'Pointing and answers');
  await press(toolbarButton(player, 'Play'));
  await allowRunningCode(page);
  const said = await waitForSpoken(page, /button in the notebook toolbar, Shift\+Enter$/);
  const ringed = page.locator('.jp-Notecast-pointed');
  await ringed.waitFor({ state: 'attached', timeout: 10_000 });
  const where = await ringed.evaluate(element => ({
    command: element.getAttribute('data-command'),
    inToolbar: Boolean(element.closest('.jp-NotebookPanel-toolbar')),
    html: element.outerHTML.slice(0, 300)
  }));
  assert.deepEqual([where.command, where.inToolbar], ['notebook:run-cell-and-select-next', true], where.html);
  assert.match((await ringed.getAttribute('aria-describedby')) ?? '', /notecast-point-description/);
  assert.equal(await page.locator('#notecast-point-description').textContent(), said);
  assert.equal(said.split('Shift+Enter').length, 2, `the shortcut is said once: ${said}`);
  const focused = await page.evaluate(() => document.activeElement?.closest('[role=toolbar]')?.getAttribute('aria-label'));
  assert.equal(focused, 'Tutorial player', 'playback moved focus');
  // The ring is an outline, which forced colours keep.
  const outline = await ringed.evaluate(element => getComputedStyle(element).outlineStyle);
  assert.equal(outline, 'solid');
});

test('::point with wait waits until the learner runs the command, with Skip offered', { timeout: 60_000 }, async () => {
  const { page } = suite.lab;
  const player = page.getByRole('region', { name: 'Tutorial player: Pointing and answers' });
  await waitForSpoken(page, /tab in the side bar.*Run it to continue, or press Skip\.$/);
  await waitForStatus(player, /^Your turn/, 10_000);
  await player.getByRole('button', { name: 'Skip' }).waitFor({ state: 'visible', timeout: 5_000 });
  assert.equal(await page.locator('.jp-SideBar [data-id="filebrowser"].jp-Notecast-pointed').count(), 1);
  await page.waitForTimeout(1000);
  assert.match(await waitForStatus(player, /./), /^Your turn/, 'playback went on without the learner');
  await execute(page, 'filebrowser:toggle-main');
  await waitForStatus(player, /^(Playing|Running code|Paused|Your turn · Step 2)/, 10_000);
  assert.equal(await page.locator('.jp-Notecast-pointed').count(), 0, 'the ring stayed after the command ran');
});

test("an answer cell shows its placeholder; the learner's answer resumes without a conflict and survives a seek", { timeout: 120_000 }, async () => {
  const { page } = suite.lab;
  const player = page.getByRole('region', { name: 'Tutorial player: Pointing and answers' });
  await waitForStatus(player, /^Your turn · Step 2/, 30_000);
  const answer = page.locator('.jp-Notebook .jp-Cell.jp-Notecast-answerCell');
  await answer.waitFor({ state: 'visible', timeout: 10_000 });
  assert.equal(await answer.locator('.jp-InputArea-editor').getAttribute('data-notecast-placeholder'), 'Double x here');
  assert.equal(await answer.locator('.cm-content').getAttribute('aria-placeholder'), 'Double x here');
  assert.ok(await answer.evaluate(element => element.classList.contains('jp-Notecast-emptyAnswer')));

  await answer.locator('.cm-content').click();
  await page.keyboard.type('x = x * 2');
  await page.keyboard.press('Escape');
  await waitForStatus(player, /^You have control/, 10_000);
  await press(toolbarButton(player, 'Resume'));
  // No dialog: the answer cell is the learner's, never a conflict.
  await waitForStatus(player, /^(Playing|Running code|Your turn · Step 3|Ended)/, 10_000);
  assert.equal(await page.locator('.jp-Dialog').count(), 0, 'resuming asked about the answer cell');
  const source = async (): Promise<string | undefined> => (await notebookCells(page, NOTEBOOK)).find(cell => cell.id === 'answer')?.source;
  assert.equal(await source(), 'x = x * 2');

  // The last point names a command this JupyterLab lacks: said, and playback is not stuck.
  await waitForSpoken(page, /points at the command nosuch:command, which this JupyterLab does not have/, 60_000);
  await waitForStatus(player, /^Ended/, 30_000);
  // The tutorial ran the learner's answer, then code that uses it.
  const after = (await notebookCells(page, NOTEBOOK)).find(cell => cell.id === 'after');
  assert.equal(after?.output.trim(), '4');
  const slider = player.getByRole('slider', { name: 'Step' });
  await slider.focus();
  await page.keyboard.press('End');
  await waitForStatus(player, /^Ended/, 10_000);
  assert.equal(await source(), 'x = x * 2', 'a seek overwrote the answer');
});
