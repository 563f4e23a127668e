/**
 * The web player's accessibility in Chromium: axe (axe.config.js, zero violations) in every
 * state a learner meets — idle, playing, paused, ended, and a tutorial that cannot play — in the
 * light and dark themes, at 320 px wide with no horizontal scrolling, and with forced colours.
 * Needs `npm run build:web` first (`make web`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { openWatchedPage, waitForPlayer, webSuite, type PlayerElement } from '../web/site.js';
import { formatViolations, scan } from './helpers/axe.js';

const suite = webSuite();

const state = (page: Page) => page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.state);

async function assertClean(page: Page, what: string): Promise<void> {
  const violations = await scan(page, { scope: 'player' });
  assert.equal(violations.length, 0, `${what}: ${formatViolations(violations)}`);
  const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(overflow.scroll <= overflow.client, `${what}: no horizontal scrolling (${overflow.scroll} > ${overflow.client})`);
}

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1024, 320]) {
    test(`axe finds nothing in any state, ${theme} theme, ${width} px wide`, async () => {
      const watched = await openWatchedPage(suite.browser, { viewport: { width, height: 800 }, colorScheme: theme });
      try {
        const { page } = watched;
        await page.goto(
          suite.site.page(
            `axe-${theme}-${width}.html`,
            `<notecast-player src="/tutorials/01-python-basics.md" theme="${theme}" speed="4"></notecast-player>`
          )
        );
        assert.equal(await waitForPlayer(page), 'idle');
        await assertClean(page, 'idle');
        await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.seek(2));
        await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.play());
        await page.waitForFunction(() => document.querySelector('notecast-player')!.shadowRoot!.querySelector('.nc-cell') !== null);
        assert.equal(await state(page), 'playing');
        await assertClean(page, 'playing');
        await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.pause());
        assert.equal(await state(page), 'paused');
        await assertClean(page, 'paused');
        await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.seek(7));
        await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.state === 'ended');
        await assertClean(page, 'ended');
        await page.evaluate(() => document.querySelector('notecast-player')!.setAttribute('src', 'missing.md'));
        await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.state === 'failed');
        await assertClean(page, 'error');
        assert.deepEqual(watched.foreign, []);
      } finally {
        await watched.context.close();
      }
    });
  }
}

test('forced colours: system colours, and axe finds nothing', async () => {
  const watched = await openWatchedPage(suite.browser, { forcedColors: 'active', viewport: { width: 320, height: 800 } });
  try {
    const { page } = watched;
    await page.goto(suite.site.page('forced.html', '<notecast-player src="/tutorials/01-python-basics.md"></notecast-player>'));
    await waitForPlayer(page);
    await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.seek(3));
    await assertClean(page, 'forced colours');
    const colours = await page.evaluate(() => {
      const button = document.querySelector('notecast-player')!.shadowRoot!.querySelector('.nc-play')!;
      return getComputedStyle(button).borderTopStyle;
    });
    assert.equal(colours, 'solid', 'buttons keep a visible border');
  } finally {
    await watched.context.close();
  }
});

test('the targets are at least 24 by 24 px, and the live regions start empty', async () => {
  const watched = await openWatchedPage(suite.browser, { viewport: { width: 320, height: 800 } });
  try {
    const { page } = watched;
    await page.goto(suite.site.page('targets.html', '<notecast-player src="/tutorials/01-python-basics.md"></notecast-player>'));
    await waitForPlayer(page);
    const found = await page.evaluate(() => {
      const root = document.querySelector('notecast-player')!.shadowRoot!;
      const small = [...root.querySelectorAll<HTMLElement>('button, select, input')]
        .filter(node => node.offsetParent !== null)
        .map(node => ({ name: node.className || node.getAttribute('type'), box: node.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ name, box }) => `${name} ${box.width}x${box.height}`);
      const live = [...document.querySelectorAll('notecast-player > .notecast-live [aria-live]')].map(node => node.textContent);
      return { small, live };
    });
    assert.deepEqual(found.small, []);
    assert.deepEqual(found.live, ['', ''], 'nothing said before anything happens');
  } finally {
    await watched.context.close();
  }
});
