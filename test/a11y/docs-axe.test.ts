/**
 * The documentation site (`make docs`, build/docs/) as a reader meets it: every page, served as
 * static files on 127.0.0.1, in light and in dark, has zero axe violations (axe.config.js, the
 * `page` scope), and no page asks any other host for anything (fonts, scripts and icons come
 * with the site). The players the tutorial pages embed (the `notecast` directive) play to their end.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../e2e/browser.js';
import { REPO_ROOT } from '../e2e/jupyter-server.js';
import { serveStatic, type StaticServer } from '../e2e/static-server.js';
import { scan } from './helpers/axe.js';

const SITE = process.env.NOTECAST_DOCS ?? join(REPO_ROOT, 'build', 'docs');

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name.startsWith('_') ? [] : pages(path);
    }
    return name.endsWith('.html') ? [relative(SITE, path).split(sep).join('/')] : [];
  });
}

let browser: Browser;
let server: StaticServer;

before(async () => {
  assert.ok(existsSync(join(SITE, 'index.html')), `${SITE}/index.html is missing: run make docs first`);
  server = await serveStatic(SITE);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const mode of ['light', 'dark'] as const) {
  test(
    `every page of the documentation site has zero axe violations in ${mode} mode, and loads nothing from another host`,
    { timeout: 900_000 },
    async () => {
      const all = pages(SITE);
      assert.ok(all.length >= 30, `only ${all.length} pages in ${SITE}`);
      const context = await browser.newContext({ colorScheme: mode });
      // The theme's own switch keeps the reader's choice here.
      await context.addInitScript(`localStorage.setItem('mode', '${mode}');`);
      const elsewhere: string[] = [];
      context.on('request', request => {
        const url = request.url();
        if (!url.startsWith(`${server.url}/`) && !/^(data|blob|about):/.test(url)) {
          elsewhere.push(url);
        }
      });
      const page = await context.newPage();
      const found: string[] = [];
      try {
        for (const path of all) {
          await page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
          assert.equal(await page.locator('html').getAttribute('data-theme'), mode, `${path}: the ${mode} theme is applied`);
          for (const violation of await scan(page, { scope: 'page' })) {
            found.push(`${path}: ${violation.rule} (${violation.help}) at ${violation.nodes.map(node => node.target).join(', ')}`);
          }
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(found, []);
      assert.deepEqual(elsewhere, [], 'requests to other hosts');
      assert.deepEqual(
        // Chromium asks every site for /favicon.ico by itself; source maps are asked for by nobody but tools.
        server.notFound.filter(path => path !== '/favicon.ico' && !path.endsWith('.map')),
        [],
        'links or assets the site lacks'
      );
    }
  );
}

/** The part of `<notecast-player>`'s API this test drives (src/web/element.ts). */
interface EmbeddedPlayer extends HTMLElement {
  state: string;
  speed: number;
  play(): Promise<void>;
}

// The pages that embed the repository's tutorials with the `notecast` directive (docs/conf.py).
const EMBEDDING_PAGES = ['tutorials/first-tutorial.html', 'tutorials/teach-a-class.html', 'reference/directives.html'];

for (const path of EMBEDDING_PAGES) {
  test(`the tutorial embedded in ${path} plays to its end, from the site's own files`, { timeout: 300_000 }, async () => {
    const context = await browser.newContext();
    const elsewhere: string[] = [];
    context.on('request', request => {
      if (!request.url().startsWith(`${server.url}/`) && !/^(data|blob|about):/.test(request.url())) {
        elsewhere.push(request.url());
      }
    });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
      assert.equal(await page.locator('notecast-player').count(), 1, `${path} embeds one player`);
      await page.waitForFunction(() => document.querySelector<EmbeddedPlayer>('notecast-player')?.state !== 'loading', undefined, {
        timeout: 60_000
      });
      assert.equal(
        await page.evaluate(() => document.querySelector<EmbeddedPlayer>('notecast-player')!.state),
        'idle',
        'ready, and nothing plays before Play'
      );
      await page.evaluate(() => {
        const player = document.querySelector<EmbeddedPlayer>('notecast-player')!;
        player.speed = 4;
        return player.play();
      });
      // Play on at the tutorial's exercises, as a reader pressing Play would.
      const deadline = Date.now() + 240_000;
      for (;;) {
        const state = await page.evaluate(() => document.querySelector<EmbeddedPlayer>('notecast-player')!.state);
        if (state === 'ended') break;
        assert.notEqual(state, 'failed', `${path}: the player failed`);
        assert.notEqual(state, 'error', `${path}: playback stopped with an error`);
        assert.ok(Date.now() < deadline, `${path} ended within 4 minutes (state ${state})`);
        if (state === 'waiting-for-learner' || state === 'paused') {
          await page.evaluate(() => document.querySelector<EmbeddedPlayer>('notecast-player')!.play());
        }
        await page.waitForTimeout(250);
      }
      const slider = page.locator('notecast-player').locator('input[type=range]');
      assert.match((await slider.getAttribute('aria-valuetext')) ?? '', /^Step \d+ of \d+: .+ \(finished\)$/);
      assert.ok((await page.locator('[id^="step-"], [id*="-step-"]').count()) > 0, `${path}: the transcript is in the page`);
    } finally {
      await context.close();
    }
    assert.deepEqual(elsewhere, [], 'requests to other hosts');
  });
}
