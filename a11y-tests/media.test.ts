/**
 * Motion, colour and size (A11Y.md R15, R21): reduced motion types whole blocks, forced colours
 * keep the player usable, a 320 px wide viewport loses no function and never covers the
 * focused cell, and every target in the player is at least 24×24 CSS px.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeConfig, formatViolations, scanPlayer } from './helpers/axe.js';
import { describeFocus, focusLine } from './helpers/keyboard.js';
import { settle } from './helpers/lab.js';
import { coveringElements, emulateForcedColors, emulateReducedMotion, targetSizes, useNarrowViewport } from './helpers/media.js';
import {
  acceptConsent,
  cellSources,
  openTutorial,
  player,
  waitForEnabled,
  waitForNoRunningCell,
  waitForStep,
  waitForToggle
} from './helpers/player.js';
import { useSuite } from './helpers/suite.js';

const suite = useSuite();
const PLAYER = axeConfig.playerSelector;
const FIRST_CELL = 'x = 41  # the answer, minus one';

test('R15: with prefers-reduced-motion, code arrives whole — cell 1 goes from empty to complete', { timeout: 120_000 }, async () => {
  const { page } = await suite.openLab();
  await emulateReducedMotion(page);
  await openTutorial(page);
  await settle(page);
  const p = player(page);
  await p.playPause.click();
  await acceptConsent(page);
  const seen = new Set<string>();
  while (!(await player(page).slider.getAttribute('aria-valuetext'))?.startsWith('Step 2 of')) {
    seen.add((await cellSources(page))[0] ?? '');
    await page.waitForTimeout(10);
  }
  seen.add((await cellSources(page))[0] ?? '');
  const partial = [...seen].filter(source => source !== '' && !source.startsWith(FIRST_CELL));
  assert.deepEqual(partial, [], 'cell 1 was seen part-way typed');
  assert.ok([...seen].some(source => source.startsWith(FIRST_CELL)), `cell 1 never got its code: ${JSON.stringify([...seen])}`);
  const running = await page.evaluate(sel => document.querySelector(sel)!.getAnimations({ subtree: true }).filter(a => a.playState === 'running').length, PLAYER);
  assert.equal(running, 0, 'animations run in the player under reduced motion');
});

test('R21: in forced colours the player scans clean, keeps system colours and a visible focus indicator', { timeout: 120_000 }, async () => {
  const { page } = await suite.openLab();
  await emulateForcedColors(page);
  await openTutorial(page);
  await settle(page);
  assert.equal(formatViolations(await scanPlayer(page)), 'no violations');
  const opted = await page.evaluate(
    sel => [...document.querySelectorAll<HTMLElement>(`${sel} *`)].filter(el => getComputedStyle(el).forcedColorAdjust === 'none').map(el => el.className),
    PLAYER
  );
  assert.deepEqual(opted, [], 'elements opt out of forced colours');
  const p = player(page);
  for (const control of [p.playPause, p.next, p.slider]) {
    await control.focus();
    const outline = await control.evaluate(el => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.ok(outline.style !== 'none' && outline.width >= 1, `no visible focus outline on ${focusLine(await describeFocus(page))}: ${JSON.stringify(outline)}`);
  }
});

test('R21: every target in the player is at least 24×24 CSS px', { timeout: 120_000 }, async () => {
  const { page } = await suite.openLab();
  await openTutorial(page);
  await settle(page);
  const sizes = await targetSizes(page, PLAYER);
  assert.ok(sizes.length >= 8, `too few targets found: ${JSON.stringify(sizes)}`);
  const small = sizes.filter(s => s.width < 24 || s.height < 24);
  assert.deepEqual(small, [], 'targets smaller than 24×24');
});

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
