/**
 * Opening a tutorial never writes over a file next to it: a `<tutorial>.ipynb`
 * that is not a notebook, one the server fails to read, or someone else's
 * notebook stays byte for byte as it was on disk (read from the server's root
 * folder, not through the contents API), the player opens its notebook under
 * the next free name and says why; a folder the server cannot list gets no
 * file at all, and the learner is told.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page, Route } from 'playwright-core';
import { openTutorial, recordAnnouncements, start, waitForSpoken } from './notecast.js';
import { notecastErrors, useSuite } from './suite.js';

const tutorial = (title: string): string => `---\ntitle: ${title}\n---\n\n# Only step\n\nSome narration.\n`;

/** `{not json` followed by bytes that are not UTF-8 at all. */
const CORRUPT = Buffer.concat([Buffer.from('{not json'), Buffer.from([0x00, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a])]);
const THEIR_NOTEBOOK = `${JSON.stringify(
  {
    cells: [{ cell_type: 'code', id: 'mine', source: 'mine = 1', metadata: {}, outputs: [], execution_count: 3 }],
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3' } },
    nbformat: 4,
    nbformat_minor: 5
  },
  null,
  1
)}\n`;

const suite = useSuite({
  server: {
    files: {
      'corrupt/lesson.md': tutorial('Next to a corrupt file'),
      'theirs/lesson.md': tutorial('Next to their notebook'),
      'theirs/lesson.ipynb': THEIR_NOTEBOOK,
      'server-error/lesson.md': tutorial('Next to a file the server fails to read'),
      'server-error/lesson.ipynb': THEIR_NOTEBOOK,
      'unlisted/lesson.md': tutorial('In a folder that cannot be listed'),
      'unlisted/lesson.ipynb': THEIR_NOTEBOOK
    }
  },
  lab: { beforeLoad: recordAnnouncements }
});

function onDisk(path: string): Buffer {
  return readFileSync(join(suite.server.rootDir, path));
}

/** The folder's files on disk, without hidden ones (Jupyter's `.ipynb_checkpoints`). */
function filesIn(dir: string): string[] {
  return readdirSync(join(suite.server.rootDir, dir))
    .filter(name => !name.startsWith('.'))
    .sort();
}

async function openNotebookPaths(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<{ context?: { path: string } }> } };
    return [...app.shell.widgets('main')].flatMap(widget => (widget.context?.path.endsWith('.ipynb') ? [widget.context.path] : []));
  });
}

/** Answers the page's contents requests that `matches` picks with a server error. */
async function failRequests(page: Page, matches: (url: URL) => boolean): Promise<() => Promise<void>> {
  const handler = (route: Route): Promise<void> =>
    route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ message: 'Simulated server failure', reason: null }) });
  const predicate = (url: URL): boolean => matches(url);
  await page.route(predicate, handler);
  return () => page.unroute(predicate, handler);
}

test('a corrupt lesson.ipynb survives opening the tutorial byte for byte; the player opens lesson-1.ipynb and says why', { timeout: 90_000 }, async () => {
  const { page } = suite.lab;
  writeFileSync(join(suite.server.rootDir, 'corrupt/lesson.ipynb'), CORRUPT);
  const player = await openTutorial(page, 'corrupt/lesson.md', 'Next to a corrupt file');

  assert.ok(onDisk('corrupt/lesson.ipynb').equals(CORRUPT), 'corrupt/lesson.ipynb changed on disk');
  assert.ok((await openNotebookPaths(page)).includes('corrupt/lesson-1.ipynb'));
  const made = JSON.parse(onDisk('corrupt/lesson-1.ipynb').toString('utf8')) as { metadata: { notecast?: { tutorial?: string } } };
  assert.equal(made.metadata.notecast?.tutorial, 'corrupt/lesson.md');
  assert.deepEqual(filesIn('corrupt'), ['lesson-1.ipynb', 'lesson.ipynb', 'lesson.md']);

  const why = /lesson\.ipynb is not a notebook Jupyter can read, so it was left as it is\. The tutorial plays in lesson-1\.ipynb instead\./;
  await player.locator('.jp-NotecastPlayer-notice', { hasText: why }).waitFor({ state: 'visible', timeout: 10_000 });
  await waitForSpoken(page, why);
});

test("someone else's lesson.ipynb is left as it is and the player opens lesson-1.ipynb", { timeout: 90_000 }, async () => {
  const { page } = suite.lab;
  const player = await openTutorial(page, 'theirs/lesson.md', 'Next to their notebook');
  assert.equal(onDisk('theirs/lesson.ipynb').toString('utf8'), THEIR_NOTEBOOK);
  assert.ok((await openNotebookPaths(page)).includes('theirs/lesson-1.ipynb'));
  assert.deepEqual(filesIn('theirs'), ['lesson-1.ipynb', 'lesson.ipynb', 'lesson.md']);
  assert.equal(await player.locator('.jp-NotecastPlayer-notice').count(), 0, 'a notebook the server read is passed over without a notice');
});

test('a lesson.ipynb the server fails to read is left as it is; the player opens lesson-1.ipynb and says why', { timeout: 90_000 }, async () => {
  const { page } = suite.lab;
  const restore = await failRequests(
    page,
    url => url.pathname.endsWith('/api/contents/server-error/lesson.ipynb') && url.searchParams.get('type') === 'notebook'
  );
  try {
    const player = await openTutorial(page, 'server-error/lesson.md', 'Next to a file the server fails to read');
    assert.equal(onDisk('server-error/lesson.ipynb').toString('utf8'), THEIR_NOTEBOOK);
    assert.ok((await openNotebookPaths(page)).includes('server-error/lesson-1.ipynb'));
    const why = /lesson\.ipynb could not be read \(Simulated server failure\), so it was left as it is\. The tutorial plays in lesson-1\.ipynb instead\./;
    await player.locator('.jp-NotecastPlayer-notice', { hasText: why }).waitFor({ state: 'visible', timeout: 10_000 });
    await waitForSpoken(page, why);
  } finally {
    await restore();
  }
});

test('a folder the server cannot list gets no file at all, and the learner is told why', { timeout: 90_000 }, async () => {
  const { page } = suite.lab;
  const before = filesIn('unlisted');
  const restore = await failRequests(page, url => url.pathname.endsWith('/api/contents/unlisted') && url.searchParams.get('type') === 'directory');
  try {
    await start(page, 'notecast:open', { path: 'unlisted/lesson.md' });
    const dialog = page.locator('.jp-Dialog-content', { hasText: 'Could not open the tutorial' });
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    const why =
      /Could not make a notebook for the tutorial unlisted\/lesson\.md: the folder unlisted could not be listed \(Simulated server failure\).*Nothing was written\./;
    assert.match((await dialog.textContent()) ?? '', why);
    await waitForSpoken(page, why);
    assert.deepEqual(filesIn('unlisted'), before);
    assert.equal(onDisk('unlisted/lesson.ipynb').toString('utf8'), THEIR_NOTEBOOK);
    assert.equal(existsSync(join(suite.server.rootDir, 'unlisted/lesson-1.ipynb')), false);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await page.getByRole('region', { name: 'Tutorial player: In a folder that cannot be listed' }).count(), 0);
  } finally {
    await restore();
  }
});

test('no page error comes from Notecast', () => {
  assert.deepEqual(notecastErrors(suite.lab), []);
});
