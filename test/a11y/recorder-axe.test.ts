/**
 * Strict, as player-axe.test.ts: zero axe violations in what the recorder
 * adds to JupyterLab — the Recording sign in the notebook's toolbar, and the
 * dialog that starts a new step (its two fields labelled, the title focused).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SETTINGS_FILE } from '../e2e/notecast.js';
import { useSuite } from '../e2e/suite.js';
import { formatViolations, scan } from './helpers/axe.js';
import { execute, settle } from './helpers/lab.js';

const NOTEBOOK = JSON.stringify({
  cells: [{ cell_type: 'code', id: 'first', metadata: {}, source: 'x = 1', outputs: [], execution_count: null }],
  metadata: { kernelspec: { name: 'python3', display_name: 'Python 3 (ipykernel)', language: 'python' } },
  nbformat: 4,
  nbformat_minor: 5
});

const suite = useSuite({ server: { files: { 'lesson.ipynb': NOTEBOOK }, userSettings: { [SETTINGS_FILE]: {} } } });

test('zero axe violations in the Recording sign and the new-step dialog', { timeout: 120_000 }, async () => {
  const { page } = suite.lab;
  await execute(page, 'docmanager:open', { path: 'lesson.ipynb' });
  await page.locator('.jp-NotebookPanel .jp-Notebook').first().waitFor({ state: 'visible' });
  await execute(page, 'notecast:start-recording');
  const sign = page.locator('.jp-NotecastRecording');
  await sign.waitFor({ state: 'visible' });
  assert.equal(await sign.locator('[role="timer"]').getAttribute('aria-label'), 'Time recorded');
  await settle(page);
  const signViolations = formatViolations(await scan(page, { include: '.jp-NotecastRecording', scope: 'player' }));

  void page.evaluate(() => window.jupyterapp!.commands.execute('notecast:recording-new-step'));
  const dialog = page.locator('.jp-Dialog');
  await dialog.waitFor({ state: 'visible' });
  await settle(page);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('jp-NotecastStepForm-title')), true, 'the title field has focus');
  const dialogViolations = formatViolations(await scan(page, { include: '.jp-NotecastStepForm', scope: 'player' }));
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await execute(page, 'notecast:stop-recording');

  assert.equal(signViolations, 'no violations', `axe violations, the Recording sign:\n${signViolations}`);
  assert.equal(dialogViolations, 'no violations', `axe violations, the new-step dialog:\n${dialogViolations}`);
});
