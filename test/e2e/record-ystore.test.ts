/**
 * `notecast record --from-ystore` on the history a real jupyter-collaboration
 * server kept: a JupyterLab with collaboration (its own venv, .venv-rtc), a
 * notebook typed and run through the UI and saved; the command turns the
 * server's `.jupyter_ystore.db` into a tutorial that `notecast check` accepts
 * and whose playback ends in that notebook. Bad inputs get a clear message,
 * exit 1, and the database is never written.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, RTC_JUPYTER } from './jupyter-server.js';
import { execute } from './notecast.js';
import { useSuite } from './suite.js';

const NOTEBOOK = JSON.stringify({
  cells: [{ cell_type: 'code', id: 'first', metadata: {}, source: '', outputs: [], execution_count: null }],
  metadata: { kernelspec: { name: 'python3', display_name: 'Python 3 (ipykernel)', language: 'python' }, language_info: { name: 'python' } },
  nbformat: 4,
  nbformat_minor: 5
});

const suite = useSuite({ server: { jupyter: RTC_JUPYTER, files: { 'lesson.ipynb': NOTEBOOK } } });

function notecast(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [join(REPO_ROOT, 'bin/notecast.js'), ...args], { encoding: 'utf8', cwd: suite.server.rootDir });
}

function cellsOf(notebookJson: string): Array<{ type: string; source: string }> {
  const notebook = JSON.parse(notebookJson) as { cells: Array<{ cell_type: string; source: string | string[] }> };
  return notebook.cells.map(cell => ({ type: cell.cell_type, source: Array.isArray(cell.source) ? cell.source.join('') : cell.source }));
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('a notebook edited and run with collaboration on is written from the YStore as a tutorial that replays to it', { timeout: 180_000 }, async () => {
  const { page } = suite.lab;
  assert.ok(
    await page.evaluate(() =>
      (window.jupyterapp as unknown as { hasPlugin(id: string): boolean }).hasPlugin('@jupyter/docprovider-extension:content-provider')
    ),
    'the server runs with jupyter-collaboration'
  );
  await execute(page, 'docmanager:open', { path: 'lesson.ipynb' });
  const notebook = page.locator('.jp-NotebookPanel').first();
  await notebook.locator('.jp-Notebook').waitFor({ state: 'visible' });
  await page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').first().waitFor({ timeout: 60_000 });
  await notebook.locator('.jp-Cell').first().locator('.cm-content').click();
  await page.keyboard.type('x = 6 * 7\nprint(x)', { delay: 30 });
  await page.keyboard.press('Shift+Enter');
  await notebook.locator('.jp-OutputArea-output', { hasText: '42' }).waitFor({ timeout: 30_000 });
  await page.keyboard.type('y = x + 1\nprint("y is", y)', { delay: 30 });
  await page.keyboard.press('Shift+Enter');
  await notebook.locator('.jp-OutputArea-output', { hasText: 'y is 43' }).waitFor({ timeout: 30_000 });
  await execute(page, 'docmanager:save');

  const db = join(suite.server.rootDir, '.jupyter_ystore.db');
  const saved = join(suite.server.rootDir, 'lesson.ipynb');
  // The store and the file are written a moment after the edits; the command refuses a
  // database while its journal says a write is under way, so it is run until it reads one.
  let run = notecast('record', '--from-ystore', db, '--path', 'lesson.ipynb', '-o', 'lesson-history.md');
  for (let tries = 0; tries < 40; tries++) {
    const tutorial = join(suite.server.rootDir, 'lesson-history.md');
    const wanted = cellsOf(readFileSync(saved, 'utf8'));
    if (run.status === 0 && existsSync(tutorial)) {
      const played = notecast('notebook', 'lesson-history.md');
      if (played.status === 0 && JSON.stringify(cellsOf(played.stdout)) === JSON.stringify(wanted) && wanted.length >= 3) {
        break;
      }
    }
    await page.waitForTimeout(500);
    run = notecast('record', '--from-ystore', db, '--path', 'lesson.ipynb', '-o', 'lesson-history.md');
  }
  assert.equal(run.status, 0, `notecast record: ${run.stderr}`);
  const markdown = readFileSync(join(suite.server.rootDir, 'lesson-history.md'), 'utf8');
  assert.match(markdown, /^title: "lesson"$/m);
  assert.match(markdown, /print\(x\)/);
  const check = notecast('check', 'lesson-history.md');
  assert.equal(check.status, 0, `notecast check: ${check.stdout}${check.stderr}\n${markdown}`);
  const played = notecast('notebook', 'lesson-history.md');
  assert.equal(played.status, 0, played.stderr);
  const wanted = cellsOf(readFileSync(saved, 'utf8'));
  assert.deepEqual(wanted.slice(0, 2), [
    { type: 'code', source: 'x = 6 * 7\nprint(x)' },
    { type: 'code', source: 'y = x + 1\nprint("y is", y)' }
  ]);
  assert.deepEqual(cellsOf(played.stdout), wanted, `the tutorial replays to the saved notebook:\n${markdown}`);
  // What the author saw is the expected output of each run.
  assert.match(markdown, /:::run\{cell=cell-\d+\}\n```text\n42\n```\n:::/);
  assert.match(markdown, /```text\ny is 43\n```/);
});

test('bad inputs: a clear message, exit 1, and the database is never written', () => {
  const db = join(suite.server.rootDir, '.jupyter_ystore.db');
  const before = digest(db);
  const notAStore = join(suite.server.rootDir, 'notes.txt');
  writeFileSync(notAStore, 'not a database');
  const cases: Array<[string[], RegExp]> = [
    [['--from-ystore', notAStore, '--path', 'lesson.ipynb'], /notes\.txt: error: not a YStore: it is not an SQLite database/],
    [
      ['--from-ystore', join(suite.server.rootDir, 'missing.db'), '--path', 'lesson.ipynb'],
      /missing\.db: error: cannot read the YStore: .*(no such file|not exist)/i
    ],
    [['--from-ystore', suite.server.rootDir, '--path', 'lesson.ipynb'], /error: cannot read the YStore: it is a directory/],
    [
      ['--from-ystore', db, '--path', 'never-opened.ipynb'],
      /error: no history of never-opened\.ipynb in this YStore \(it has the history of lesson\.ipynb\)/
    ]
  ];
  for (const [args, message] of cases) {
    const run = notecast('record', ...args);
    assert.equal(run.status, 1, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.equal(run.stdout, '', 'nothing written to stdout');
  }
  const usage = notecast('record', '--from-ystore', db);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /record needs --from-ystore and --path/);
  const badTime = notecast('record', '--from-ystore', db, '--path', 'lesson.ipynb', '--since', 'yesterday');
  assert.equal(badTime.status, 2);
  assert.match(badTime.stderr, /--since "yesterday" is not a time/);
  // A journal beside the database: a write under way.
  writeFileSync(`${notAStore}-journal`, '');
  const locked = notecast('record', '--from-ystore', notAStore, '--path', 'lesson.ipynb');
  assert.equal(locked.status, 1);
  assert.match(locked.stderr, /the database is being written \(.*notes\.txt-journal is there\)/);
  // -o naming the store itself, directly or through a symlink: refused before anything is read.
  const link = join(suite.server.rootDir, 'store-link.db');
  symlinkSync(db, link);
  for (const output of [db, link]) {
    const over = notecast('record', '--from-ystore', db, '--path', 'lesson.ipynb', '-o', output);
    assert.equal(over.status, 2, over.stderr);
    assert.match(over.stderr, /is the same file as the input of --from-ystore .*choose another -o path/);
  }
  assert.equal(digest(db), before, 'the YStore was never written');
});
