/**
 * Notecast in the static JupyterLite site that `make lite` builds (build/lite): no Jupyter
 * server, the notebook in the browser's own storage, Python in the browser (Pyodide).
 * The site is served as plain files on 127.0.0.1; every other host is refused, and the
 * test asserts that nothing even tried to reach one: Pyodide and its wheels are the site's.
 *
 * A learner opens `lab/index.html?notecast=01-python-basics.md`, plays the tutorial with
 * the keyboard, takes over at its pause, adds a line, resumes, and the tutorial plays to the
 * end with the outputs it expects; they save (into the browser's storage) and reload: the
 * notebook is still theirs, with their line, and the player continues it. Another learner
 * follows a "Try it" link, `&step=3`, and arrives at step 3 with nothing run; a link to a step
 * the tutorial does not have opens it at the start with a notice. And a reader of a web page
 * watching the tutorial in `<notecast-player>` at step 3 presses its "Try it" button: the site
 * opens in a new tab, at step 3.
 *
 * This builds nothing: `make test` runs `make lite` first.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { REPO_ROOT } from './jupyter-server.js';
import {
  SETTINGS_PLUGIN,
  allowRunningCode,
  expectedNotebook,
  expectedOutputs,
  notebookCells,
  playerFor,
  pressInPlayer,
  recordAnnouncements,
  spoken,
  status,
  waitForSpoken,
  waitForStatus,
  continueToEnd
} from './notecast.js';
import { serveStatic, type StaticServer } from './static-server.js';
import { startWebSite, waitForPlayer } from '../web/site.js';

const SITE = join(REPO_ROOT, 'build', 'lite');
const TUTORIAL = '01-python-basics.md';
const NOTEBOOK = '01-python-basics.ipynb';
const TITLE = 'Python basics';
/** The cell the tutorial runs just before its pause, and the line the learner adds to it. */
const EDITED = 'meetings';
const MINE = '# mine: try another meeting';
/** Pyodide's start (runtime, standard library, IPython) takes 10–30 s here. */
const KERNEL_START_MS = 120_000;

interface Page0 {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  consoleErrors: string[];
}

let server: StaticServer | undefined;
let browser: Browser | undefined;
let lab: Page0 | undefined;
/** Every learner's page, for the error checks at the end. */
const learners: Page0[] = [];
/** Every request the browser made, and those to a host other than 127.0.0.1 (refused). */
const requested: string[] = [];
const refused: string[] = [];

before(
  async () => {
    if (!existsSync(join(SITE, 'lab', 'index.html'))) {
      throw new Error(`${SITE} has no JupyterLite site (no lab/index.html): run \`make lite\` first.`);
    }
    server = await serveStatic(SITE, {
      rewrite: {
        // As served to this test only: the app in `window.jupyterapp` for the helpers, and
        // fast playback (4×, whole blocks) so the tutorial takes seconds, not minutes.
        '/jupyter-lite.json': json => {
          const config = json['jupyter-config-data'] as Record<string, unknown>;
          config.exposeAppInBrowser = true;
          config.settingsOverrides = {
            ...(config.settingsOverrides as Record<string, unknown>),
            [SETTINGS_PLUGIN]: { speed: 4, reducedMotion: 'on' }
          };
        }
      }
    });
    // Names other than 127.0.0.1 do not resolve, so nothing can leave the machine even past the route below.
    browser = await launchBrowser(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
    lab = await newLearner();
  },
  { timeout: 60_000 }
);

/** A learner of their own: a browser context with empty storage, only 127.0.0.1 reachable, errors and announcements recorded. */
async function newLearner(): Promise<Page0> {
  const context = await browser!.newContext();
  await context.route('**', route => {
    const url = route.request().url();
    requested.push(url);
    if (new URL(url).hostname === '127.0.0.1') return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', error => pageErrors.push(`${error.message}\n${error.stack ?? ''}`));
  page.on('console', message => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await recordAnnouncements(page);
  learners.push({ context, page, pageErrors, consoleErrors });
  return learners[learners.length - 1];
}

after(
  async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  },
  { timeout: 30_000 }
);

async function openSite(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${server!.url}/lab/index.html?notecast=${encodeURIComponent(TUTORIAL)}${query}`, { timeout: 60_000 });
  await page.waitForFunction(() => window.jupyterapp !== undefined, undefined, { timeout: 60_000 });
  await page.evaluate(async () => {
    await window.jupyterapp!.started;
    await window.jupyterapp!.restored;
  });
  const player = playerFor(page, TITLE);
  await player.waitFor({ state: 'visible', timeout: 60_000 });
  return player;
}

function toolbarButton(player: Locator, name: string): Locator {
  return player.getByRole('toolbar', { name: 'Tutorial player' }).getByRole('button', { name, exact: true });
}

async function press(button: Locator): Promise<void> {
  await button.focus();
  await button.page().keyboard.press('Enter');
}

/** The kernel of the open notebook at `path`: its spec name and its language. */
async function kernelOf(page: Page, path: string): Promise<{ name: string; language: string } | undefined> {
  return page.evaluate(async notebookPath => {
    type Panel = {
      context?: { path: string };
      sessionContext?: { session?: { kernel?: { name: string; info: Promise<{ language_info: { name: string } }> } | null } | null };
    };
    const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<Panel> } };
    for (const widget of app.shell.widgets('main')) {
      const kernel = widget.context?.path === notebookPath ? widget.sessionContext?.session?.kernel : undefined;
      if (kernel) return { name: kernel.name, language: (await kernel.info).language_info.name };
    }
    return undefined;
  }, path);
}

/** The files at the root of the browser's storage (JupyterLite's contents). */
async function storedFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const app = window.jupyterapp as unknown as {
      serviceManager: { contents: { get(path: string, options: object): Promise<{ content: Array<{ name: string }> }> } };
    };
    const listing = await app.serviceManager.contents.get('', { content: true });
    return listing.content.map(entry => entry.name).sort();
  });
}

async function storedNotebookSource(page: Page, path: string): Promise<string> {
  return page.evaluate(async notebookPath => {
    const app = window.jupyterapp as unknown as {
      serviceManager: { contents: { get(path: string, options: object): Promise<{ content: { cells: Array<{ source: string | string[] }> } }> } };
    };
    const model = await app.serviceManager.contents.get(notebookPath, { content: true, type: 'notebook' });
    return model.content.cells.map(cell => (Array.isArray(cell.source) ? cell.source.join('') : cell.source)).join('\n');
  }, path);
}

test(
  "the tutorial plays in the Python (Pyodide) kernel, a take-over at its pause keeps the learner's line, and it ends with the expected cells and outputs",
  { timeout: 300_000 },
  async () => {
    const { page } = lab!;
    const player = await openSite(page);
    assert.match(await status(player), /^Ready/);
    // Nothing runs before consent, then the whole tutorial plays from the keyboard.
    await pressInPlayer(player, 'Alt+Shift+P');
    await allowRunningCode(page);
    assert.equal(await page.locator('.jp-Dialog').count(), 0, 'a dialog (Select Kernel?) stands in the way');
    await waitForStatus(player, /^Your turn/, KERNEL_START_MS);
    assert.deepEqual(await kernelOf(page, NOTEBOOK), { name: 'python', language: 'python' }, 'not the Pyodide kernel');

    // At the tutorial's pause the learner takes over, adds a line of their own to the cell
    // the tutorial just ran, runs nothing, and resumes: the rest of the tutorial plays on
    // their notebook, and their line stays.
    await press(toolbarButton(player, 'Take over'));
    await waitForStatus(player, /^You have control/, 10_000);
    await waitForSpoken(page, /^You have control\. Cell \d+ is active/);
    assert.ok(
      await page.evaluate(() => Boolean(document.activeElement?.closest('.jp-Cell .cm-editor'))),
      'Take over did not move focus into the cell editor'
    );
    await page.keyboard.press('Control+End');
    await page.keyboard.type(`\n${MINE}`);
    await page.keyboard.press('Escape');
    await press(toolbarButton(player, 'Resume'));
    await waitForStatus(player, /^(Playing|Running code|Ended)/, 10_000);

    await continueToEnd(player, KERNEL_START_MS);
    const cells = await notebookCells(page, NOTEBOOK);
    // The tutorial's notebook, with the learner's line at the end of the cell they edited.
    const expected = expectedNotebook(`tutorials/${TUTORIAL}`).map(cell => (cell.id === EDITED ? { ...cell, source: `${cell.source}\n${MINE}` } : cell));
    assert.deepEqual(
      cells.map(({ id, type, source }) => ({ id, type, source })),
      expected
    );
    for (const [cell, expected] of expectedOutputs(`tutorials/${TUTORIAL}`)) {
      const actual = cells.find(c => c.id === cell);
      assert.ok(actual, `cell ${cell} is missing`);
      assert.equal(actual.output.trim(), expected.trim(), `the output of cell ${cell}`);
    }
    const heard = (await spoken(page)).map(entry => entry.text);
    assert.ok(heard.includes('Tutorial finished.'), 'the end was not announced');
    assert.ok(
      heard.some(text => /^Cell \d+ ran/.test(text)),
      'no kernel result was announced'
    );
  }
);

test("after saving and a reload the tutorial continues in the learner's notebook, and nothing they wrote is lost", { timeout: 180_000 }, async () => {
  const { page } = lab!;
  // Saved as the learner would (Ctrl+S in the notebook), into the browser's storage.
  await page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell').first().locator('.jp-InputPrompt').click();
  await page.keyboard.press('Control+s');
  await page.waitForFunction(
    path => {
      type Panel = { context?: { path: string; model: { dirty: boolean } } };
      const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<Panel> } };
      return [...app.shell.widgets('main')].some(widget => widget.context?.path === path && !widget.context.model.dirty);
    },
    NOTEBOOK,
    { timeout: 15_000 }
  );
  assert.ok((await storedNotebookSource(page, NOTEBOOK)).includes(MINE), "the saved notebook lacks the learner's line");
  const filesBefore = await storedFiles(page);

  await page.reload({ timeout: 60_000 });
  const player = await openSite(page);
  await waitForSpoken(page, /^Tutorial Python basics is ready in 01-python-basics\.ipynb/);
  // The player puts the notebook in the tutorial's state for its step, as in JupyterLab;
  // the learner's changes go to a copy first, in the same storage.
  const kept = /^Your version is saved as (.+\.ipynb)\.$/.exec(await waitForSpoken(page, /^Your version is saved as /))![1];
  assert.ok((await storedNotebookSource(page, kept)).includes(MINE), `${kept} lacks the learner's line`);
  assert.match(await status(player), /^(Ready|Paused|Ended)/);
  const cells = await notebookCells(page, NOTEBOOK);
  assert.deepEqual(
    cells.map(({ id, type, source }) => ({ id, type, source })),
    expectedNotebook(`tutorials/${TUTORIAL}`)
  );
  // The same notebook continued, no other made, and no draft left behind.
  assert.deepEqual(await storedFiles(page), [...filesBefore, kept].sort());
});

/** The cell ids of the tutorial's cells by the author's names. */
function cellIds(): Map<string, string> {
  const json = execFileSync(process.execPath, [join(REPO_ROOT, 'bin/notecast.js'), 'compile', join(REPO_ROOT, 'tutorials', TUTORIAL)], {
    encoding: 'utf8'
  });
  const script = JSON.parse(json) as { cells: Record<string, { name: string }> };
  return new Map(Object.entries(script.cells).map(([id, cell]) => [cell.name, id]));
}

test(
  'a "Try it" link with &step=3 opens the player at step 3: the notebook in that step\'s state, Run cells up to here offered, nothing run',
  { timeout: 180_000 },
  async () => {
    const { page, context } = await newLearner();
    const player = await openSite(page, '&step=3');
    const slider = player.getByRole('slider', { name: 'Step' });
    await page.waitForFunction(node => /^Step 3 of \d+: /.test(node?.getAttribute('aria-valuetext') ?? ''), await slider.elementHandle(), {
      timeout: 30_000
    });
    assert.match(await status(player), /· Step 3 of 6: Numbers$/);
    // Steps 1 and 2 made cell "hello"; step 3's cell is not there yet; nothing ran.
    const ids = cellIds();
    const cells = await notebookCells(page, NOTEBOOK);
    assert.deepEqual(
      cells.map(cell => cell.id),
      [ids.get('hello')]
    );
    assert.equal(cells[0].output, '');
    const notice = player.locator('.jp-NotecastPlayer-notice', { hasText: 'The kernel has not run cell 1 for this step.' });
    await notice.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await notice.getByRole('button', { name: 'Run cells up to here' }).count(), 1);
    await context.close();
  }
);

test('from the web player at step 3, "Try it" opens this site in a new tab with the tutorial at step 3', { timeout: 180_000 }, async () => {
  // A course page on another server of its own, the tutorial beside it, "Try it" pointing at this site.
  const web = await startWebSite();
  try {
    web.file(TUTORIAL, readFileSync(join(REPO_ROOT, 'tutorials', TUTORIAL), 'utf8'));
    const url = web.page('course.html', `<notecast-player src="${TUTORIAL}" try-url="${server!.url}/lab/index.html"></notecast-player>`);
    const { page, context } = await newLearner();
    await page.goto(url);
    await waitForPlayer(page);
    await page.evaluate(() => (document.querySelector('notecast-player') as unknown as { seek(step: number): Promise<void> }).seek(3));
    const tryIt = page.getByRole('button', { name: 'Try it' });
    // The reader is told what will open before it does.
    await page.getByText('Opens this tutorial at step 3 in a real notebook, in a new tab.').waitFor({ state: 'attached', timeout: 10_000 });
    const [site] = await Promise.all([context.waitForEvent('page', { timeout: 30_000 }), tryIt.click()]);
    assert.equal(new URL(site.url()).searchParams.get('step'), '3');
    assert.equal(new URL(site.url()).searchParams.get('notecast'), TUTORIAL);
    await site.waitForFunction(() => window.jupyterapp !== undefined, undefined, { timeout: 60_000 });
    const player = playerFor(site, TITLE);
    await player.waitFor({ state: 'visible', timeout: 60_000 });
    const slider = player.getByRole('slider', { name: 'Step' });
    await site.waitForFunction(node => /^Step 3 of \d+: /.test(node?.getAttribute('aria-valuetext') ?? ''), await slider.elementHandle(), {
      timeout: 30_000
    });
    await context.close();
  } finally {
    await web.stop();
  }
});

test('a link to a step the tutorial does not have opens it at the start, with a notice saying so', { timeout: 180_000 }, async () => {
  for (const step of ['0', '99', 'three']) {
    const { page, context } = await newLearner();
    const player = await openSite(page, `&step=${step}`);
    await waitForSpoken(page, /^Tutorial Python basics is ready in 01-python-basics\.ipynb/);
    assert.match(await status(player), /· Step 1 of 6: Welcome$/, step);
    const notice = player.locator('.jp-NotecastPlayer-notice', {
      hasText: `The link asks for step "${step}", which this tutorial does not have: it has 6 steps, numbered from 1. It opens at the start.`
    });
    assert.equal(await notice.count(), 1, step);
    await context.close();
  }
});

test('nothing was requested from any host but 127.0.0.1, and the kernel came from the site', () => {
  assert.deepEqual(refused, []);
  const site = requested.filter(url => url.startsWith(server!.url));
  for (const piece of [
    '/static/pyodide/pyodide.asm.wasm',
    '/static/pyodide/python_stdlib.zip',
    '/static/pyodide/pyodide-lock.json',
    '/static/pyodide/ipython-'
  ]) {
    assert.ok(
      site.some(url => new URL(url).pathname.startsWith(piece)),
      `${piece} was never fetched from the site (is the route seeing the kernel's requests?)`
    );
  }
});

test('no page error or console error comes from Notecast', () => {
  const errors = learners.flatMap(learner => [...learner.pageErrors, ...learner.consoleErrors]).filter(text => /notecast/i.test(text));
  assert.deepEqual(errors, []);
});
