/**
 * Recording a notebook in a real JupyterLab with a real kernel: the author
 * types two cells with the keyboard (one edited in the middle), runs them,
 * marks a step, deletes a cell and stops. The recording opens, passes
 * `notecast check`, and played in the player gives the same notebook and
 * the same outputs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from './jupyter-server.js';
import {
  SETTINGS_FILE,
  allowRunningCode,
  execute,
  notebookCells,
  openTutorial,
  pressInPlayer,
  recordAnnouncements,
  waitForSpoken,
  waitForStatus
} from './notecast.js';
import { notecastErrors, useSuite } from './suite.js';

const EMPTY_NOTEBOOK = JSON.stringify({
  cells: [{ cell_type: 'code', id: 'first', metadata: {}, source: '', outputs: [], execution_count: null }],
  metadata: { kernelspec: { name: 'python3', display_name: 'Python 3 (ipykernel)', language: 'python' }, language_info: { name: 'python' } },
  nbformat: 4,
  nbformat_minor: 5
});

const suite = useSuite({
  server: { files: { 'lesson.ipynb': EMPTY_NOTEBOOK }, userSettings: { [SETTINGS_FILE]: { speed: 4, reducedMotion: 'on' } } },
  lab: { beforeLoad: recordAnnouncements }
});

test('a recorded session becomes a tutorial that plays back to the same notebook and outputs', { timeout: 240_000 }, async () => {
  const { page } = suite.lab;
  await execute(page, 'docmanager:open', { path: 'lesson.ipynb' });
  const notebook = page
    .locator('.jp-NotebookPanel')
    .filter({ has: page.locator('.jp-Notebook') })
    .first();
  await notebook.waitFor({ state: 'visible' });
  await page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').first().waitFor({ timeout: 60_000 });

  // The notebook's toolbar offers it (`jupyter.lab.toolbars` in the settings schema).
  await notebook.locator('.jp-Toolbar').getByRole('button', { name: 'Record', exact: true }).click();
  const sign = notebook.locator('.jp-NotecastRecording');
  await sign.waitFor({ state: 'visible' });
  assert.match((await sign.textContent()) ?? '', /Recording\s*0:0\d/);
  await waitForSpoken(page, /^Recording lesson\.ipynb\./);

  // The first cell: typed, then edited in the middle (10 becomes 42), then run.
  await notebook.locator('.jp-Cell').first().locator('.cm-content').click();
  await page.keyboard.type('x = 10\nprint(x)', { delay: 40 });
  // A pause longer than one burst of typing, so the change is an edit of what was typed.
  await page.waitForTimeout(2_500);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('42', { delay: 40 });
  await page.keyboard.press('Shift+Enter');
  await notebook.locator('.jp-Cell').first().locator('.jp-OutputArea-output').filter({ hasText: '42' }).waitFor({ timeout: 30_000 });

  // A new step, marked with the keyboard shortcut's command and its dialog.
  // Alt+Shift+M, with focus anywhere in the notebook.
  await page.keyboard.press('Alt+Shift+M');
  const title = page.getByRole('textbox', { name: 'Step title' });
  await title.waitFor({ state: 'visible' });
  await title.fill('Doubling');
  await page.getByRole('textbox', { name: /^Narration/ }).fill('Now we double it.');
  await page.getByRole('button', { name: 'Start the step' }).click();
  await waitForSpoken(page, /^New step: Doubling\./);

  // The second cell: Shift+Enter made it below the first; typed and run.
  const second = notebook.locator('.jp-Cell').nth(1);
  await second.locator('.cm-content').click();
  await page.keyboard.type('y = x * 2\nprint(y)', { delay: 40 });
  await page.keyboard.press('Shift+Enter');
  await second.locator('.jp-OutputArea-output').filter({ hasText: '84' }).waitFor({ timeout: 30_000 });

  // Shift+Enter on the last cell made a third, empty one: delete it, and add a markdown cell.
  await page.keyboard.press('Escape');
  await execute(page, 'notebook:delete-cell');
  await execute(page, 'notebook:insert-cell-below');
  await execute(page, 'notebook:change-cell-to-markdown');
  await execute(page, 'notebook:enter-edit-mode');
  await page.keyboard.type('## Done', { delay: 40 });
  await page.keyboard.press('Escape');
  const authored = (await notebookCells(page, 'lesson.ipynb')).map(({ type, source, output }) => ({ type, source, output }));
  assert.deepEqual(
    authored.map(cell => cell.source),
    ['x = 42\nprint(x)', 'y = x * 2\nprint(y)', '## Done'],
    'the notebook the author left'
  );

  const stop = notebook.locator('.jp-Toolbar').getByRole('button', { name: 'Stop', exact: true });
  assert.equal(await notebook.locator('.jp-Toolbar').getByRole('button', { name: 'Record', exact: true }).count(), 0, 'Record is hidden while recording');
  await stop.click();
  await waitForSpoken(page, /^Recording stopped: lesson-recording\.md has 2 steps\./);
  assert.equal(await sign.count(), 0, 'the sign is gone');
  // The recording opens for the author to edit.
  await page.waitForFunction(
    () => {
      const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<{ context?: { path: string } }> } };
      return [...app.shell.widgets('main')].some(widget => widget.context?.path === 'lesson-recording.md');
    },
    undefined,
    { timeout: 30_000 }
  );

  const file = join(suite.server.rootDir, 'lesson-recording.md');
  const markdown = readFileSync(file, 'utf8');
  assert.match(markdown, /^# Doubling\n\nNow we double it.$/m);
  assert.match(markdown, /:::replace\{cell=cell-1 find="10"/, 'the edit in the middle is a replace');
  assert.match(markdown, /:::run\{cell=cell-1\}\n```text\n42\n```\n:::/, 'the output the author saw is expected');
  const check = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/notecast.js'), 'check', file], { encoding: 'utf8' });
  assert.equal(check.status, 0, `notecast check: ${check.stdout}${check.stderr}\n${markdown}`);

  // Played back: the same cells and outputs.
  const player = await openTutorial(page, 'lesson-recording.md', 'lesson');
  await pressInPlayer(player, 'Alt+Shift+P');
  await allowRunningCode(page);
  await waitForStatus(player, /^Ended/, 180_000);
  const played = (await notebookCells(page, 'lesson-recording.ipynb')).map(({ type, source, output }) => ({ type, source, output }));
  assert.deepEqual(played, authored);
  await waitForSpoken(page, /^Tutorial finished\.$/);
});

test('recording never writes over a file: the next recording gets the next free name', { timeout: 60_000 }, async () => {
  const { page } = suite.lab;
  await execute(page, 'docmanager:open', { path: 'lesson.ipynb' });
  await execute(page, 'notecast:start-recording');
  await execute(page, 'notecast:stop-recording');
  await waitForSpoken(page, /^Recording stopped: lesson-recording-1\.md has 1 step\./);
  assert.match(readFileSync(join(suite.server.rootDir, 'lesson-recording.md'), 'utf8'), /# Doubling/, 'the first recording is untouched');
});

test('no page error or console error comes from Notecast', () => {
  assert.deepEqual(notecastErrors(suite.lab), []);
});
