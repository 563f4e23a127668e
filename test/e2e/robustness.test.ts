/**
 * Opening tutorials every way a learner can, and the world changing under a
 * playing tutorial: two tutorials at once (shortcuts act on the one in
 * focus), the tutorial file changing on disk (reload offered), the kernel
 * restarting or dying mid-run (announced, paused, the notebook kept, the
 * learner able to go on), compiled `.notecast.json` scripts
 * opening with the player by default, the shortcut help built from the
 * live keybindings.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from './jupyter-server.js';
import {
  SETTINGS_FILE,
  TUTORIAL_FILES,
  allowRunningCode,
  execute,
  expectedNotebook,
  notebookCells,
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
const DIES = 'test/e2e/fixtures/kernel-dies.md';
const CHANGING = 'changing.md';
const changing = (title: string): string => `---\ntitle: ${title}\n---\n\n# Only step\n\nSome narration.\n`;
/** A folder of two tutorials for the launcher's tile to offer. */
const LAUNCHER_DIR = 'from-launcher';

const suite = useSuite({
  server: () => {
    const compiled = execFileSync(process.execPath, [join(REPO_ROOT, 'bin/notecast.js'), 'compile', join(REPO_ROOT, 'tutorials/03-data-exploration.md')], {
      encoding: 'utf8'
    });
    return {
      copy: [...TUTORIAL_FILES, SLOW, DIES],
      files: {
        [CHANGING]: changing('Before the change'),
        'exploration.notecast.json': compiled,
        [`${LAUNCHER_DIR}/one.md`]: changing('First of two'),
        [`${LAUNCHER_DIR}/two.md`]: changing('Second of two')
      },
      userSettings: { [SETTINGS_FILE]: { speed: 4, reducedMotion: 'on', singleKeyShortcuts: true } }
    };
  },
  lab: { beforeLoad: recordAnnouncements }
});

/**
 * Waits until the kernel of the open notebook at `path` answers a kernel_info request (its
 * status alone is no sign: after an automatic restart JupyterLab may show "unknown" or
 * "starting" until the kernel next runs something).
 */
async function waitForKernelToAnswer(page: Page, path: string, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await page.evaluate(async notebookPath => {
      type Kernel = { requestKernelInfo(): Promise<{ content: { status: string } } | undefined> };
      const app = window.jupyterapp as unknown as {
        shell: { widgets(area: string): Iterable<{ context?: { path: string }; sessionContext?: { session?: { kernel?: Kernel | null } | null } }> };
      };
      for (const widget of app.shell.widgets('main')) {
        const kernel = widget.context?.path === notebookPath ? widget.sessionContext?.session?.kernel : undefined;
        if (kernel) {
          const timedOut = new Promise<string>(done => setTimeout(() => done('no answer within 5 s'), 5_000));
          const answered = kernel.requestKernelInfo().then(
            reply => reply?.content.status ?? 'no reply',
            error => `failed: ${String(error)}`
          );
          return Promise.race([answered, timedOut]);
        }
      }
      return 'no kernel';
    }, path);
    if (last === 'ok') return;
    await page.waitForTimeout(250);
  }
  throw new Error(`the kernel of ${path} never answered; last: ${last}`);
}

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
  await waitForSpoken(
    page,
    /^The kernel restarted while cell 1 was running: what it had run is gone\. Playback paused\. Press Play to continue\.$/,
    30_000
  );
  await waitForStatus(player, /^Paused/, 10_000);
  assert.equal((await spoken(page)).find(entry => /kernel restarted/.test(entry.text))?.politeness, 'assertive');
});

test('the kernel dying mid-run is announced and pauses; the notebook is kept and the learner can rebuild and go on', { timeout: 120_000 }, async () => {
  const { page } = suite.lab;
  const notebook = DIES.replace(/\.md$/, '.ipynb');
  const player = await openTutorial(page, DIES, 'A kernel that dies');
  await pressInPlayer(player, 'Alt+Shift+P');
  await allowRunningCode(page);
  // Cell 2 runs `os._exit(1)`: the kernel's process is gone and the server restarts it.
  const said = await waitForSpoken(page, /^The kernel died/, 60_000);
  assert.equal(
    said,
    'The kernel died while cell 2 was running and is restarting: what it had run is gone. Playback paused. ' +
      'Use Run cells up to here to run cell 1 again, then press Play to continue.'
  );
  assert.equal((await spoken(page)).find(entry => entry.text === said)?.politeness, 'assertive');
  assert.ok(!(await spoken(page)).some(entry => /^Cell 2 failed/.test(entry.text)), 'the bare "Cell 2 failed" was announced too');
  await waitForStatus(player, /^Paused · Step 2 of 3/, 10_000);

  // JupyterLab says the same in its own dialog, which holds focus until closed.
  const restarting = page.getByRole('dialog').filter({ hasText: 'Kernel Restarting' });
  await restarting.waitFor({ state: 'visible', timeout: 10_000 });
  await restarting.getByRole('button', { name: 'Ok' }).focus();
  await page.keyboard.press('Enter');
  await restarting.waitFor({ state: 'detached', timeout: 10_000 });
  // Once the new kernel answers, playback is still paused: nothing plays on by itself.
  await waitForKernelToAnswer(page, notebook);
  assert.match(await status(player), /^Paused · Step 2 of 3/);

  // Nothing of the notebook is lost: both cells, their text, and cell 1's output.
  const cells = await notebookCells(page, notebook);
  assert.deepEqual(
    cells.map(({ id, source }) => ({ id, source })),
    expectedNotebook(DIES)
      .slice(0, 2)
      .map(({ id, source }) => ({ id, source }))
  );
  assert.equal(cells[0].output.trim(), '42');

  // The player offers to rebuild what the kernel lost; then Play goes on to the end.
  const rebuild = player.getByRole('button', { name: 'Run cells up to here' });
  await rebuild.focus();
  await page.keyboard.press('Enter');
  await waitForSpoken(page, /^Ran cell 1\. The kernel is ready for this step\.$/, 30_000);
  await pressInPlayer(player, 'Alt+Shift+P');
  await waitForStatus(player, /^Ended/, 60_000);
  const after = (await notebookCells(page, notebook)).find(cell => cell.id === 'after');
  assert.equal(after?.output.trim(), '42', 'the cell after the crash did not run in the restarted kernel with cell 1 rebuilt');
});

/** The tile of the `notecast:open` command, in a launcher showing `folder` that is in front. */
function launcherTile(page: Page, folder: string): Locator {
  return page
    .locator('.jp-Launcher')
    .filter({ visible: true, has: page.locator('.jp-Launcher-cwd', { hasText: folder }) })
    .first()
    .locator('.jp-LauncherCard[role=button][title^="Open a Notecast tutorial"]');
}

test("the launcher's tile opens the tutorial the learner picks from its folder in the player", { timeout: 60_000 }, async () => {
  const { page } = suite.lab;
  await execute(page, 'launcher:create', { cwd: LAUNCHER_DIR });
  const tile = launcherTile(page, LAUNCHER_DIR);
  await tile.waitFor({ state: 'visible', timeout: 20_000 });
  assert.equal(await tile.getAttribute('data-category'), 'Other');
  await tile.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog').filter({ hasText: 'Open a tutorial' });
  await dialog.waitFor({ state: 'visible', timeout: 15_000 });
  // The tile offers the tutorials of the launcher's folder, and only those.
  const choices = dialog.locator('select');
  assert.deepEqual(await choices.locator('option').allTextContents(), [`${LAUNCHER_DIR}/one.md`, `${LAUNCHER_DIR}/two.md`]);
  await choices.selectOption(`${LAUNCHER_DIR}/two.md`);
  await dialog.getByRole('button', { name: 'Open', exact: true }).focus();
  await page.keyboard.press('Enter');
  const player = playerFor(page, 'Second of two');
  await player.waitFor({ state: 'visible', timeout: 30_000 });
  assert.match(await status(player), /^Ready/);
  assert.equal(await playerFor(page, 'First of two').count(), 0, 'the tutorial not picked was opened too');
  // Beside its notebook, named after it (notebookCells throws when no notebook is open there).
  await notebookCells(page, `${LAUNCHER_DIR}/two.ipynb`);
});

test('the launcher\'s tile is named "Tutorial" with the Notecast icon, as the README says', { timeout: 30_000 }, async () => {
  const { page } = suite.lab;
  await execute(page, 'launcher:create', { cwd: LAUNCHER_DIR });
  const tile = launcherTile(page, LAUNCHER_DIR);
  await tile.waitFor({ state: 'visible', timeout: 20_000 });
  assert.equal((await tile.locator('.jp-LauncherCard-label').textContent())?.trim(), 'Tutorial');
  assert.equal(await tile.locator('.jp-LauncherCard-icon svg[data-icon="notecast:tutorial"]').count(), 1, 'the tile has no Notecast icon');
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
  assert.ok(
    said.some(text => /^Step 1 of \d+: .+\.$/.test(text)),
    `J did not go to step 1: ${said.join(' | ')}`
  );
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
