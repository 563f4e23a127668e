/**
 * A classroom JupyterHub, as README "JupyterHub" sets one up: a learner follows
 * the link a teacher shares (`/hub/user-redirect/lab?notecast=<path>`), logs in
 * through the hub's own login form, gets their single-user JupyterLab with the
 * tutorials in their home, and plays a tutorial to the end in a real kernel,
 * with the cells and outputs the tutorial expects and the notebook written next
 * to the tutorial in their home. Stopping the hub leaves nothing running.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startJupyterHub, type JupyterHub } from './jupyterhub-server.js';
import { REPO_ROOT } from './jupyter-server.js';
import {
  SETTINGS_FILE,
  TUTORIAL_FILES,
  allowRunningCode,
  expectedNotebook,
  expectedOutputs,
  notebookCells,
  playerFor,
  pressInPlayer,
  recordAnnouncements,
  spoken,
  continueToEnd
} from './notecast.js';

const TUTORIAL = 'tutorials/01-python-basics.md';
const NOTEBOOK = TUTORIAL.replace(/\.md$/, '.ipynb');
const TITLE = /^title:\s*(.+)$/m.exec(readFileSync(join(REPO_ROOT, TUTORIAL), 'utf8'))![1].trim();

let hub: JupyterHub | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
const pageErrors: Error[] = [];

before(
  async () => {
    hub = await startJupyterHub({
      user: 'ada',
      tutorials: TUTORIAL_FILES,
      // Fast and whole blocks, as in play-tutorials.test.ts: this test is about the hub, not the typing.
      userSettings: { [SETTINGS_FILE]: { speed: 4, reducedMotion: 'on' } }
    });
    browser = await launchBrowser();
    context = await browser.newContext();
    page = await context.newPage();
    page.on('pageerror', error => pageErrors.push(error));
    await recordAnnouncements(page);
  },
  { timeout: 120_000 }
);

after(
  async () => {
    // Each step runs even if an earlier one failed, so nothing is left running.
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await hub?.stop();
  },
  { timeout: 60_000 }
);

test('the link a teacher shares asks the learner to log in through the hub', { timeout: 60_000 }, async () => {
  await page.goto(`${hub!.url}/hub/user-redirect/lab?notecast=${encodeURIComponent(TUTORIAL)}`);
  await page.getByLabel('Username').waitFor({ state: 'visible', timeout: 30_000 });
  assert.match(new URL(page.url()).pathname, /\/hub\/login$/);
  // A wrong password is refused: the form is the hub's real authenticator.
  await page.getByLabel('Username').fill(hub!.user);
  await page.getByLabel('Password', { exact: false }).first().fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(/Invalid username or password/i).waitFor({ state: 'visible', timeout: 15_000 });
});

test("after logging in, the learner's JupyterLab opens the tutorial in the player", { timeout: 180_000 }, async () => {
  await page.getByLabel('Username').fill(hub!.user);
  await page.getByLabel('Password', { exact: false }).first().fill(hub!.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // user-redirect sends a learner without a running server straight to the hub's spawn page, which
  // starts it and then goes on to the URL with the tutorial: no "Launch server" button in between.
  const player = playerFor(page, TITLE);
  await player.waitFor({ state: 'visible', timeout: 150_000 });
  // The tutorial came through login, spawn and the single-user server's OAuth round trip in the URL.
  assert.equal(new URL(page.url()).pathname, `/user/${hub!.user}/lab`);
  assert.match(await player.locator('.jp-NotecastPlayer-status').innerText(), /^Ready/);
  // The server's start command copied the class's tutorials into the home, and the player made its
  // notebook next to the tutorial there; the class's folder is left as it was.
  assert.ok(existsSync(join(hub!.homeDir, TUTORIAL)), `${TUTORIAL} was not copied into the learner's home`);
  assert.ok(existsSync(join(hub!.homeDir, NOTEBOOK)), `${NOTEBOOK} was not made in the learner's home`);
  assert.deepEqual(readdirSync(hub!.classDir).sort(), TUTORIAL_FILES.map(file => basename(file)).sort());
});

test('the tutorial plays to the end in the learner’s kernel, with the outputs it expects', { timeout: 240_000 }, async () => {
  const player = playerFor(page, TITLE);
  await pressInPlayer(player, 'Alt+Shift+P');
  await allowRunningCode(page);
  await continueToEnd(player);
  const cells = await notebookCells(page, NOTEBOOK);
  assert.deepEqual(
    cells.map(({ id, type, source }) => ({ id, type, source })),
    expectedNotebook(TUTORIAL)
  );
  const outputs = expectedOutputs(TUTORIAL);
  assert.ok(outputs.size > 0, `${TUTORIAL} expects no output: pick a tutorial with :::run blocks`);
  for (const [cell, expected] of outputs) {
    const actual = cells.find(c => c.id === cell);
    assert.ok(actual, `cell ${cell} is missing`);
    assert.equal(actual.output.trim(), expected.trim(), `the output of cell ${cell}`);
  }
  assert.ok(
    (await spoken(page)).some(entry => entry.text === 'Tutorial finished.'),
    'the end was not announced'
  );
  assert.deepEqual(
    pageErrors.map(error => error.message).filter(message => /notecast/i.test(message)),
    []
  );
});

test('stopping the hub stops the proxy, the learner’s server and kernel, and removes every file', { timeout: 60_000 }, async () => {
  assert.ok(hub!.running().length >= 3, `expected the hub, the proxy and a server running, found ${hub!.running().length} processes`);
  await context?.close();
  context = undefined;
  const home = hub!.homeDir;
  await hub!.stop();
  assert.deepEqual(hub!.running(), []);
  assert.equal(existsSync(home), Boolean(process.env.NOTECAST_E2E_KEEP));
});
