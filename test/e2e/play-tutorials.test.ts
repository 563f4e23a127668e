/**
 * Every tutorial in tutorials/ plays to the end in a real JupyterLab with a
 * real kernel, driven with the keyboard only (the Play button and the
 * notecast shortcuts), and leaves the notebook `notecast notebook` predicts,
 * with the outputs its `:::run` blocks expect. Nothing runs before consent.
 *
 * Fast settings (4×, whole blocks) keep the run short; typing keystroke by
 * keystroke is covered by take-over.test.ts.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from './jupyter-server.js';
import {
  SETTINGS_FILE,
  TUTORIAL_FILES,
  allowRunningCode,
  expectedNotebook,
  expectedOutputs,
  notebookCells,
  openTutorial,
  pressInPlayer,
  recordAnnouncements,
  spoken,
  status,
  continueToEnd
} from './notecast.js';
import { notecastErrors, useSuite } from './suite.js';

const TUTORIALS = readdirSync(join(REPO_ROOT, 'tutorials'))
  .filter(name => name.endsWith('.md'))
  .sort()
  .map(name => `tutorials/${name}`);

/** The notebook's own setting that its cell executor honours (and `CodeCell.execute` alone does not). */
const NOTEBOOK_SETTINGS_FILE = '@jupyterlab/notebook-extension/tracker.jupyterlab-settings';

const suite = useSuite({
  server: {
    copy: TUTORIAL_FILES,
    userSettings: { [SETTINGS_FILE]: { speed: 4, reducedMotion: 'on' }, [NOTEBOOK_SETTINGS_FILE]: { recordTiming: true } }
  },
  lab: { beforeLoad: recordAnnouncements }
});

function titleOf(tutorial: string): string {
  return /^title:\s*(.+)$/m.exec(readFileSync(join(REPO_ROOT, tutorial), 'utf8'))![1].trim();
}

test('the announcer exists, empty, with a polite and an assertive region', async () => {
  const announcer = await suite.lab.page.evaluate(() => {
    const node = document.getElementById('notecast-announcer');
    if (!node) return undefined;
    const style = getComputedStyle(node);
    return {
      parentIsBody: node.parentElement === document.body,
      display: style.display,
      live: [...node.querySelectorAll('[aria-live]')].map(region => region.getAttribute('aria-live'))
    };
  });
  assert.ok(announcer, 'no #notecast-announcer');
  assert.equal(announcer.parentIsBody, true);
  assert.notEqual(announcer.display, 'none');
  assert.deepEqual(announcer.live.sort(), ['assertive', 'polite']);
});

test('without jupyter-collaboration the classroom is absent: no Broadcast button, no classroom commands shown', { timeout: 90_000 }, async () => {
  const { page } = suite.lab;
  const tutorial = TUTORIALS[0];
  const player = await openTutorial(page, tutorial, titleOf(tutorial));
  const toolbar = player.getByRole('toolbar', { name: 'Tutorial player' });
  await toolbar.getByRole('button', { name: /^(Play|Pause)$/ }).waitFor();
  // The plugin runs (its commands exist, so their ids stay stable) but offers nothing.
  const commands = await page.evaluate(() => {
    const app = window.jupyterapp as unknown as { commands: { hasCommand(id: string): boolean; isVisible(id: string): boolean } };
    return ['notecast:broadcast', 'notecast:follow', 'notecast:make-my-copy', 'notecast:stop-following'].map(id => [
      id,
      app.commands.hasCommand(id),
      app.commands.isVisible(id)
    ]);
  });
  assert.deepEqual(
    commands,
    ['notecast:broadcast', 'notecast:follow', 'notecast:make-my-copy', 'notecast:stop-following'].map(id => [id, true, false])
  );
  assert.equal(await toolbar.getByRole('button', { name: 'Broadcast' }).count(), 0);
  assert.equal(await toolbar.locator('[data-command="notecast:broadcast"]').count(), 1, 'the button is there, hidden');
});

test('no code runs before the learner agrees: declining the consent dialog plays nothing', { timeout: 90_000 }, async () => {
  const { page } = suite.lab;
  const tutorial = TUTORIALS[0];
  const player = await openTutorial(page, tutorial, titleOf(tutorial));
  assert.match(await status(player), /^Ready/);
  await pressInPlayer(player, 'Enter');
  const decline = page.getByRole('button', { name: "Don't run code" });
  await decline.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Escape');
  await decline.waitFor({ state: 'detached' });
  await page.waitForTimeout(1000);
  assert.match(await status(player), /^Ready/);
  const cells = await notebookCells(page, tutorial.replace(/\.md$/, '.ipynb'));
  assert.ok(
    cells.every(cell => cell.executionCount === null && cell.output === ''),
    'a cell ran without consent'
  );
  assert.ok((await spoken(page)).some(entry => /needs your permission/.test(entry.text)));
});

for (const tutorial of TUTORIALS) {
  test(`${tutorial} plays to the end with the keyboard, leaving the expected cells and outputs`, { timeout: 240_000 }, async () => {
    const { page } = suite.lab;
    const title = titleOf(tutorial);
    const player = await openTutorial(page, tutorial, title);
    const notebookPath = tutorial.replace(/\.md$/, '.ipynb');
    await pressInPlayer(player, 'Alt+Shift+P');
    if (
      await page
        .getByRole('button', { name: 'Allow running code' })
        .isVisible()
        .catch(() => false)
    ) {
      await allowRunningCode(page);
    } else {
      await page
        .getByRole('button', { name: 'Allow running code' })
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(() => allowRunningCode(page))
        .catch(() => undefined);
    }
    // The tutorial waits for the learner at each pause: continue with the shortcut.
    await continueToEnd(player);
    const cells = await notebookCells(page, notebookPath);
    assert.deepEqual(
      cells.map(({ id, type, source }) => ({ id, type, source })),
      expectedNotebook(tutorial)
    );
    for (const [cell, expected] of expectedOutputs(tutorial)) {
      const actual = cells.find(c => c.id === cell);
      assert.ok(actual, `cell ${cell} is missing`);
      assert.equal(actual.output.trim(), expected.trim(), `the output of cell ${cell}`);
    }
    assert.ok(
      cells.filter(c => c.type === 'code').some(c => c.executionCount !== null),
      'no cell ran in the kernel'
    );
    // The cells ran through JupyterLab's cell executor, as "Run cell" runs them: with Record
    // timing on, it writes each run's times into the cell's metadata.
    const timed = await page.evaluate(path => {
      type SharedCell = { cell_type: string; getMetadata(key: string): unknown; toJSON(): { execution_count?: number | null } };
      type AnyWidget = { context?: { path: string }; content?: { model?: { sharedModel: { cells: SharedCell[] } } } };
      const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<AnyWidget> } };
      for (const widget of app.shell.widgets('main')) {
        if (widget.context?.path === path && widget.content?.model) {
          return widget.content.model.sharedModel.cells
            .filter(cell => cell.cell_type === 'code' && cell.toJSON().execution_count != null)
            .map(cell => Boolean((cell.getMetadata('execution') as Record<string, string> | undefined)?.['iopub.status.idle']));
        }
      }
      return [];
    }, notebookPath);
    assert.ok(timed.length > 0 && timed.every(Boolean), `every cell the player ran has its execution times: ${JSON.stringify(timed)}`);
    const heard = (await spoken(page)).map(entry => entry.text);
    assert.ok(
      heard.some(text => text === 'Tutorial finished.'),
      'the end was not announced'
    );
    assert.ok(
      heard.some(text => /^Cell \d+ ran/.test(text)),
      'no kernel result was announced'
    );
  });
}

test('no page error comes from Notecast', () => {
  assert.deepEqual(notecastErrors(suite.lab), []);
});
