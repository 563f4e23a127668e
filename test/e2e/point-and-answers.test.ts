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
import type { Locator, Page } from 'playwright-core';
import {
  SETTINGS_FILE,
  allowRunningCode,
  execute,
  notebookCells,
  openTutorial,
  recordAnnouncements,
  setSetting,
  waitForSpoken,
  waitForStatus
} from './notecast.js';
import { useSuite } from './suite.js';

const TUTORIAL = 'test/fixtures/lab/point-and-answer.md';
const NOTEBOOK = 'test/fixtures/lab/point-and-answer.ipynb';

// An answer cell below 40 others: in a reopened notebook it is drawn only once scrolled to.
const LONG_TUTORIAL = 'long-exercise.md';
const LONG_NOTEBOOK = 'long-exercise.ipynb';
const LONG_TITLE = 'A long exercise';
const FILLER_CELLS = 40;
const longTutorial = [
  '---',
  `title: ${LONG_TITLE}`,
  '---',
  '',
  '# Many cells',
  '',
  ...Array.from({ length: FILLER_CELLS }, (_, i) => [`:::type{cell=c${i + 1} instant}`, '```python', `n${i + 1} = ${i + 1}`, '```', ':::', '']).flat(),
  '::cell{cell=answer placeholder="Add them up here"}',
  '',
  '# Your answer',
  '',
  ':::pause{cell=answer}',
  'Add up every number in the empty cell.',
  ':::',
  '',
  '# The end',
  '',
  'That was all.',
  ''
].join('\n');

const suite = useSuite({
  server: {
    copy: [TUTORIAL],
    files: { [LONG_TUTORIAL]: longTutorial },
    userSettings: { [SETTINGS_FILE]: { speed: 2, reducedMotion: 'off' } }
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

test('an answer cell first drawn when scrolled to, in a reopened notebook, shows its placeholder', { timeout: 120_000 }, async () => {
  const { page } = suite.lab;
  // Full windowing: a cell out of view has no editor until it is scrolled to (JupyterLab's default
  // draws them at idle times instead, just as unseen by a first look at the notebook).
  await setSetting(page, '@jupyterlab/notebook-extension:tracker', 'windowingMode', 'full');
  try {
    await reopenedAnswerCell(page);
  } finally {
    await setSetting(page, '@jupyterlab/notebook-extension:tracker', 'windowingMode', 'contentVisibility');
  }
});

/** Plays the long exercise to its pause, saves, closes and reopens it, and scrolls to its answer cell. */
async function reopenedAnswerCell(page: Page): Promise<void> {
  let player = await openTutorial(page, LONG_TUTORIAL, LONG_TITLE);
  await press(toolbarButton(player, 'Play'));
  await waitForStatus(player, /^Your turn · Step 2/, 60_000);
  assert.equal(await page.locator('.jp-Notecast-answerCell [data-notecast-placeholder="Add them up here"]').count(), 1);

  // Saved and closed, then opened again, as a learner coming back the next day: the notebook opens at its top.
  await page.evaluate(async notebookPath => {
    type Panel = { context?: { path: string; save(): Promise<void> }; close(): void };
    const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<Panel> } };
    for (const widget of app.shell.widgets('main')) {
      if (widget.context?.path === notebookPath) {
        await widget.context.save();
        widget.close();
      }
    }
  }, LONG_NOTEBOOK);
  player = await openTutorial(page, LONG_TUTORIAL, LONG_TITLE);
  await waitForStatus(player, /· Step 2 of 3/, 30_000);
  const answerCell = (path: string) => {
    type Cell = { model: { id: string }; isPlaceholder(): boolean };
    type Panel = { context?: { path: string }; content?: { widgets: readonly Cell[] } };
    const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<Panel> } };
    for (const widget of app.shell.widgets('main')) {
      const cell = widget.context?.path === path ? widget.content?.widgets.find(each => each.model.id === 'answer') : undefined;
      if (cell) return { drawn: !cell.isPlaceholder() };
    }
    return undefined;
  };
  assert.deepEqual(await page.evaluate(answerCell, LONG_NOTEBOOK), { drawn: false }, 'the answer cell was drawn before it was scrolled to');

  const panelId = await page.evaluate(path => {
    type Panel = { id: string; context?: { path: string }; content?: { node: HTMLElement } };
    const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<Panel> } };
    for (const widget of app.shell.widgets('main')) {
      if (widget.context?.path === path) {
        const scroller = widget.content?.node.querySelector('.jp-WindowedPanel-outer');
        scroller?.scrollTo({ top: scroller.scrollHeight });
        return widget.id;
      }
    }
    throw new Error(`no open notebook at ${path}`);
  }, LONG_NOTEBOOK);
  const answer = page.locator(`[id="${panelId}"] .jp-Notecast-answerCell`);
  await answer.locator('.jp-InputArea-editor').waitFor({ state: 'visible', timeout: 10_000 });
  assert.deepEqual(await page.evaluate(answerCell, LONG_NOTEBOOK), { drawn: true });
  // Nothing in the notebook changed since it was drawn: the placeholder comes with the drawing.
  await answer.locator('.jp-InputArea-editor[data-notecast-placeholder]').waitFor({ state: 'attached', timeout: 5_000 });
  assert.equal(await answer.locator('.jp-InputArea-editor').getAttribute('data-notecast-placeholder'), 'Add them up here');
  assert.equal(await answer.locator('.cm-content').getAttribute('aria-placeholder'), 'Add them up here');
}
