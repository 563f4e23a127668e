/**
 * Opening tutorials every way a learner can, and the world changing under a
 * playing tutorial: two tutorials at once (shortcuts act on the one in
 * focus), the tutorial file changing on disk (reload offered), the kernel
 * restarting mid-run (announced, paused), compiled `.notecast.json` scripts
 * opening with the player by default, the shortcut help built from the
 * live keybindings.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { REPO_ROOT } from './jupyter-server.js';
import {
  SETTINGS_FILE,
  TUTORIAL_FILES,
  allowRunningCode,
  execute,
  openTutorial,
  playerFor,
  pressInPlayer,
  recordAnnouncements,
  revealPlayer,
  spoken,
  start,
  status,
  waitForSpoken,
  waitForStatus
} from './notecast.js';
import { notecastErrors, useSuite } from './suite.js';

const SLOW = 'test/fixtures/lab/slow-run.md';
const CHANGING = 'changing.md';
const changing = (title: string): string => `---\ntitle: ${title}\n---\n\n# Only step\n\nSome narration.\n`;

const suite = useSuite({
  server: () => {
    const compiled = execFileSync(process.execPath, [join(REPO_ROOT, 'bin/notecast.js'), 'compile', join(REPO_ROOT, 'tutorials/03-data-exploration.md')], {
      encoding: 'utf8'
    });
    return {
      copy: [...TUTORIAL_FILES, SLOW],
      files: { [CHANGING]: changing('Before the change'), 'exploration.notecast.json': compiled },
      userSettings: { [SETTINGS_FILE]: { speed: 4, reducedMotion: 'on', singleKeyShortcuts: true } }
    };
  },
  lab: { beforeLoad: recordAnnouncements }
});

async function focusIn(player: Locator, title: string): Promise<void> {
  await revealPlayer(suite.lab.page, title);
  await player.getByRole('toolbar', { name: 'Tutorial player' }).getByRole('button', { name: 'Next step', exact: true }).focus();
}

test('"Open as Tutorial" is in the file browser\'s context menu for Markdown files', { timeout: 60_000 }, async () => {
  const { page } = suite.lab;
  const item = page.locator('.jp-DirListing-item', { hasText: CHANGING });
  await item.waitFor({ state: 'visible', timeout: 20_000 });
  await item.click({ button: 'right' });
  const entry = page.getByRole('menuitem', { name: 'Open as Tutorial' });
  await entry.waitFor({ state: 'visible', timeout: 10_000 });
  await entry.click();
  await playerFor(page, 'Before the change').waitFor({ state: 'visible', timeout: 30_000 });
});

test('a tutorial that changes on disk offers a reload, which shows the new version', { timeout: 60_000 }, async () => {
  const { page } = suite.lab;
  writeFileSync(join(suite.server.rootDir, CHANGING), changing('After the change'));
  const player = playerFor(page, 'Before the change');
  const reload = player.getByRole('button', { name: 'Reload tutorial' });
  await reload.waitFor({ state: 'visible', timeout: 20_000 });
  await waitForSpoken(page, /^The tutorial file changed on disk\./);
  await reload.focus();
  await page.keyboard.press('Enter');
  await playerFor(page, 'After the change').waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await playerFor(page, 'Before the change').count(), 0);
});

test('two tutorials open at once: each has its own player and shortcuts act on the one in focus', { timeout: 90_000 }, async () => {
  const { page } = suite.lab;
  const basics = await openTutorial(page, 'tutorials/01-python-basics.md', 'Python basics');
  const functions = await openTutorial(page, 'tutorials/02-functions-and-errors.md', 'Functions and errors');
  await focusIn(basics, 'Python basics');
  await page.keyboard.press('Alt+Shift+L');
  await waitForSpoken(page, /^Step 1 of 6: Welcome\./);
  await focusIn(functions, 'Functions and errors');
  await page.keyboard.press('Alt+Shift+L');
  await waitForSpoken(page, /^Step 1 of \d+: A first function\./);
  await pressInPlayer(functions, 'Alt+Shift+P');
  await allowRunningCode(page);
  await revealPlayer(page, 'Python basics');
  await waitForStatus(functions, /^(Playing|Running code)/, 10_000);
  assert.match(await status(basics), /^Ready/);
  await revealPlayer(page, 'Functions and errors');
  await pressInPlayer(functions, 'Alt+Shift+P');
  await waitForStatus(functions, /^Paused/, 10_000);
  assert.match(await status(basics), /^Ready/);
});

test('the kernel restarting mid-run is announced and pauses playback', { timeout: 90_000 }, async () => {
  const { page } = suite.lab;
  const player = await openTutorial(page, SLOW, 'A slow cell');
  await pressInPlayer(player, 'Alt+Shift+P');
  await allowRunningCode(page);
  await waitForStatus(player, /^Running code/, 30_000);
  await page.waitForTimeout(500);
  await page.evaluate(async () => {
    const app = window.jupyterapp as unknown as {
      shell: { widgets(area: string): Iterable<{ context?: { path: string }; sessionContext?: { restartKernel(): Promise<void> } }> };
    };
    for (const widget of app.shell.widgets('main')) {
      if (widget.context?.path === 'test/fixtures/lab/slow-run.ipynb') await widget.sessionContext!.restartKernel();
    }
  });
  await waitForSpoken(page, /^The kernel restarted while cell 1 was running\.$/, 30_000);
  await waitForStatus(player, /^Paused/, 10_000);
  assert.equal((await spoken(page)).find(entry => /kernel restarted/.test(entry.text))?.politeness, 'assertive');
});

test('a compiled .notecast.json script opens with the player by default', { timeout: 60_000 }, async () => {
  const { page } = suite.lab;
  await execute(page, 'docmanager:open', { path: 'exploration.notecast.json' });
  const player = playerFor(page, 'A small data exploration');
  await player.waitFor({ state: 'visible', timeout: 30_000 });
  assert.match(await status(player), /^Ready/);
});

test('with single-key shortcuts on, J/K/L work inside the player and are exposed in aria-keyshortcuts', { timeout: 30_000 }, async () => {
  const { page } = suite.lab;
  const player = playerFor(page, 'A small data exploration');
  const toolbar = player.getByRole('toolbar', { name: 'Tutorial player' });
  assert.match((await toolbar.getByRole('button', { name: 'Play', exact: true }).getAttribute('aria-keyshortcuts')) ?? '', /(^| )K( |$)/);
  assert.match((await toolbar.getByRole('button', { name: 'Play', exact: true }).getAttribute('aria-keyshortcuts')) ?? '', /Alt\+Shift\+P/);
  await toolbar.getByRole('button', { name: 'Previous step', exact: true }).focus();
  const before = (await spoken(page)).length;
  await page.keyboard.press('j');
  await waitForStatus(player, /^Paused · Step 1 of/, 10_000);
  await page.waitForTimeout(500);
  const said = (await spoken(page)).slice(before).map(entry => entry.text);
  assert.ok(said.some(text => /^Step 1 of \d+: .+\.$/.test(text)), `J did not go to step 1: ${said.join(' | ')}`);
});

test('the shortcut help lists every player command with its live keys', { timeout: 30_000 }, async () => {
  const { page } = suite.lab;
  await start(page, 'notecast:show-shortcuts');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  const text = (await dialog.textContent()) ?? '';
  for (const label of ['Play Tutorial', 'Next Tutorial Step', 'Previous Tutorial Step', 'Take Over from the Tutorial', 'Resume the Tutorial']) {
    assert.ok(text.includes(label), `${label} is missing from the shortcut help`);
  }
  assert.match(text, /Alt\+Shift\+P|Alt Shift P|⌥⇧P/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

test('/lab?notecast=<path> (what make demo opens) shows that tutorial in the player, ready to play', { timeout: 90_000 }, async () => {
  const demo = await suite.openLab({ query: { notecast: 'tutorials/01-python-basics.md' } });
  try {
    const player = playerFor(demo.page, 'Python basics');
    await player.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await status(player), /^Ready/);
  } finally {
    await demo.context.close();
  }
});

test('no page error comes from Notecast', () => {
  assert.deepEqual(notecastErrors(suite.lab), []);
});
