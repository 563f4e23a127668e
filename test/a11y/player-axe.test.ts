/**
 * Strict (docs/explanation/accessibility.md, "How it is tested"): zero axe violations inside the player in every state —
 * idle, playing mid-typing, waiting for the kernel, paused, taken over, resume dialog open,
 * shortcut help open, ended, a tutorial with errors — in the light and the dark theme.
 * Dialogs are scanned together with the player: they are part of what the learner meets.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeConfig, formatViolations, scan } from './helpers/axe.js';
import { changeTheme, settle, type ThemeName } from './helpers/lab.js';
import {
  acceptConsent,
  BROKEN_TUTORIAL,
  cellSources,
  dialog,
  ERRORS_SELECTOR,
  openTutorial,
  player,
  waitForEnabled,
  waitForEnd,
  waitForNoRunningCell,
  waitForStep,
  waitForToggle
} from './helpers/player.js';
import { useSuite } from './helpers/suite.js';

const suite = useSuite();

/** Scans the player (and an open dialog) and records the result for the state. */
async function scanState(page: Page, state: string, results: Map<string, string>, extra: string[] = []): Promise<void> {
  await assert.doesNotReject(page.locator(axeConfig.playerSelector).first().waitFor({ state: 'attached', timeout: 5_000 }));
  const violations = await scan(page, { include: [axeConfig.playerSelector, ...extra], scope: 'player' });
  results.set(state, formatViolations(violations));
}

/** Walks one page through every player state, scanning each. */
async function walkStates(page: Page, results: Map<string, string>): Promise<void> {
  const p = player(page);
  await openTutorial(page);
  await settle(page);
  await scanState(page, 'idle', results);

  // Step mode, so the player stops after step 1 (for the resume conflict below).
  await p.stepMode.check();
  await p.playPause.click();
  await acceptConsent(page);
  // Playing, mid-typing: cell 1 has part of its line.
  const target = 'x = 41  # the answer, minus one';
  await waitForPartial(page, target);
  await scanState(page, 'playing mid-typing', results);

  // Paused.
  await p.playPause.click();
  await waitForToggle(page, 'Play');
  await scanState(page, 'paused', results);
  await p.playPause.click();

  // Step mode stops after step 1; take over, change cell 1, resume: the conflict dialog.
  await waitForToggle(page, 'Play');
  await waitForNoRunningCell(page);
  await waitForEnabled(p.takeOver);
  await p.takeOver.click();
  await page.waitForFunction(() => !!document.activeElement?.closest('.cm-editor'), undefined, { timeout: 10_000 });
  await scanState(page, 'taken over', results);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('  # mine');
  await page.keyboard.press('Escape');
  await p.resume.click();
  await dialog(page).getByRole('button', { name: 'Continue with my changes' }).waitFor({ timeout: 10_000 });
  await scanState(page, 'resume dialog open', results, ['.jp-Dialog']);
  await dialog(page).getByRole('button', { name: 'Continue with my changes' }).click();
  await dialog(page).waitFor({ state: 'detached' });

  // Shortcut help.
  await p.playPause.focus();
  await page.keyboard.press('Alt+Shift+H');
  await dialog(page).waitFor({ state: 'visible', timeout: 10_000 });
  await scanState(page, 'shortcut help open', results, ['.jp-Dialog']);
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });

  // Continuous mode to the end; waiting for the kernel on the last step's two-second cell.
  await p.stepMode.uncheck();
  if ((await p.playPause.textContent()) === 'Play') await p.playPause.click();
  await waitForStep(page, 3);
  await waitForToggle(page, 'Play');
  await p.playPause.click();
  await waitForStep(page, 4);
  await page.waitForFunction(
    () => [...document.querySelectorAll('.jp-Cell .jp-InputPrompt')].some(prompt => prompt.textContent?.includes('*')),
    undefined,
    { timeout: 30_000, polling: 50 }
  );
  await scanState(page, 'waiting for the kernel', results);
  await waitForEnd(page);
  await settle(page);
  await scanState(page, 'ended', results);

  // A tutorial with errors: its panel instead of a player.
  await openTutorial(page, BROKEN_TUTORIAL);
  await settle(page);
  const violations = await scan(page, { include: ERRORS_SELECTOR, scope: 'player' });
  results.set('a tutorial with errors', formatViolations(violations));
}

/** Waits until cell 1 holds a proper, non-empty prefix of `text` (typing in progress). */
async function waitForPartial(page: Page, text: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const first = (await cellSources(page))[0] ?? '';
    if (first.length > 0 && first.length < text.length && text.startsWith(first)) return;
    await page.waitForTimeout(20);
  }
  throw new Error('never saw cell 1 part-way typed');
}

for (const theme of ['JupyterLab Light', 'JupyterLab Dark'] as ThemeName[]) {
  describe(`zero axe violations in the player, every state (${theme})`, () => {
    const results = new Map<string, string>();
    test(`walk the player through every state (${theme})`, { timeout: 240_000 }, async () => {
      const { page } = await suite.openLab();
      await changeTheme(page, theme);
      await walkStates(page, results);
    });
    for (const state of [
      'idle',
      'playing mid-typing',
      'paused',
      'taken over',
      'resume dialog open',
      'shortcut help open',
      'waiting for the kernel',
      'ended',
      'a tutorial with errors'
    ]) {
      test(`${state} (${theme})`, () => {
        const result = results.get(state);
        assert.ok(result !== undefined, `the walk did not reach "${state}"`);
        assert.equal(result, 'no violations', `axe violations, ${state}, ${theme}:\n${result}`);
      });
    }
  });
}
