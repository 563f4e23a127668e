/**
 * PENDING (fails against the current UI; move to a11y-tests/ once it passes):
 * R17 "focus moves into the notebook only when the learner asked" and the player's own
 * contract "opened → focus on the toolbar's tab stop". Today opening a tutorial whose notebook
 * is new puts focus on Play for a moment, then JupyterLab focuses the new notebook's empty
 * cell editor (edit mode), where no player shortcut works (R6) and the learner did not ask
 * to be.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeConfig } from '../helpers/axe.js';
import { describeFocus, focusLine } from '../helpers/keyboard.js';
import { settle } from '../helpers/lab.js';
import { dialog, openTutorial, stepValueText } from '../helpers/player.js';
import { useSuite } from '../helpers/suite.js';

const suite = useSuite();

test('opening a tutorial puts focus on the player toolbar and keeps it there', { timeout: 120_000 }, async () => {
  const { page } = await suite.openLab();
  await openTutorial(page);
  await settle(page, 1_000);
  const focus = await describeFocus(page, [axeConfig.playerSelector]);
  assert.equal(focus.inside[axeConfig.playerSelector], true, `focus is on ${focusLine(focus)}`);
  assert.equal(focus.name, 'Play');
});

/**
 * R16: playback never moves focus — which includes never deleting the element that has it.
 * Today, when play starts from the notebook (Escape, then the play shortcut), the player
 * replaces the new notebook's empty placeholder cell, which had focus, and focus falls to
 * <body>: no shortcut works any more (their selectors need focus in the player or notebook).
 */
test('starting playback from the notebook never drops focus to <body>', { timeout: 120_000 }, async () => {
  const { page } = await suite.openLab();
  await openTutorial(page);
  await settle(page, 1_000);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+Shift+P');
  await dialog(page).waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await dialog(page).waitFor({ state: 'detached' });
  const trail: string[] = [];
  while (!(await stepValueText(page)).startsWith('Step 3 of')) {
    const focus = await describeFocus(page);
    if (focus.tag === 'body') trail.push(`${await stepValueText(page)}: focus on <body>`);
    await page.waitForTimeout(100);
  }
  assert.deepEqual(trail, []);
});
