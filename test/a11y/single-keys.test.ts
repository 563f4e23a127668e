/**
 * Single-key shortcuts (docs/explanation/accessibility.md, R4, R6; WCAG 2.1.4 Character Key Shortcuts): K, J and L
 * (play/pause, previous, next) work only with the `singleKeyShortcuts` setting on — off by
 * default, since single keys clash with screen-reader browse modes and speech input — only
 * while focus is inside the player, and never in a cell editor, where they are text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { CURRENT_NOTEBOOK, PLUGIN_ID, saveSettings, settle } from './helpers/lab.js';
import { acceptConsent, cellSources, dialog, openTutorial, player, waitForToggle } from './helpers/player.js';
import { useSuite } from './helpers/suite.js';

const suite = useSuite();

const SINGLE_KEYS = [
  ['k', 'notecast:toggle-play'],
  ['j', 'notecast:previous-step'],
  ['l', 'notecast:next-step']
] as const;

/** A Lab with `settings` saved for Notecast first, and the tutorial's player open. */
async function openPlayerWith(settings: Record<string, unknown>): Promise<{ page: Page; restore: () => Promise<void> }> {
  const setup = await suite.openLab();
  await saveSettings(setup.page, PLUGIN_ID, JSON.stringify(settings));
  const { page } = await suite.openLab();
  await openTutorial(page);
  await settle(page);
  return { page, restore: () => saveSettings(page, PLUGIN_ID, '{}') };
}

/**
 * Records the commands executed from now on. Notecast's are recorded and not run (no side
 * effects); JupyterLab's own still run, so the notebook behaves as usual.
 */
async function spyOnCommands(page: Page): Promise<void> {
  await page.evaluate(() => {
    const commands = (window.jupyterapp as unknown as { commands: { execute(id: string, args?: unknown): Promise<unknown> } }).commands;
    const original = commands.execute.bind(commands);
    (window as unknown as { __unspy: () => void }).__unspy = () => delete (commands as Partial<typeof commands>).execute;
    const log: string[] = ((window as unknown as { __executed: string[] }).__executed = []);
    commands.execute = (id: string, args?: unknown) => {
      log.push(id);
      return id.startsWith('notecast:') ? Promise.resolve(undefined) : original(id, args);
    };
  });
}

/** Commands run for real again. */
async function stopSpying(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __unspy: () => void }).__unspy());
}

async function notecastExecuted(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __executed: string[] }).__executed.splice(0).filter(id => id.startsWith('notecast:')));
}

test('R4: single-key shortcuts are off by default — K, J, L in the player do nothing and are not advertised', { timeout: 120_000 }, async () => {
  const { page, restore } = await openPlayerWith({});
  try {
    const p = player(page);
    await spyOnCommands(page);
    for (const control of [p.playPause, p.next]) {
      await control.focus();
      for (const [key] of SINGLE_KEYS) await page.keyboard.press(key);
    }
    assert.deepEqual(await notecastExecuted(page), [], 'single keys ran commands with the setting off');
    const shortcuts = (await p.playPause.getAttribute('aria-keyshortcuts')) ?? '';
    assert.ok(!shortcuts.split(' ').includes('K'), `Play advertises K with the setting off: "${shortcuts}"`);
  } finally {
    await restore();
  }
});

test('R4: with the setting on, K, J, L inside the player run play/pause, previous and next, and are advertised', { timeout: 180_000 }, async () => {
  const { page, restore } = await openPlayerWith({ singleKeyShortcuts: true });
  try {
    const p = player(page);
    assert.deepEqual((await p.playPause.getAttribute('aria-keyshortcuts'))?.split(' ').sort(), ['Alt+Shift+P', 'K']);
    assert.ok((await p.previous.getAttribute('aria-keyshortcuts'))?.split(' ').includes('J'), 'Previous step does not advertise J');
    assert.ok((await p.next.getAttribute('aria-keyshortcuts'))?.split(' ').includes('L'), 'Next step does not advertise L');

    // Which command each key runs, from a toolbar button and from a step-list button.
    await spyOnCommands(page);
    for (const control of [p.playPause, p.root.getByRole('button', { name: /^Go to step 2/ })]) {
      await control.focus();
      for (const [key, command] of SINGLE_KEYS) {
        await page.keyboard.press(key);
        assert.deepEqual(await notecastExecuted(page), [command], `${key} on ${await control.textContent()}`);
      }
    }
    // With Shift, or in the player's own form controls (the slider), the letter is not a shortcut.
    await p.playPause.focus();
    await page.keyboard.press('Shift+K');
    await p.slider.focus();
    await page.keyboard.press('l');
    assert.deepEqual(await notecastExecuted(page), [], 'Shift+K or L on the slider ran a command');
    await stopSpying(page);

    // And for real: K plays (after consent) and K pauses.
    await player(page).playPause.focus();
    await page.keyboard.press('k');
    await acceptConsent(page);
    await waitForToggle(page, 'Pause');
    await player(page).playPause.focus();
    await page.keyboard.press('k');
    await waitForToggle(page, 'Play');

    // The help dialog lists them.
    await page.keyboard.press('Alt+Shift+H');
    await dialog(page).waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await dialog(page).textContent()) ?? '', /K: play or pause, J: previous step, L: next step/);
    await page.keyboard.press('Escape');
  } finally {
    await restore();
  }
});

test(
  "R4, R6: with the setting on, single keys do nothing outside the player — in a cell editor they are typed, in command mode they are JupyterLab's",
  { timeout: 180_000 },
  async () => {
    const { page, restore } = await openPlayerWith({ singleKeyShortcuts: true });
    try {
      await spyOnCommands(page);
      // A cell of the tutorial's notebook, in edit mode: typing k, j, l writes them.
      const editor = page.locator(`${CURRENT_NOTEBOOK} .jp-Cell .cm-content`).first();
      await editor.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('kjl');
      await page.waitForFunction(
        sel => {
          const panel = document.querySelector(sel);
          return !!panel && [...panel.querySelectorAll('.jp-Cell .cm-content')].some(content => content.textContent?.includes('kjl'));
        },
        CURRENT_NOTEBOOK,
        { timeout: 10_000 }
      );
      assert.ok(
        (await cellSources(page)).some(source => source.includes('kjl')),
        'k, j, l were not typed into the cell'
      );
      // Command mode of the notebook: JupyterLab's own single keys (j/k move between cells).
      await page.keyboard.press('Escape');
      for (const [key] of SINGLE_KEYS) await page.keyboard.press(key);
      assert.deepEqual(await notecastExecuted(page), [], 'single keys outside the player ran Notecast commands');
    } finally {
      await restore();
    }
  }
);
