/**
 * Strict, as player-axe.test.ts, in Jupyter Notebook 7: zero axe violations inside the player
 * docked in the notebook page's side panel — ready, paused mid-way, ended. The player opens
 * from the file tree in the notebook's own tab, as a learner opens it there.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { openNotebookApp, waitForNotebookApp } from '../e2e/browser.js';
import { SETTINGS_FILE } from '../e2e/notecast.js';
import { useSuite } from '../e2e/suite.js';
import { axeConfig, formatViolations, scan } from './helpers/axe.js';
import { execute, settle } from './helpers/lab.js';
import { acceptConsent, FIXTURES, player, TUTORIAL, waitForEnd, waitForToggle } from './helpers/player.js';

const suite = useSuite({
  server: { app: 'notebook', copy: FIXTURES, userSettings: { [SETTINGS_FILE]: { speed: 4, reducedMotion: 'on' } } },
  lab: false
});

const results = new Map<string, string>();

async function scanState(page: Page, state: string): Promise<void> {
  await page.locator(axeConfig.playerSelector).first().waitFor({ state: 'visible', timeout: 10_000 });
  await settle(page);
  results.set(state, formatViolations(await scan(page, { include: axeConfig.playerSelector, scope: 'player' })));
}

test('walk the player in Notebook 7 through ready, paused mid-way and ended', { timeout: 240_000 }, async () => {
  const tree = suite.adopt(await openNotebookApp(suite.browser, suite.server.url, { path: 'tree' }));
  const opened = tree.context.waitForEvent('page', { timeout: 60_000 });
  await execute(tree.page, 'notecast:open', { path: TUTORIAL });
  const page = await opened;
  await page.waitForURL(/\/notebooks\//, { timeout: 60_000 });
  await waitForNotebookApp(page);
  const p = player(page);
  await p.root.waitFor({ state: 'visible', timeout: 60_000 });
  await scanState(page, 'ready');

  await p.stepMode.check();
  await p.playPause.click();
  await acceptConsent(page);
  await waitForToggle(page, 'Play');
  await scanState(page, 'paused mid-way');

  await p.stepMode.uncheck();
  // Play on to the end, pressing Play again at each pause the tutorial asks for.
  for (let guard = 0; guard < 20; guard++) {
    const ended = await waitForEnd(page, 2_000).then(
      () => true,
      () => false
    );
    if (ended) break;
    if ((await p.playPause.textContent()) === 'Play') await p.playPause.click();
  }
  await waitForEnd(page);
  await scanState(page, 'ended');
});

for (const state of ['ready', 'paused mid-way', 'ended']) {
  test(`zero axe violations in the player in Notebook 7: ${state}`, () => {
    const result = results.get(state);
    assert.ok(result !== undefined, `the walk did not reach "${state}"`);
    assert.equal(result, 'no violations', `axe violations, ${state}:\n${result}`);
  });
}
