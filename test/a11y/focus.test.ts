/**
 * Focus where the learner expects it (docs/explanation/accessibility.md, R16, R17): opening a tutorial puts focus on the
 * player's toolbar (the learner asked for the player), and playback never drops focus — not
 * even when it removes JupyterLab's placeholder cell of a new notebook, which had focus.
 * (Both failed against the first player UI; fixed in d7e83be.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeConfig } from './helpers/axe.js';
import { describeFocus, focusLine } from './helpers/keyboard.js';
import { settle } from './helpers/lab.js';
import { dialog, openTutorial, stepValueText } from './helpers/player.js';
import { useSuite } from './helpers/suite.js';

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
 * Play starts from the notebook (Escape, then the play shortcut); the player removes the new
 * notebook's empty placeholder cell; focus must not fall to <body>, where no shortcut works.
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
