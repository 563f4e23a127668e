/**
 * What a screen reader says while the web player plays a tutorial from the keyboard:
 * `@guidepup/virtual-screen-reader` in the page, its log compared with the reviewed golden file
 * test/a11y/golden/web-play-through.txt (`UPDATE_GOLDEN=1` rewrites it; review the diff).
 * Each step said once, code never read out, assertive speech only where the learner must act.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openWatchedPage, waitForPlayer, webSuite } from '../web/site.js';
import { goldenPath, readGolden, toLines, UPDATE_GOLDEN, writeGolden } from './helpers/golden.js';
import { announcements, serveVirtualScreenReader, spokenPhraseLog, startScreenReader, stopScreenReader } from './helpers/screen-reader.js';

const suite = webSuite();

const CODE = ['greeting = ', 'print(greeting)', 'apples = 12', 'minutes = [25', 'enumerate(minutes'];

test('a keyboard play-through of the web player says each step once, never code', { timeout: 120_000 }, async () => {
  const watched = await openWatchedPage(suite.browser, { reducedMotion: 'reduce' });
  try {
    const { page, context } = watched;
    await serveVirtualScreenReader(context);
    await page.goto(suite.site.page('sr.html', '<notecast-player src="/tutorials/01-python-basics.md" speed="4"></notecast-player>'));
    await waitForPlayer(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await startScreenReader(page);
    await page.keyboard.press('Enter');
    for (;;) {
      const state = await page.evaluate(() => (document.querySelector('notecast-player') as HTMLElement & { state: string }).state);
      if (state === 'ended') break;
      if (state === 'waiting-for-learner') await page.keyboard.press('k');
      await page.waitForTimeout(250);
    }
    await page.waitForTimeout(800);
    const log = toLines(await spokenPhraseLog(page));
    await stopScreenReader(page);
    const texts = announcements(log).map(said => said.text);
    assert.ok(texts.length > 0, `something was said:\n${log.join('\n')}`);
    for (let n = 1; n <= 6; n++) {
      const said = texts.filter(text => text.includes(`Step ${n} of 6:`));
      assert.equal(said.length, 1, `step ${n} said ${said.length} times:\n${texts.join('\n')}`);
    }
    for (const fragment of CODE) assert.ok(!log.some(phrase => phrase.includes(fragment)), `code "${fragment}" was read out:\n${log.join('\n')}`);
    assert.ok(
      announcements(log).every(said => said.politeness === 'polite' || /turn/i.test(said.text)),
      'assertive only for what the learner must do'
    );
    if (UPDATE_GOLDEN) {
      await writeGolden('web-play-through', log);
    } else {
      const golden = readGolden('web-play-through');
      assert.ok(golden, `${goldenPath('web-play-through')} is missing: run with UPDATE_GOLDEN=1, review it, commit it.`);
      assert.deepEqual(log, golden, `what is spoken differs from ${goldenPath('web-play-through')}`);
    }
  } finally {
    await watched.context.close();
  }
});
