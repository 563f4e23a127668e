/**
 * Narration spoken by the browser's speech synthesis (docs/explanation/accessibility.md, R11): opt-in, its own volume,
 * silent when paused, and the live region stays quiet for the narration it speaks — while
 * every other message (typing summaries, kernel results, "Your turn") still reaches the
 * screen reader. What speechSynthesis is asked to say is recorded in the page
 * (helpers/speech.ts); what the live region says is recorded by observing the announcer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeConfig } from './helpers/axe.js';
import { PLUGIN_ID, saveSettings, settle } from './helpers/lab.js';
import { acceptConsent, openTutorial, player, playThroughWithKeyboard, waitForNoRunningCell, waitForStep, waitForToggle } from './helpers/player.js';
import { announcerLog, recordAnnouncer } from './helpers/screen-reader.js';
import { recordSpeech, speechLog, spokenTexts, type SpeechMode } from './helpers/speech.js';
import { useSuite } from './helpers/suite.js';

const suite = useSuite();

/** The fixture's step messages that carry narration (step 3 has none: it is a pause). */
const NARRATION = [
  'Step 1 of 4: Names. We give the name x a number.',
  'Step 2 of 4: Add one. Now we add one to it and print the result.',
  'Step 4 of 4: Wait for the kernel. This cell takes two seconds to run.'
];

/** Opens a Lab with speech recorded and the tutorial's player, with `settings` saved first. */
async function openWithSpeech(mode: SpeechMode, settings: Record<string, unknown>) {
  const setup = await suite.openLab();
  await saveSettings(setup.page, PLUGIN_ID, JSON.stringify(settings));
  const lab = await suite.openLab({ beforeLoad: recordSpeech(mode) });
  const { page } = lab;
  await openTutorial(page);
  await settle(page);
  await recordAnnouncer(page, axeConfig.announcerSelector);
  return { page, restore: () => saveSettings(page, PLUGIN_ID, '{}') };
}

test('R11: speech is off by default — nothing is spoken, the narration goes to the live region', { timeout: 180_000 }, async () => {
  const { page, restore } = await openWithSpeech('voice', {});
  try {
    await playThroughWithKeyboard(page);
    assert.deepEqual(await spokenTexts(page), [], 'speechSynthesis.speak was called with speech off');
    const live = (await announcerLog(page)).map(entry => entry.text);
    for (const narration of NARRATION) assert.ok(live.includes(narration), `the live region never said "${narration}":\n${live.join('\n')}`);
  } finally {
    await restore();
  }
});

test('R11: with speech on, each narration is spoken once at the set volume, and the live region does not also say it', { timeout: 180_000 }, async () => {
  const { page, restore } = await openWithSpeech('voice', { speech: true, speechVolume: 0.4 });
  try {
    await playThroughWithKeyboard(page);
    // Repeat the narration after the end: spoken again by the voice, not by the live region.
    await page.keyboard.press('Alt+Shift+L');
    await page.waitForTimeout(500);
    const speaks = (await speechLog(page)).filter(entry => entry.type === 'speak');
    assert.deepEqual(
      speaks.map(entry => entry.text),
      [...NARRATION, NARRATION[2]],
      "each step's narration spoken once, in order (then the repeat)"
    );
    for (const entry of speaks) assert.equal(entry.volume, 0.4, `"${entry.text}" spoken at volume ${entry.volume}`);
    const live = await announcerLog(page);
    const texts = live.map(entry => entry.text);
    for (const narration of NARRATION) {
      assert.ok(
        !texts.some(text => text.includes(narration.replace(/^Step \d of 4: [^.]*\. /, ''))),
        `the live region also said "${narration}":\n${texts.join('\n')}`
      );
    }
    // Everything that is not narration still reaches the screen reader.
    for (const expected of [
      'Typing 1 line into cell 1, first: stores a number',
      'Cell 1 ran, no output',
      'Step 3 of 4: Your turn.',
      'Cell 2 ran: done',
      'Tutorial finished.'
    ]) {
      assert.ok(texts.includes(expected), `the live region never said "${expected}":\n${texts.join('\n')}`);
    }
    assert.ok(
      live.some(entry => entry.politeness === 'assertive' && entry.text.startsWith('Your turn: Change the number in cell 1')),
      `"Your turn" was not announced assertively:\n${texts.join('\n')}`
    );
  } finally {
    await restore();
  }
});

test('R11: pausing cancels the narration being spoken, and nothing more is said until Play', { timeout: 180_000 }, async () => {
  const { page, restore } = await openWithSpeech('voice', { speech: true, speechVolume: 1 });
  try {
    const p = player(page);
    await p.playPause.focus();
    await page.keyboard.press('Enter');
    await acceptConsent(page);
    // Step 2's narration takes the stand-in voice 2.6 s to say: pause while it speaks.
    await page.waitForFunction(text => (window.__notecastSpeech ?? []).some(entry => entry.type === 'start' && entry.text === text), NARRATION[1], {
      timeout: 60_000,
      polling: 20
    });
    await p.playPause.focus();
    await page.keyboard.press('Enter');
    await waitForToggle(page, 'Play');
    await page.waitForTimeout(1_000);
    const log = await speechLog(page);
    const started = log.findIndex(entry => entry.type === 'start' && entry.text === NARRATION[1]);
    const after = log.slice(started + 1);
    assert.ok(
      after.some(entry => entry.type === 'interrupted' && entry.text === NARRATION[1]),
      `pausing did not stop "${NARRATION[1]}":\n${JSON.stringify(log, null, 1)}`
    );
    assert.ok(!after.some(entry => entry.type === 'end' && entry.text === NARRATION[1]), 'the narration was spoken to its end after Pause');
    assert.ok(!after.some(entry => entry.type === 'speak'), `something was spoken while paused:\n${JSON.stringify(after, null, 1)}`);
    assert.equal(await page.evaluate(() => speechSynthesis.speaking), false, 'still speaking after Pause');
  } finally {
    await restore();
  }
});

test('R11: where the browser cannot speak, the narration still reaches the live region', { timeout: 180_000 }, async t => {
  const { page, restore } = await openWithSpeech('passThrough', { speech: true, speechVolume: 0.7 });
  try {
    if ((await page.evaluate(() => speechSynthesis.getVoices().length)) > 0) {
      t.skip('this Chromium has a voice, so no utterance fails');
      return;
    }
    const p = player(page);
    await p.stepMode.check();
    await p.playPause.focus();
    await page.keyboard.press('Enter');
    await acceptConsent(page);
    await waitForStep(page, 1);
    await waitForToggle(page, 'Play');
    await waitForNoRunningCell(page);
    await page.waitForTimeout(500);
    const log = await speechLog(page);
    assert.deepEqual(
      log.filter(entry => entry.type === 'speak').map(entry => [entry.text, entry.volume]),
      [[NARRATION[0], 0.7]],
      "step 1's narration was handed to speechSynthesis once"
    );
    assert.ok(
      log.some(entry => entry.type === 'error' && entry.text === NARRATION[0]),
      `Chromium did not fail the utterance:\n${JSON.stringify(log)}`
    );
    const texts = (await announcerLog(page)).map(entry => entry.text);
    assert.equal(texts.filter(text => text === NARRATION[0]).length, 1, `the failed narration did not reach the live region once:\n${texts.join('\n')}`);
    assert.ok(
      texts.some(text => /^Speech synthesis is not working in this browser/.test(text)),
      `no word that speech failed:\n${texts.join('\n')}`
    );
  } finally {
    await restore();
  }
});
