/**
 * The web player in real Chromium, on a static page served from 127.0.0.1 with a strict CSP:
 * every tutorial played to the end into the page's notebook, which then holds the expected
 * notebook's cells; a compiled .json that never downloads the compiler; the keyboard, seeking,
 * the `step` attribute and `#step-N` links, speed, reduced motion, events. No request may go to
 * another host. Needs `npm run build:web` first (`make web`).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { playToNotebook } from '../../src/apply/index.js';
import { filterPrematureAccessWarnings } from '../../src/cli/yjs-warnings.js';
import { compile } from '../../src/compiler/index.js';
import type { Script } from '../../src/format/index.js';
import { fromRoot } from '../helpers/paths.js';
import { openWatchedPage, waitForPlayer, webSuite, type PlayerElement, type WatchedPage } from './site.js';

const suite = webSuite();

before(() => {
  // playToNotebook's YNotebook warns of a read that is harmless (src/cli/yjs-warnings.ts).
  filterPrematureAccessWarnings();
});

function compiled(path: string): Script {
  const { script, file } = compile(readFileSync(fromRoot(path), 'utf8'), { path });
  assert.ok(script, `${path} compiles: ${file.messages.map(String).join('; ')}`);
  return script;
}

function expectedSources(script: Script): string[] {
  return playToNotebook(script).cells.map(cell => (Array.isArray(cell.source) ? cell.source.join('') : cell.source));
}

/** The sources of the page's notebook, as its DOM shows them, in order. */
function shownSources(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelector('notecast-player')!.shadowRoot!.querySelectorAll<HTMLElement>('.nc-cell')].map(cell => cell.dataset.source ?? '')
  );
}

function clean(watched: WatchedPage): void {
  assert.deepEqual(watched.foreign, [], 'no request leaves 127.0.0.1');
  assert.deepEqual(
    watched.pageErrors.map(error => error.message),
    [],
    'no uncaught error in the page'
  );
  assert.deepEqual(watched.cspViolations, [], 'nothing the strict CSP blocks');
}

const tutorials = readdirSync(fromRoot('tutorials')).filter(name => name.endsWith('.md'));

for (const name of tutorials) {
  test(`${name} plays to the end at 4× and the page's notebook is the expected one`, async () => {
    const script = compiled(`tutorials/${name}`);
    const watched = await openWatchedPage(suite.browser);
    try {
      const { page } = watched;
      await page.goto(suite.site.page(`play-${name}.html`, `<notecast-player src="/tutorials/${name}" speed="4"></notecast-player>`));
      assert.equal(await waitForPlayer(page), 'idle', 'ready, and nothing plays before Play (no autoplay)');
      await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.play());
      // Play on at the tutorial's exercises, as a learner pressing Play would.
      const deadline = Date.now() + 120_000;
      for (;;) {
        const state = await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.state);
        if (state === 'ended') break;
        assert.ok(Date.now() < deadline, `${name} ended within 2 minutes (state ${state})`);
        if (state === 'waiting-for-learner' || state === 'paused') {
          await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.play());
        }
        await page.waitForTimeout(250);
      }
      assert.deepEqual(await shownSources(page), expectedSources(script));
      const slider = page.locator('notecast-player').locator('input[type=range]');
      assert.match((await slider.getAttribute('aria-valuetext')) ?? '', /^Step \d+ of \d+: .+ \(finished\)$/);
      clean(watched);
    } finally {
      await watched.context.close();
    }
  });
}

test('a compiled .json plays without downloading the compiler, and a seek to the end shows the expected notebook', async () => {
  const script = compiled('tutorials/02-functions-and-errors.md');
  suite.site.file('functions.json', JSON.stringify(script));
  const watched = await openWatchedPage(suite.browser);
  try {
    const { page } = watched;
    await page.goto(suite.site.page('json.html', '<notecast-player src="functions.json"></notecast-player>'));
    assert.equal(await waitForPlayer(page), 'idle');
    await page.evaluate(count => document.querySelector<PlayerElement>('notecast-player')!.seek(count + 1), script.steps.length);
    await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.state === 'ended');
    assert.deepEqual(await shownSources(page), expectedSources(script));
    const chunks = watched.requests.filter(url => url.includes('/web/')).map(url => new URL(url).pathname);
    assert.ok(!chunks.some(path => path.includes('compiler')), `no compiler chunk among ${chunks.join(', ')}`);
    // Code is coloured by Lezer's Python grammar.
    assert.ok(await page.locator('notecast-player .nc-source .tok-keyword').count(), 'keywords are highlighted');
    clean(watched);
  } finally {
    await watched.context.close();
  }
});

test('keyboard only: one tab stop for the toolbar, arrows between its buttons, K/J/L inside the player', async () => {
  const watched = await openWatchedPage(suite.browser);
  try {
    const { page } = watched;
    await page.goto(suite.site.page('keys.html', '<notecast-player src="/tutorials/01-python-basics.md"></notecast-player><p><a href="#x">after</a></p>'));
    await waitForPlayer(page);
    const focused = () => page.evaluate(() => document.querySelector('notecast-player')!.shadowRoot!.activeElement?.textContent ?? null);
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Previous step', 'the toolbar is the first tab stop');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(), 'Play');
    await page.keyboard.press('End');
    assert.equal(await focused(), 'Keyboard shortcuts');
    await page.keyboard.press('Home');
    assert.equal(await focused(), 'Previous step');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), 'Keyboard shortcuts', 'the arrows wrap');
    await page.keyboard.press('Tab');
    assert.notEqual(await focused(), 'Play', 'one tab stop: Tab leaves the toolbar');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), 'Keyboard shortcuts', 'and comes back to the button last used');
    // K plays and pauses; the button's label changes (no aria-pressed).
    await page.keyboard.press('k');
    await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.state === 'playing');
    const play = page.locator('notecast-player').getByRole('button', { name: 'Pause' });
    assert.equal(await play.getAttribute('aria-pressed'), null);
    assert.equal(await play.getAttribute('aria-keyshortcuts'), 'K');
    await page.keyboard.press('k');
    await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.state === 'paused');
    assert.equal(await focused(), 'Keyboard shortcuts', 'playback never moves focus');
    // L: next step, J: previous step.
    const before = await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.step);
    await page.keyboard.press('l');
    await page.keyboard.press('l');
    await page.waitForFunction(step => document.querySelector<PlayerElement>('notecast-player')!.step > step, before);
    await page.keyboard.press('j');
    // The slider: End goes to the last step, spoken as "Step 6 of 6: … ".
    await page.locator('notecast-player input[type=range]').focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.step === 6);
    assert.match((await page.locator('notecast-player input[type=range]').getAttribute('aria-valuetext')) ?? '', /^Step 6 of 6: What you learned/);
    // Keys typed outside the player do nothing to it.
    await page.locator('a[href="#x"]').focus();
    await page.keyboard.press('k');
    await page.waitForTimeout(300);
    assert.notEqual(await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.state), 'playing');
    clean(watched);
  } finally {
    await watched.context.close();
  }
});

test('step attribute, seek(), #step-N links, speed, events; a listener that throws breaks nothing', async () => {
  const watched = await openWatchedPage(suite.browser);
  try {
    const { page } = watched;
    suite.site.file(
      'events.js',
      `
      window.seen = [];
      const player = document.querySelector('notecast-player');
      player.addEventListener('step', event => { window.seen.push('step ' + event.detail.step); throw new Error('a page listener that throws'); });
      player.addEventListener('state', event => window.seen.push('state ' + event.detail.state));
    `
    );
    await page.goto(
      suite.site.page(
        'seek.html',
        '<nav><a href="#step-4">Step 4</a></nav><notecast-player src="/tutorials/01-python-basics.md" step="3" speed="2"></notecast-player><script type="module" src="events.js"></script>'
      )
    );
    await waitForPlayer(page);
    await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.step === 3);
    assert.equal(await page.locator('notecast-player select.nc-speed').inputValue(), '2');
    assert.equal(await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.speed), 2);
    await page.evaluate(() => document.querySelector('notecast-player')!.setAttribute('step', '5'));
    await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.step === 5);
    await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.seek(2));
    await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.step === 2);
    // A link into the transcript: the section is in the page's DOM, and the player goes there.
    await page.click('a[href="#step-4"]');
    await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.step === 4);
    assert.equal(await page.locator('#step-4 h3').textContent(), '4. Lists');
    await page.evaluate(() => (document.querySelector<PlayerElement>('notecast-player')!.speed = 9));
    assert.equal(await page.locator('notecast-player select.nc-speed').inputValue(), '1', 'an out-of-range speed falls back to 1×');
    await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.play());
    await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.includes('state playing'));
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    assert.ok(seen.includes('step 5') && seen.includes('step 2') && seen.includes('step 4'), seen.join(', '));
    assert.equal(watched.pageErrors.length > 0, true, 'the throwing listener was reported by the browser');
    watched.pageErrors.length = 0;
    clean(watched);
  } finally {
    await watched.context.close();
  }
});

test('reduced motion (the media query) inserts whole blocks: no cell ever holds part of its code', async () => {
  const watched = await openWatchedPage(suite.browser, { reducedMotion: 'reduce' });
  try {
    const { page } = watched;
    await page.goto(suite.site.page('motion.html', '<notecast-player src="/tutorials/01-python-basics.md" speed="4"></notecast-player>'));
    await waitForPlayer(page);
    assert.equal(await page.locator('notecast-player .nc-options input[type=checkbox]').nth(1).isChecked(), true);
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { sources: string[] }).sources = []);
      new MutationObserver(records => {
        for (const record of records) if (record.attributeName === 'data-source') seen.push((record.target as HTMLElement).dataset.source ?? '');
      }).observe(document.querySelector('notecast-player')!.shadowRoot!, { attributes: true, subtree: true, attributeFilter: ['data-source'] });
    });
    await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.seek(2));
    await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.play());
    await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.step >= 4, undefined, { timeout: 60_000 });
    const sources = await page.evaluate(() => (window as unknown as { sources: string[] }).sources);
    // The reader's setting is followed while the page is open.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.waitForFunction(
      () => !document.querySelector('notecast-player')!.shadowRoot!.querySelectorAll<HTMLInputElement>('.nc-options input')[1].checked
    );
    const whole = [
      '',
      'greeting = "Hello, notebook!"\nprint(greeting)',
      'apples = 12\nfriends = 5\nprint(apples / friends)\nprint(apples // friends, "each, and", apples % friends, "left over")'
    ];
    assert.ok(sources.length > 0);
    for (const source of sources) assert.ok(whole.includes(source), `a whole block, not ${JSON.stringify(source)}`);
    clean(watched);
  } finally {
    await watched.context.close();
  }
});
