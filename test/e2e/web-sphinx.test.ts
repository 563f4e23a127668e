/**
 * The Sphinx directive (jupyterlab_notecast.sphinx): a small site (test/fixtures/sphinx-site),
 * an rst page and a MyST page each with a tutorial, built with `sphinx-build -W` from the venv
 * (the compiler runs in mini-racer: no Node.js in the build), then served from 127.0.0.1 and
 * played in Chromium with no request to any other host. A tutorial with an error gives a warning
 * at its file:line:column that fails the `-W` build. Needs `npm run build:web` first, and
 * mini-racer in the venv (`make setup`; NOTECAST_MINI_RACER_PATH may name another site-packages).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { playToNotebook } from '../../src/apply/index.js';
import { compile } from '../../src/compiler/index.js';
import { fromRoot } from '../helpers/paths.js';
import { openWatchedPage, waitForPlayer } from '../web/site.js';
import { launchBrowser } from './browser.js';
import { serveStatic, type StaticServer } from './static-server.js';

const TUTORIAL = 'tutorials/02-functions-and-errors.md';

let browser: Browser;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'notecast-sphinx-'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the fixture site in `name` under the test's folder, with the tutorial (and `extra` files). */
function site(name: string, extra: Record<string, string> = {}): string {
  const source = join(dir, name);
  cpSync(fromRoot('test', 'fixtures', 'sphinx-site'), source, { recursive: true });
  mkdirSync(join(source, 'tutorials'));
  cpSync(fromRoot(TUTORIAL), join(source, 'tutorials', 'functions.md'));
  for (const [path, text] of Object.entries(extra)) writeFileSync(join(source, path), text);
  return source;
}

/** `sphinx-build -W -b html` of the venv, as a docs builder with no Node.js runs it. */
function sphinxBuild(source: string): { status: number | null; stderr: string; out: string } {
  const out = join(source, '_build');
  const path = [fromRoot(), process.env.NOTECAST_MINI_RACER_PATH].filter(Boolean).join(':');
  const result = spawnSync(fromRoot('.venv', 'bin', 'sphinx-build'), ['-W', '-q', '-b', 'html', source, out], {
    encoding: 'utf8',
    // No Node.js on the builder's PATH: the directive must not need it.
    env: { PATH: '/usr/bin:/bin', HOME: dir, NOTECAST_ROOT: fromRoot(), PYTHONPATH: path }
  });
  return { status: result.status, stderr: result.stderr, out };
}

interface PlayerElement extends HTMLElement {
  state: string;
  play(): Promise<void>;
  seek(step: number): Promise<void>;
}

function expectedSources(): string[] {
  const { script } = compile(readFileSync(fromRoot(TUTORIAL), 'utf8'), { path: TUTORIAL });
  assert.ok(script);
  return playToNotebook(script).cells.map(cell => (Array.isArray(cell.source) ? cell.source.join('') : cell.source));
}

function shownSources(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelector('notecast-player')!.shadowRoot!.querySelectorAll<HTMLElement>('.nc-cell')].map(cell => cell.dataset.source ?? '')
  );
}

async function playToEnd(page: Page): Promise<void> {
  await page.evaluate(() => {
    const player = document.querySelector<PlayerElement>('notecast-player')!;
    player.setAttribute('speed', '4');
    return player.play();
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    const state = await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.state);
    if (state === 'ended') return;
    assert.ok(Date.now() < deadline, `ended within 3 minutes (state ${state})`);
    if (state === 'waiting-for-learner' || state === 'paused') await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.play());
    await page.waitForTimeout(250);
  }
}

test('an rst page and a MyST page built with -W play the tutorial from 127.0.0.1 and ask no other host', { timeout: 600_000 }, async () => {
  const built = sphinxBuild(site('good'));
  assert.equal(built.status, 0, `sphinx-build -W succeeds:\n${built.stderr}`);
  const rst = readFileSync(join(built.out, 'rst-page.html'), 'utf8');
  assert.equal(rst.match(/<script type="module" src="_static\/notecast\/notecast-player\.js"><\/script>/g)?.length, 1, 'the module once per page');
  assert.equal(rst.match(/_static\/notecast\/notecast-player\.css/g)?.length, 1, 'the stylesheet once per page');
  assert.doesNotMatch(readFileSync(join(built.out, 'index.html'), 'utf8'), /notecast-player/, 'a page without a player loads none of it');
  const server: StaticServer = await serveStatic(built.out);
  try {
    const watched = await openWatchedPage(browser);
    try {
      await watched.page.goto(`${server.url}/rst-page.html`);
      assert.equal(await waitForPlayer(watched.page), 'idle');
      await playToEnd(watched.page);
      assert.deepEqual(await shownSources(watched.page), expectedSources());
      const style = await watched.page.locator('notecast-player').getAttribute('style');
      assert.match(style ?? '', /height: 40rem/, ':height: reaches the element');
      assert.deepEqual(watched.foreign, [], 'no request leaves 127.0.0.1');
      assert.deepEqual(
        watched.pageErrors.map(error => error.message),
        []
      );
    } finally {
      await watched.context.close();
    }
    const myst = await openWatchedPage(browser);
    try {
      await myst.page.goto(`${server.url}/myst-page.html`);
      assert.equal(await waitForPlayer(myst.page), 'idle');
      assert.equal(await myst.page.locator('notecast-player').getByRole('button', { name: 'Lecture' }).count(), 1, ':lang: fr gives a French player');
      await myst.page.evaluate(() => {
        const player = document.querySelector<PlayerElement>('notecast-player')!;
        return player.seek(1000);
      });
      await myst.page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.state === 'ended');
      assert.deepEqual(await shownSources(myst.page), expectedSources());
      assert.deepEqual(myst.foreign, [], 'no request leaves 127.0.0.1');
      assert.deepEqual(
        myst.pageErrors.map(error => error.message),
        []
      );
    } finally {
      await myst.context.close();
    }
  } finally {
    await server.stop();
  }
});

test('a tutorial with an error fails the -W build with a warning at its file:line:column', () => {
  const source = site('broken', {
    'broken.rst': 'Broken\n======\n\n.. notecast:: tutorials/broken.md\n',
    'index.rst': 'Index\n=====\n\n.. toctree::\n\n   broken\n'
  });
  cpSync(fromRoot('test', 'fixtures', 'sphinx-broken', 'broken.md'), join(source, 'tutorials', 'broken.md'));
  const built = sphinxBuild(source);
  assert.notEqual(built.status, 0, 'the build fails');
  assert.match(built.stderr, new RegExp(`${join(source, 'tutorials', 'broken.md')}:7:\\d+: (WARNING|ERROR): error: Unknown cell \`nowhere\``));
  assert.match(built.stderr, /\[notecast\.unknown-cell\]/, 'the rule, so suppress_warnings can name it');
});
