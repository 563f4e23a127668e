/**
 * Keyboard only (docs/explanation/accessibility.md, R1–R7, R14, R16–R18): the toolbar and slider patterns, a whole
 * tutorial played, taken over and resumed without the mouse, Tab leaves the player, focus
 * stays put while steps auto-play, shortcuts do not fire in a cell editor, every command has a
 * remappable shortcut that does not collide with JupyterLab's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeConfig } from './helpers/axe.js';
import { describeFocus, focusLine, pressUntil, toPlaywrightKeys } from './helpers/keyboard.js';
import { settle } from './helpers/lab.js';
import {
  allKeyBindings,
  cellSources,
  COMMANDS,
  dialog,
  notecastKeyBindings,
  openTutorial,
  player,
  stepValueText,
  waitForEnd,
  waitForNoRunningCell,
  waitForStep,
  waitForToggle
} from './helpers/player.js';
import { useSuite } from './helpers/suite.js';

const suite = useSuite();
const PLAYER = axeConfig.playerSelector;

async function openPlayer(): Promise<Page> {
  const { page } = await suite.openLab();
  await openTutorial(page);
  await settle(page);
  return page;
}

/** The consent dialog by keyboard: its default button is "Don't run code"; Tab to Allow. */
async function allowByKeyboard(page: Page): Promise<void> {
  await dialog(page).waitFor({ state: 'visible', timeout: 15_000 });
  const { reached, trail } = await pressUntil(page, 'Tab', f => f.name === 'Allow running code', { max: 6 });
  assert.ok(reached, `Tab never reached "Allow running code": ${trail.map(focusLine).join(' → ')}`);
  await page.keyboard.press('Enter');
  await dialog(page).waitFor({ state: 'detached' });
}

/** Records the commands executed from now on, without running Notecast's (no side effects). */
async function spyOnCommands(page: Page): Promise<void> {
  await page.evaluate(() => {
    const commands = (window.jupyterapp as unknown as { commands: { execute(id: string, args?: unknown): Promise<unknown> } }).commands;
    const original = commands.execute.bind(commands);
    const log: string[] = ((window as unknown as { __executed: string[] }).__executed = []);
    commands.execute = (id: string, args?: unknown) => {
      log.push(id);
      return id.startsWith('notecast:') ? Promise.resolve(undefined) : original(id, args);
    };
  });
}

async function executed(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __executed: string[] }).__executed.splice(0));
}

test('R1: the toolbar is one tab stop with roving tabindex, ←/→/Home/End', { timeout: 120_000 }, async () => {
  const page = await openPlayer();
  const p = player(page);
  const stops = await p.toolbar.evaluate(
    toolbar => [...toolbar.querySelectorAll<HTMLElement>('button, select, input')].filter(el => el.tabIndex >= 0).length
  );
  assert.equal(stops, 1, 'exactly one control of the toolbar is in the tab order');
  await p.playPause.focus();
  const names: string[] = [];
  for (let i = 0; i < 7; i++) {
    names.push((await describeFocus(page)).name);
    await page.keyboard.press('ArrowRight');
  }
  assert.deepEqual(names, ['Play', 'Previous step', 'Next step', 'Take over', 'Resume', 'Speed', 'Stop after each step']);
  assert.equal((await describeFocus(page)).name, 'Play', '→ wraps from the last control to the first');
  await page.keyboard.press('End');
  assert.equal((await describeFocus(page)).name, 'Stop after each step');
  await page.keyboard.press('Home');
  assert.equal((await describeFocus(page)).name, 'Play');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await describeFocus(page)).name, 'Stop after each step', '← wraps from the first control to the last');
  // The last control used stays the tab stop.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.equal((await describeFocus(page)).name, 'Stop after each step');
});

test('R2, R3: the step slider speaks "Step n of N: title"; Play/Pause is one button whose label changes', { timeout: 120_000 }, async () => {
  const page = await openPlayer();
  const p = player(page);
  assert.equal(await stepValueText(page), 'Step 1 of 4: Names');
  await p.slider.focus();
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 2);
  assert.equal(await stepValueText(page), 'Step 2 of 4: Add one');
  await page.keyboard.press('End');
  await waitForStep(page, 4);
  await page.keyboard.press('Home');
  await waitForStep(page, 1);
  const toggles = await p.toolbar.getByRole('button', { name: /^(Play|Pause)$/ }).count();
  assert.equal(toggles, 1);
  assert.equal(await p.playPause.getAttribute('aria-pressed'), null, 'a changing label and aria-pressed must not be combined');
});

test('keyboard only: a whole tutorial played, taken over and resumed without the mouse', { timeout: 180_000 }, async () => {
  const page = await openPlayer();
  // Opening may leave focus in the new notebook's cell editor (focus.test.ts guards that it does not): Escape
  // leaves the editor, Tab walks to the player's tab stop.
  if (!(await describeFocus(page, [PLAYER])).inside[PLAYER]) {
    await page.keyboard.press('Escape');
    const { reached, trail } = await pressUntil(page, 'Tab', f => f.inside[PLAYER], { within: [PLAYER], max: 60 });
    assert.ok(reached, `Tab never reached the player: ${trail.map(focusLine).join(' → ')}`);
  }
  assert.equal((await describeFocus(page)).name, 'Play', "the toolbar's tab stop is Play");
  await page.keyboard.press('Enter');
  await allowByKeyboard(page);
  await waitForStep(page, 3);
  await waitForToggle(page, 'Play');
  await waitForNoRunningCell(page);
  // Take over by shortcut, change cell 1, leave the editor, resume by shortcut.
  const where = focusLine(await describeFocus(page));
  await page.keyboard.press('Alt+Shift+C');
  await page
    .waitForFunction(() => !!document.activeElement?.closest('.cm-editor'), undefined, { timeout: 10_000 })
    .catch(async () => {
      assert.fail(
        `Alt+Shift+C from ${where} did not put focus in a cell editor; now on ${focusLine(await describeFocus(page))}; ` +
          `announced: ${await page.locator('#notecast-announcer').textContent()}`
      );
    });
  assert.equal((await describeFocus(page)).cellIndex, 0, 'take-over puts the learner in cell 1');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('  # mine');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+Shift+R');
  await waitForStep(page, 4);
  await waitForEnd(page);
  await waitForNoRunningCell(page);
  const sources = await cellSources(page);
  assert.ok(sources[0]?.includes('# mine'), `the learner's change is kept: ${JSON.stringify(sources)}`);
  assert.ok(
    sources.some(s => s.includes('time.sleep(2)')),
    `the tutorial went on to the end: ${JSON.stringify(sources)}`
  );
});

test('Tab leaves the player forwards and backwards (no keyboard trap)', { timeout: 120_000 }, async () => {
  const page = await openPlayer();
  await player(page).playPause.focus();
  const forward = await pressUntil(page, 'Tab', f => !f.inside[PLAYER], { within: [PLAYER], max: 40 });
  assert.ok(forward.reached, `Tab stayed in the player: ${forward.trail.map(focusLine).join(' → ')}`);
  await player(page).playPause.focus();
  const backward = await pressUntil(page, 'Shift+Tab', f => !f.inside[PLAYER], { within: [PLAYER], max: 40 });
  assert.ok(backward.reached, `Shift+Tab stayed in the player: ${backward.trail.map(focusLine).join(' → ')}`);
});

test('R16: focus is unchanged while steps auto-play', { timeout: 180_000 }, async () => {
  const page = await openPlayer();
  const p = player(page);
  await p.playPause.focus();
  await page.keyboard.press('Enter');
  await allowByKeyboard(page);
  const before = await describeFocus(page);
  const changes: string[] = [];
  while (!(await stepValueText(page)).startsWith('Step 3 of')) {
    const now = await describeFocus(page);
    if (focusLine(now) !== focusLine(before) && !(now.name === 'Pause' || now.name === 'Play')) changes.push(focusLine(now));
    await page.waitForTimeout(50);
  }
  await waitForToggle(page, 'Play');
  const after = await describeFocus(page);
  assert.deepEqual(changes, [], 'focus moved during playback');
  assert.equal(after.id || after.classes, before.id || before.classes, `focus moved: ${focusLine(before)} → ${focusLine(after)}`);
  assert.match(after.name, /^(Play|Pause)$/);
});

test('R6: no player shortcut fires while focus is in a cell editor', { timeout: 120_000 }, async () => {
  const page = await openPlayer();
  await spyOnCommands(page);
  // Enter a cell editor of the tutorial's notebook.
  const editor = page.locator('.jp-NotebookPanel .jp-Cell .cm-content').first();
  if ((await editor.count()) === 0) {
    // A fresh tutorial notebook may have no cell yet: play one step first is not wanted here,
    // so use JupyterLab's own command to add one.
    await page.evaluate(() =>
      (window.jupyterapp as unknown as { commands: { execute(id: string): Promise<unknown> } }).commands.execute('notebook:insert-cell-below')
    );
  }
  await page.locator('.jp-NotebookPanel .jp-Cell .cm-content').first().focus();
  const bindings = await notecastKeyBindings(page);
  for (const binding of bindings) await page.keyboard.press(toPlaywrightKeys(binding.keys[0]));
  const fired = (await executed(page)).filter(id => id.startsWith('notecast:'));
  assert.deepEqual(fired, [], 'player shortcuts fired inside a cell editor');
});

test(
  'R4, R5, R7: every command has a shortcut with a modifier that JupyterLab does not use, exposed in aria-keyshortcuts',
  { timeout: 120_000 },
  async () => {
    const page = await openPlayer();
    const bindings = await notecastKeyBindings(page);
    for (const command of COMMANDS) {
      assert.ok(
        bindings.some(b => b.command === command),
        `${command} has no keybinding`
      );
    }
    const all = await allKeyBindings(page);
    for (const binding of bindings) {
      const keys = binding.keys.join(' , ');
      assert.match(binding.keys[0], /\b(Alt|Accel|Ctrl|Cmd|Meta)\b/, `${binding.command} ${keys}: a global shortcut needs a modifier`);
      assert.ok(
        !/\bCtrl\b.*\bAlt\b|\bAlt\b.*\bCtrl\b|\bAccel\b.*\bAlt\b/.test(binding.keys[0]) || /Shift/.test(binding.keys[0]) === false,
        `${binding.command} ${keys}: Ctrl+Alt is AltGr on Windows layouts`
      );
      assert.ok(!/\b(Insert|CapsLock)\b/.test(keys), `${binding.command} ${keys}: a screen-reader key`);
      const clash = all.filter(other => !other.command.startsWith('notecast:') && other.keys.join(' , ') === keys);
      assert.deepEqual(clash, [], `${binding.command} ${keys} collides with JupyterLab`);
    }
    const p = player(page);
    for (const [control, command] of [
      [p.playPause, 'notecast:toggle-play'],
      [p.previous, 'notecast:previous-step'],
      [p.next, 'notecast:next-step'],
      [p.takeOver, 'notecast:take-over'],
      [p.resume, 'notecast:resume']
    ] as const) {
      const expected = bindings
        .filter(b => b.command === command)
        .map(b => toPlaywrightKeys(b.keys[0]).replace(/\+([a-z])$/, (_m, k: string) => `+${k.toUpperCase()}`));
      const shown = ((await control.getAttribute('aria-keyshortcuts')) ?? '').split(' ');
      for (const key of new Set(expected)) assert.ok(shown.includes(key), `${command}: aria-keyshortcuts "${shown.join(' ')}" lacks ${key}`);
    }
    // Each shortcut reaches its command from inside the player.
    await spyOnCommands(page);
    await p.playPause.focus();
    for (const command of COMMANDS) {
      const binding = bindings.find(b => b.command === command && b.selector.includes(PLAYER))!;
      await page.keyboard.press(toPlaywrightKeys(binding.keys[0]));
      const fired = (await executed(page)).filter(id => id.startsWith('notecast:'));
      assert.deepEqual(fired, [command], `${binding.keys[0]} in the player`);
    }
  }
);

test('R4, R7: shortcuts are remappable in Settings, and the player and the help dialog follow', { timeout: 180_000 }, async () => {
  const { page } = await suite.openLab();
  const SHORTCUTS = '@jupyterlab/shortcuts-extension:shortcuts';
  const saveShortcuts = (raw: string): Promise<void> =>
    page.evaluate(
      ([id, text]) =>
        (window.jupyterapp as unknown as { serviceManager: { settings: { save(id: string, raw: string): Promise<void> } } }).serviceManager.settings.save(
          id,
          text
        ),
      [SHORTCUTS, raw] as const
    );
  const original = (await notecastKeyBindings(page)).filter(b => b.command === 'notecast:next-step');
  assert.ok(original.length > 0);
  await saveShortcuts(
    JSON.stringify({
      shortcuts: [
        ...original.map(b => ({ command: b.command, keys: b.keys, selector: b.selector, disabled: true })),
        { command: 'notecast:next-step', keys: ['Alt Shift 9'], selector: PLAYER }
      ]
    })
  );
  try {
    const lab = await suite.openLab();
    const remapped = lab.page;
    await openTutorial(remapped);
    await settle(remapped);
    const next = (await notecastKeyBindings(remapped)).filter(b => b.command === 'notecast:next-step');
    assert.deepEqual(
      next.map(b => b.keys.join(' ')),
      ['Alt Shift 9']
    );
    assert.equal(await player(remapped).next.getAttribute('aria-keyshortcuts'), 'Alt+Shift+9');
    await player(remapped).playPause.focus();
    await remapped.keyboard.press('Alt+Shift+H');
    const help = dialog(remapped);
    await help.waitFor({ state: 'visible', timeout: 10_000 });
    const row = help.getByRole('row', { name: /Next Tutorial Step/ });
    assert.match((await row.textContent()) ?? '', /Alt\s*\+?\s*Shift\s*\+?\s*9/);
    await remapped.keyboard.press('Escape');
    await spyOnCommands(remapped);
    await player(remapped).playPause.focus();
    await remapped.keyboard.press('Alt+Shift+9');
    assert.deepEqual(
      (await executed(remapped)).filter(id => id.startsWith('notecast:')),
      ['notecast:next-step']
    );
  } finally {
    await saveShortcuts('{}');
  }
});
