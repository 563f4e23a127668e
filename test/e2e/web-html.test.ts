/**
 * `notecast html`: each tutorial as one page, opened from file:// in real Chromium with every
 * request routed. It plays to the end into the page's notebook, which then holds the expected
 * notebook's cells, and the page asks for nothing but itself: the player, its stylesheet, its
 * catalogs and the script are all inside. Needs `npm run build:web` first (`make web`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { playToNotebook } from '../../src/apply/index.js';
import { compile } from '../../src/compiler/index.js';
import type { Script } from '../../src/format/index.js';
import { fromRoot } from '../helpers/paths.js';
import { launchBrowser } from './browser.js';

/** The built command line, as a user runs it. */
function notecast(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [fromRoot('bin', 'notecast.js'), ...args], { encoding: 'utf8' });
}

let browser: Browser;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'notecast-html-'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface PlayerElement extends HTMLElement {
  state: string;
  step: number;
  play(): Promise<void>;
}

function compiled(path: string): Script {
  const { script, file } = compile(readFileSync(fromRoot(path), 'utf8'), { path });
  assert.ok(script, `${path} compiles: ${file.messages.map(String).join('; ')}`);
  return script;
}

function expectedSources(script: Script): string[] {
  return playToNotebook(script).cells.map(cell => (Array.isArray(cell.source) ? cell.source.join('') : cell.source));
}

function shownSources(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelector('notecast-player')!.shadowRoot!.querySelectorAll<HTMLElement>('.nc-cell')].map(cell => cell.dataset.source ?? '')
  );
}

interface OpenedPage {
  page: Page;
  requests: string[];
  problems: string[];
  close(): Promise<void>;
}

/** `file` opened from file://; every request is listed, and refused unless it is the page itself or a data: URL. */
async function openFile(file: string): Promise<OpenedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const self = pathToFileURL(file).href;
  const opened: OpenedPage = { page, requests: [], problems: [], close: () => context.close() };
  await context.route('**/*', async route => {
    const url = route.request().url();
    opened.requests.push(url);
    await (url === self || url.startsWith('data:') ? route.continue() : route.abort('blockedbyclient'));
  });
  page.on('pageerror', error => opened.problems.push(`uncaught: ${error.message}`));
  page.on('console', message => {
    if (message.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(message.text())) opened.problems.push(message.text());
  });
  page.on('requestfailed', request => opened.problems.push(`failed: ${request.url()}`));
  await page.goto(self);
  return opened;
}

async function playToEnd(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => !['loading', undefined].includes(document.querySelector<PlayerElement>('notecast-player')?.state));
  assert.equal(await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.state), 'idle', `${name} loads`);
  await page.evaluate(() => {
    const player = document.querySelector<PlayerElement>('notecast-player')!;
    player.setAttribute('speed', '4');
    return player.play();
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    const state = await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.state);
    if (state === 'ended') return;
    assert.ok(Date.now() < deadline, `${name} ended within 3 minutes (state ${state})`);
    // Play on at the exercises, as a learner pressing Play would.
    if (state === 'waiting-for-learner' || state === 'paused') await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.play());
    await page.waitForTimeout(250);
  }
}

const tutorials = readdirSync(fromRoot('tutorials')).filter(name => name.endsWith('.md'));

for (const name of tutorials) {
  test(`notecast html ${name}: one file that plays to the end from file:// and asks for nothing else`, async () => {
    const file = join(dir, name.replace(/\.md$/, '.html'));
    const result = notecast('html', fromRoot('tutorials', name), '-o', file);
    assert.equal(result.status, 0, result.stderr);
    const script = compiled(`tutorials/${name}`);
    const opened = await openFile(file);
    try {
      await playToEnd(opened.page, name);
      assert.deepEqual(await shownSources(opened.page), expectedSources(script));
      assert.deepEqual(
        opened.requests.filter(url => !url.startsWith('data:')),
        [pathToFileURL(file).href],
        'the page itself is the only request'
      );
      assert.deepEqual(opened.problems, [], 'no error, failed request or CSP violation');
      if (script.lang === 'fr') {
        const play = opened.page.locator('notecast-player').getByRole('button', { name: /^(Lecture|Lire)$/ });
        assert.equal(await play.count(), 1, 'a French tutorial gets a French page and a French player');
      }
    } finally {
      await opened.close();
    }
  });
}

test('a baked script shows its outputs (stream, HTML with a style, image, error) from file:// with no request', async () => {
  const script = compiled('tutorials/02-functions-and-errors.md');
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
  const outputs = [
    { type: 'stream', name: 'stdout', text: 'baked stdout\n' },
    { type: 'html', html: '<style>b { color: red }</style><b>baked html</b>', text: 'baked html' },
    { type: 'image', mime: 'image/png', data: png, text: 'a dot' },
    { type: 'error', ename: 'ValueError', evalue: 'baked error' }
  ];
  // Every run baked alike: the cells left at the end show the outputs of their last run.
  const runs = script.steps.flatMap(step => step.operations).filter(operation => operation.op === 'run');
  assert.ok(runs.length, 'the tutorial runs cells');
  for (const run of runs) Object.assign(run, { outputs });
  const json = join(dir, 'baked.json');
  writeFileSync(json, JSON.stringify(script));
  const file = join(dir, 'baked.html');
  const result = notecast('html', json, '-o', file);
  assert.equal(result.status, 0, result.stderr);
  const opened = await openFile(file);
  try {
    const { page } = opened;
    await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')?.state === 'idle');
    await page.evaluate(
      count => (document.querySelector('notecast-player') as unknown as { seek(step: number): Promise<void> }).seek(count + 1),
      script.steps.length
    );
    await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.state === 'ended');
    const player = page.locator('notecast-player');
    assert.ok(await player.getByText('baked stdout').count());
    assert.match((await player.locator('iframe.nc-html').first().getAttribute('srcdoc')) ?? '', /baked html/);
    assert.equal(
      await player
        .locator('img.nc-image')
        .first()
        .evaluate(image => (image as HTMLImageElement).naturalWidth),
      1,
      'the image decoded'
    );
    assert.ok(await player.getByText(/ValueError: baked error/).count());
    await page.waitForTimeout(500);
    assert.deepEqual(
      opened.requests.filter(url => !url.startsWith('data:')),
      [pathToFileURL(file).href]
    );
    assert.deepEqual(opened.problems, [], 'no error, failed request or CSP violation (the frame inherits the page policy)');
  } finally {
    await opened.close();
  }
});
