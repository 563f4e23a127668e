/**
 * The whole stack works: a real JupyterLab with the pip-installed Notecast
 * extension, a real ipykernel, and Debian's Chromium.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notecastErrors, useSuite } from './suite.js';

const PLUGIN_ID = 'jupyterlab-notecast:plugin';

const suite = useSuite();

test('the Notecast plugin is registered and activated', async () => {
  const state = await suite.lab.page.evaluate(id => {
    const app = window.jupyterapp!;
    return { registered: app.hasPlugin(id), activated: app.isPluginActivated(id) };
  }, PLUGIN_ID);
  assert.deepEqual(state, { registered: true, activated: true });
});

test('a python3 notebook runs 1+1 in a real kernel and shows 2', { timeout: 150_000 }, async () => {
  const { page } = suite.lab;
  await page.evaluate(() => window.jupyterapp!.commands.execute('notebook:create-new', { kernelName: 'python3' }));
  // The suite's first kernel: in a fresh venv, Python compiles ipykernel's modules as it starts.
  await page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator[data-status="idle"]').waitFor({ timeout: 90_000 });
  const firstCell = page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell').first();
  await firstCell.locator('.cm-content').click();
  await page.keyboard.type('1+1');
  await page.keyboard.press('Shift+Enter');
  const output = firstCell.locator('.jp-OutputArea-output');
  await output.waitFor({ state: 'visible', timeout: 60_000 });
  assert.equal((await output.innerText()).trim(), '2');
});

test('no news toast asks about official Jupyter news', async () => {
  // Runs after the notebook test, so the notification plugin has long had time to show it.
  const notificationsActive = await suite.lab.page.evaluate(() => window.jupyterapp!.isPluginActivated('@jupyterlab/apputils-extension:notification'));
  assert.ok(notificationsActive, 'the plugin that shows the news toast is not running, so this test proves nothing');
  assert.equal(await suite.lab.page.getByText('official Jupyter news').count(), 0);
});

test('no page error or console error comes from Notecast', () => {
  assert.deepEqual(notecastErrors(suite.lab), []);
});
