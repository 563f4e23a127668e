/**
 * Captions (docs/explanation/accessibility.md, R12, WCAG 1.2.x): the narration is always visible. While a tutorial plays,
 * the player's caption shows each step's narration as that step plays — the same text the step
 * list (transcript) gives for that step — then the prompt of a pause, then the end.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeConfig } from './helpers/axe.js';
import { settle } from './helpers/lab.js';
import { openTutorial, player, playThroughWithKeyboard, STEP_COUNT } from './helpers/player.js';
import { useSuite } from './helpers/suite.js';

const suite = useSuite();

interface CaptionRecord {
  caption: string;
  /** The step slider's value when the caption changed: "Step 2 of 4: Add one". */
  step: string;
  visible: boolean;
}

declare global {
  interface Window {
    __notecastCaptions?: CaptionRecord[];
  }
}

test("R12: the visible caption shows each step's narration as it plays, matching the step list", { timeout: 180_000 }, async () => {
  const { page } = await suite.openLab();
  await openTutorial(page);
  await settle(page);
  const p = player(page);

  // The transcript: each step's narration as the step list shows it (empty for a step without).
  const listed = await p.root.locator('.jp-NotecastPlayer-stepItem').evaluateAll(items =>
    items.map(item => ({
      heading: item.querySelector('h3')?.textContent ?? '',
      narration: item.querySelector('.jp-NotecastPlayer-narration')?.textContent ?? ''
    }))
  );
  assert.equal(listed.length, STEP_COUNT);
  assert.deepEqual(
    listed.map(step => step.narration),
    ['We give the name x a number.', 'Now we add one to it and print the result.', '', 'This cell takes two seconds to run.'],
    "the step list does not give the fixture's narration"
  );

  // Every caption change, with the step the slider shows at that moment and whether it is seen.
  await page.evaluate(sel => {
    const root = document.querySelector(sel)!;
    const caption = root.querySelector<HTMLElement>('.jp-NotecastPlayer-caption')!;
    const slider = root.querySelector('input[type=range], [role=slider]')!;
    const log: CaptionRecord[] = (window.__notecastCaptions = []);
    const record = (): void => {
      const text = (caption.textContent ?? '').trim();
      if (log.at(-1)?.caption === text) return;
      const box = caption.getBoundingClientRect();
      log.push({
        caption: text,
        step: slider.getAttribute('aria-valuetext') ?? '',
        visible: caption.checkVisibility() && box.width > 0 && box.height > 0
      });
    };
    record();
    new MutationObserver(record).observe(caption, { childList: true, characterData: true, subtree: true });
  }, axeConfig.playerSelector);

  await playThroughWithKeyboard(page);
  const log = await page.evaluate(() => window.__notecastCaptions ?? []);
  const shown = log.filter(entry => entry.caption !== '');

  assert.deepEqual(
    shown.map(entry => entry.caption),
    [listed[0].narration, listed[1].narration, 'Your turn: Change the number in cell 1, then press Play.', listed[3].narration, 'Tutorial finished.'],
    `the captions, in order:\n${JSON.stringify(log, null, 1)}`
  );
  // Each narration is captioned while the slider is on its own step.
  for (const entry of shown) {
    const index = listed.findIndex(step => step.narration === entry.caption);
    if (index >= 0) assert.match(entry.step, new RegExp(`^Step ${index + 1} of ${STEP_COUNT}: `), `"${entry.caption}" was captioned at ${entry.step}`);
  }
  assert.ok(
    log.every(entry => entry.visible),
    `a caption was not visible:\n${JSON.stringify(log.filter(entry => !entry.visible))}`
  );
  // The caption is not a live region: the announcer speaks, the caption is read on demand (no double speech).
  assert.equal(await p.caption.evaluate(el => el.closest('[aria-live]') === null), true, 'the caption is inside a live region');
});
