/**
 * What is spoken (docs/explanation/accessibility.md, R8–R10, R12, R17–R19): `@guidepup/virtual-screen-reader`, served from
 * node_modules into the page, records everything a screen reader would say during a full
 * keyboard play-through and during a take-over/resume, compared with reviewed golden logs in
 * test/a11y/golden/. On top of the golden comparison, the rules the logs must keep:
 * one message per step, code never read keystroke by keystroke, kernel results brief,
 * repeated narration spoken again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeConfig } from './helpers/axe.js';
import { goldenPath, readGolden, toLines, UPDATE_GOLDEN, writeGolden } from './helpers/golden.js';
import { settle } from './helpers/lab.js';
import {
  acceptConsent,
  dialog,
  openTutorial,
  player,
  playThroughWithKeyboard,
  STEP_COUNT,
  waitForEnabled,
  waitForNoRunningCell,
  waitForStep,
  waitForToggle
} from './helpers/player.js';
import {
  announcements,
  announcerLog,
  clearSpokenPhraseLog,
  recordAnnouncer,
  spokenPhraseLog,
  startScreenReader,
  stopScreenReader
} from './helpers/screen-reader.js';
import { useSuite } from './helpers/suite.js';

const suite = useSuite();

/** Code the fixture types: none of it may ever be spoken. */
const CODE_FRAGMENTS = ['x = 41', 'y = x + 1', 'print(y)', 'import time', 'time.sleep(2)', 'print("done")'];

async function compareWithGolden(name: string, lines: string[]): Promise<void> {
  if (UPDATE_GOLDEN) {
    await writeGolden(name, lines);
    return;
  }
  const golden = readGolden(name);
  assert.ok(golden, `${goldenPath(name)} is missing: run \`UPDATE_GOLDEN=1 make a11y\`, review it, commit it.`);
  assert.deepEqual(lines, golden, `what is spoken differs from ${goldenPath(name)} (UPDATE_GOLDEN=1 rewrites it; review the diff)`);
}

test('a full keyboard play-through says one message per step, never code, brief kernel results', { timeout: 180_000 }, async () => {
  const { page } = await suite.openLab();
  await openTutorial(page);
  await settle(page);
  // The log starts with focus on Play, so it does not depend on where opening left focus.
  await playThroughWithKeyboard(page, async () => {
    await startScreenReader(page);
    await clearSpokenPhraseLog(page);
  });
  // Repeat the narration twice: the same text must be spoken twice.
  await page.keyboard.press('Alt+Shift+L');
  await page.waitForTimeout(500);
  await page.keyboard.press('Alt+Shift+L');
  await page.waitForTimeout(500);
  const log = toLines(await spokenPhraseLog(page));
  await stopScreenReader(page);

  const spoken = announcements(log);
  const texts = spoken.map(a => a.text);
  for (let n = 1; n <= STEP_COUNT; n++) {
    const steps = texts.slice(0, -2).filter(t => t.startsWith(`Step ${n} of ${STEP_COUNT}:`));
    assert.equal(steps.length, 1, `step ${n} announced ${steps.length} times:\n${texts.join('\n')}`);
  }
  for (const fragment of CODE_FRAGMENTS) {
    assert.ok(!log.some(phrase => phrase.includes(fragment)), `code "${fragment}" was spoken:\n${log.join('\n')}`);
  }
  const kernel = texts.filter(t => /^Cell \d+ (ran|raised)/.test(t));
  assert.equal(kernel.length, 3, `one brief kernel result per run:\n${texts.join('\n')}`);
  for (const line of kernel) assert.ok(line.length <= 60, `kernel result too long: ${line}`);
  // After the end, Repeat says the last step's narration again (not "Tutorial finished."), twice.
  const narration = /^Step 4 of 4: Wait for the kernel\. This cell takes two seconds to run\.$/;
  assert.equal(texts.at(-1), texts.at(-2), 'repeated narration was not spoken again');
  assert.match(texts.at(-2) ?? '', narration, "the first repeat is not the last step's narration");
  assert.match(texts.at(-1) ?? '', narration, "the second repeat is not the last step's narration");
  assert.ok(
    spoken.every(a => a.politeness === 'polite' || /turn|error|raised|cannot|needs/i.test(a.text)),
    'assertive only for errors and "the tutorial needs you"'
  );
  await compareWithGolden('play-through', log);
});

test('take over and resume: says who has control, asks before overwriting, says where it resumes', { timeout: 180_000 }, async () => {
  const { page } = await suite.openLab();
  const p = player(page);
  await openTutorial(page);
  await p.stepMode.check();
  await settle(page);
  await p.playPause.focus();
  await startScreenReader(page);
  await clearSpokenPhraseLog(page);
  await page.keyboard.press('Enter');
  await acceptConsent(page);
  await waitForToggle(page, 'Play');
  await waitForNoRunningCell(page);
  await waitForEnabled(p.takeOver);
  // Take over with the shortcut, from the player.
  await p.playPause.focus();
  await page.keyboard.press('Alt+Shift+C');
  await page.waitForFunction(() => !!document.activeElement?.closest('.cm-editor'), undefined, { timeout: 10_000 });
  await page.waitForTimeout(400);
  // The learner changes cell 1, leaves the editor, and resumes from the notebook.
  await page.keyboard.press('Control+End');
  await page.keyboard.type('  # mine');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  await page.keyboard.press('Alt+Shift+R');
  const continueButton = dialog(page).getByRole('button', { name: 'Continue with my changes' });
  await continueButton.waitFor({ timeout: 10_000 });
  await page.waitForTimeout(300);
  await continueButton.focus();
  await page.keyboard.press('Enter');
  await dialog(page).waitFor({ state: 'detached' });
  await waitForStep(page, 2);
  await waitForToggle(page, 'Play');
  await waitForNoRunningCell(page);
  await page.waitForTimeout(500);
  const log = toLines(await spokenPhraseLog(page));
  await stopScreenReader(page);
  const texts = announcements(log).map(a => a.text);
  assert.ok(texts.includes('You have control. Cell 1 is active. Press Escape to leave the editor.'), texts.join('\n'));
  assert.ok(
    texts.some(t => /^Resuming at step 2/.test(t)),
    `no "Resuming at step 2":\n${texts.join('\n')}`
  );
  assert.ok(
    log.some(phrase => phrase.startsWith('dialog, Resume the tutorial?')),
    'the conflict dialog was not spoken'
  );
  for (const fragment of ['# mine', ...CODE_FRAGMENTS]) {
    assert.ok(!texts.some(t => t.includes(fragment)), `code "${fragment}" was announced`);
  }
  await compareWithGolden('take-over-resume', log);
});

test('the announcer exists from activation: on body, empty, clip-hidden, one polite and one assertive region', async () => {
  const { page } = await suite.openLab();
  const announcer = await page.evaluate(sel => {
    const nodes = document.querySelectorAll(sel);
    const node = nodes[0] as HTMLElement | undefined;
    if (!node) return undefined;
    const style = getComputedStyle(node);
    const rect = node.getBoundingClientRect();
    return {
      count: nodes.length,
      parentIsBody: node.parentElement === document.body,
      text: node.textContent,
      display: style.display,
      visibility: style.visibility,
      clipped: style.clipPath !== 'none' || style.clip !== 'auto',
      tiny: rect.width <= 1 && rect.height <= 1,
      polite: [...node.querySelectorAll('[aria-live="polite"]')].map(r => r.getAttribute('role')),
      assertive: node.querySelectorAll('[aria-live="assertive"]').length
    };
  }, axeConfig.announcerSelector);
  assert.deepEqual(announcer, {
    count: 1,
    parentIsBody: true,
    text: '',
    display: announcer?.display === 'none' ? 'not none' : announcer?.display,
    visibility: 'visible',
    clipped: true,
    tiny: true,
    polite: ['status'],
    assertive: 1
  });
});

test('R9: scrubbing the step slider is throttled, and the newest step message replaces pending ones', { timeout: 120_000 }, async () => {
  const { page } = await suite.openLab();
  await openTutorial(page);
  await settle(page, 1_000);
  await recordAnnouncer(page, axeConfig.announcerSelector);
  const p = player(page);
  await p.slider.focus();
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowLeft', 'ArrowRight']) {
    await page.keyboard.press(key);
  }
  // 1 → 2 → 3 → 4 → 3 → 2 → 3
  await waitForStep(page, 3);
  await page.waitForTimeout(1_000);
  const log = await announcerLog(page);
  const steps = log.filter(entry => /^Step \d of 4/.test(entry.text));
  assert.ok(steps.length >= 1 && steps.length < 6, `six key presses gave ${steps.length} step messages:\n${JSON.stringify(log, null, 1)}`);
  assert.match(steps.at(-1)!.text, /^Step 3 of 4: Your turn/, 'the last message is where the slider stopped');
  for (let i = 1; i < log.length; i++) {
    assert.ok(log[i].at - log[i - 1].at >= 120, `two messages ${log[i].at - log[i - 1].at} ms apart:\n${JSON.stringify(log, null, 1)}`);
  }
  assert.ok(
    log.every(entry => entry.politeness === 'polite'),
    'seeking is polite'
  );
});
