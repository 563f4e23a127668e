/**
 * Motion, colour and size (docs/explanation/accessibility.md, R14, R15, R21): Pause freezes everything at once, reduced motion types whole blocks, forced colours
 * keep the player usable, a 320 px wide viewport loses no function and never covers the
 * focused cell (narrow.test.ts), and every target in the player is at least 24×24 CSS px.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeConfig, formatViolations, scanPlayer } from './helpers/axe.js';
import { describeFocus, focusLine } from './helpers/keyboard.js';
import { settle } from './helpers/lab.js';
import { emulateForcedColors, emulateReducedMotion, targetSizes } from './helpers/media.js';
import { acceptConsent, cellSources, openTutorial, player, waitForToggle } from './helpers/player.js';
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
  assert.ok(
    [...seen].some(source => source.startsWith(FIRST_CELL)),
    `cell 1 never got its code: ${JSON.stringify([...seen])}`
  );
  const running = await page.evaluate(
    sel =>
      document
        .querySelector(sel)!
        .getAnimations({ subtree: true })
        .filter(a => a.playState === 'running').length,
    PLAYER
  );
  assert.equal(running, 0, 'animations run in the player under reduced motion');
});

test('R14: Pause mid-typing freezes the typing, the scrolling and the highlight at once', { timeout: 120_000 }, async () => {
  const { page } = await suite.openLab();
  await openTutorial(page);
  await settle(page);
  const p = player(page);
  await p.playPause.click();
  await acceptConsent(page);
  // Part way through cell 1's code, the learner pauses.
  await page.waitForFunction(
    () => {
      const shell = (
        window.jupyterapp as unknown as {
          shell: {
            widgets(area: string): Iterable<{ node: HTMLElement; content?: { model?: { sharedModel?: { cells: Array<{ getSource(): string }> } } } }>;
          };
        }
      ).shell;
      for (const widget of shell.widgets('main')) {
        const source = widget.content?.model?.sharedModel?.cells[0]?.getSource();
        if (widget.node.classList.contains('jp-NotebookPanel') && source !== undefined) {
          return source.length >= 4;
        }
      }
      return false;
    },
    undefined,
    { timeout: 30_000, polling: 20 }
  );
  await p.playPause.press('Enter');
  await waitForToggle(page, 'Play', 5_000);
  const frozen = async () => ({
    source: (await cellSources(page))[0],
    scrollTop: await page.evaluate(() => document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer')?.scrollTop ?? null),
    highlighted: await page.evaluate(() => document.querySelectorAll('.jp-Notecast-activeCell').length),
    animations: await page.evaluate(sel => {
      const roots = [document.querySelector(sel), ...document.querySelectorAll('.jp-Notecast-activeCell')];
      return roots.flatMap(root => (root ? root.getAnimations({ subtree: true }) : [])).filter(a => a.playState === 'running').length;
    }, PLAYER)
  });
  const atPause = await frozen();
  assert.ok(atPause.source && !atPause.source.startsWith(FIRST_CELL), `not paused part way: ${JSON.stringify(atPause.source)}`);
  await page.waitForTimeout(1_500);
  const later = await frozen();
  assert.deepEqual(later, atPause, 'something still moved after Pause');
  assert.equal(later.animations, 0, 'an animation still runs while paused');
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
    assert.ok(
      outline.style !== 'none' && outline.width >= 1,
      `no visible focus outline on ${focusLine(await describeFocus(page))}: ${JSON.stringify(outline)}`
    );
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
