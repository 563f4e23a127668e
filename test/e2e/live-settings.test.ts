/**
 * Settings changed in JupyterLab's settings registry while a player is open
 * apply to it at once, without reloading the page: speed (the control shows it
 * and typing runs at it), step mode (playback stops after the step), reduced
 * motion (code arrives as one block instead of keystrokes) and narration
 * verbosity (brief: a step is announced by its title only).
 *
 * What the player typed is read from the notebook's shared model: every
 * insert into a cell's source, with its length and time, recorded in the page.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from './jupyter-server.js';
import {
  SETTINGS_FILE,
  SETTINGS_PLUGIN,
  TUTORIAL_FILES,
  allowRunningCode,
  expectedNotebook,
  notebookCells,
  openTutorial,
  pressInPlayer,
  recordAnnouncements,
  setSetting,
  spoken,
  status,
  waitForStatus
} from './notecast.js';
import { notecastErrors, useSuite } from './suite.js';

const BASICS = 'tutorials/01-python-basics.md';
const BASICS_NOTEBOOK = 'tutorials/01-python-basics.ipynb';

const suite = useSuite({
  server: {
    copy: TUTORIAL_FILES,
    // Where every test here starts from: 1×, keystrokes, continuous.
    userSettings: { [SETTINGS_FILE]: { speed: 1, reducedMotion: 'off', stepMode: false } }
  },
  lab: { beforeLoad: recordAnnouncements }
});

interface Insert {
  length: number;
  at: number;
}

/** Changes a Notecast setting in the settings registry, as the Settings Editor does. */
function setNotecastSetting(page: Page, key: string, value: unknown): Promise<void> {
  return setSetting(page, SETTINGS_PLUGIN, key, value);
}

/** Records every insert into every cell's source of the notebook at `path`, from now on. */
async function recordInserts(page: Page, path: string): Promise<void> {
  await page.evaluate(notebookPath => {
    type Cell = { id: string; changed: { connect(fn: (cell: Cell, change: { sourceChange?: Array<{ insert?: string }> }) => void): void } };
    type Notebook = { cells: Cell[]; changed: { connect(fn: (notebook: Notebook, change: { cellsChange?: Array<{ insert?: Cell[] }> }) => void): void } };
    const app = window.jupyterapp as unknown as {
      shell: { widgets(area: string): Iterable<{ context?: { path: string }; content?: { model?: { sharedModel: Notebook } } }> };
    };
    const log: Record<string, Array<{ length: number; at: number }>> = {};
    (window as unknown as { __notecastInserts: typeof log }).__notecastInserts = log;
    const watch = (cell: Cell): void =>
      cell.changed.connect((changed, change) => {
        for (const delta of change.sourceChange ?? []) {
          if (typeof delta.insert === 'string') (log[changed.id] ??= []).push({ length: delta.insert.length, at: performance.now() });
        }
      });
    for (const widget of app.shell.widgets('main')) {
      const model = widget.context?.path === notebookPath ? widget.content?.model?.sharedModel : undefined;
      if (model) {
        model.cells.forEach(watch);
        model.changed.connect((_, change) => {
          for (const delta of change.cellsChange ?? []) delta.insert?.forEach(watch);
        });
        return;
      }
    }
    throw new Error(`no open notebook at ${notebookPath}`);
  }, path);
}

async function insertsInto(page: Page, cellId: string): Promise<Insert[]> {
  return page.evaluate(id => [...((window as unknown as { __notecastInserts: Record<string, Insert[]> }).__notecastInserts[id] ?? [])], cellId);
}

async function waitForSource(page: Page, cellId: string, source: string, timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: string | undefined;
  while (Date.now() < deadline) {
    last = (await notebookCells(page, BASICS_NOTEBOOK)).find(cell => cell.id === cellId)?.source;
    if (last === source) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`cell ${cellId} never held its tutorial source; last: ${JSON.stringify(last)}`);
}

/** The tutorial's typing time for `cellId` at 1×, from the compiled script. */
function typingDuration(tutorial: string, cellId: string): number {
  const script = JSON.parse(
    execFileSync(process.execPath, [join(REPO_ROOT, 'bin/notecast.js'), 'compile', join(REPO_ROOT, tutorial)], { encoding: 'utf8' })
  ) as { steps: Array<{ operations: Array<{ op: string; cell?: string; duration?: number }> }> };
  const typing = script.steps.flatMap(step => step.operations).find(op => op.op === 'type' && op.cell === cellId);
  assert.ok(typing?.duration, `no typing into ${cellId} in ${tutorial}`);
  return typing.duration;
}

function sourceOf(cellId: string): string {
  return expectedNotebook(BASICS).find(cell => cell.id === cellId)!.source;
}

function speedControl(player: Locator): Locator {
  return player.getByRole('combobox', { name: 'Speed' });
}

function stepModeControl(player: Locator): Locator {
  return player.getByRole('checkbox', { name: 'Stop after each step' });
}

async function waitForValue(read: () => Promise<unknown>, expected: unknown, what: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < deadline) {
    last = await read();
    if (last === expected) return;
    await new Promise(done => setTimeout(done, 50));
  }
  throw new Error(`${what} never became ${JSON.stringify(expected)}; last: ${JSON.stringify(last)}`);
}

let player: Locator;

test('a new speed in the settings shows in the open player and typing runs at it', { timeout: 120_000 }, async () => {
  const { page } = suite.lab;
  player = await openTutorial(page, BASICS, 'Python basics');
  // Set on this page's window: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { __notecastNoReload: boolean }).__notecastNoReload = true));
  await recordInserts(page, BASICS_NOTEBOOK);
  assert.equal(await speedControl(player).inputValue(), '1');

  await setNotecastSetting(page, 'speed', 4);
  await waitForValue(() => speedControl(player).inputValue(), '4', 'the Speed control');

  await pressInPlayer(player, 'Alt+Shift+P');
  await allowRunningCode(page);
  const source = sourceOf('hello');
  await waitForSource(page, 'hello', source);
  const inserts = await insertsInto(page, 'hello');
  // Keystrokes (reduced motion is off), so the time they took is the typing speed. Keystrokes
  // due within one frame of each other arrive in one edit, so a few may come together, and after
  // the browser stalls (a busy machine) the player catches up in one larger edit: most edits
  // are still one keystroke or a few.
  const small = inserts.filter(insert => insert.length <= 4).length;
  assert.ok(
    inserts.reduce((total, insert) => total + insert.length, 0) === source.length && inserts.length > source.length / 3 && small >= inserts.length * 0.8,
    `not typed keystroke by keystroke: ${JSON.stringify(inserts.map(i => i.length))}`
  );
  const took = inserts[inserts.length - 1].at - inserts[0].at;
  const atOne = typingDuration(BASICS, 'hello');
  // 4× types it in a quarter of the time 1× takes; half is a wide margin for a busy machine.
  assert.ok(took < atOne / 2, `typing took ${Math.round(took)} ms, 1× takes ${atOne} ms: not faster`);
});

test('step mode turned on in the settings makes the open player stop after the step', { timeout: 120_000 }, async () => {
  const { page } = suite.lab;
  await pressInPlayer(player, 'Alt+Shift+P');
  const paused = await waitForStatus(player, /^Paused · Step \d of 6/, 10_000);
  const step = Number(/Step (\d) of 6/.exec(paused)![1]);
  assert.equal(await stepModeControl(player).isChecked(), false);

  await setNotecastSetting(page, 'stepMode', true);
  await waitForValue(() => stepModeControl(player).isChecked(), true, 'Stop after each step');

  await pressInPlayer(player, 'Alt+Shift+P');
  await waitForStatus(player, new RegExp(`^Paused · Step ${step + 1} of 6`), 90_000);
  // Stopped at the start of the next step: the cell it adds (the notebook's cell `step`) is not there yet.
  const next = expectedNotebook(BASICS)[step - 1];
  assert.ok(next, `step ${step + 1} adds no cell`);
  const cells = await notebookCells(page, BASICS_NOTEBOOK);
  assert.ok(!cells.some(cell => cell.id === next.id), `step ${step + 1} started: cell ${next.id} is there`);
});

test('reduced motion turned on in the settings makes the open player insert whole blocks', { timeout: 120_000 }, async () => {
  const { page } = suite.lab;
  const paused = await status(player);
  const step = Number(/Step (\d) of 6/.exec(paused)![1]);
  // Paused at the start of step `step` (1-based), which adds the notebook's cell `step - 1` (1-based).
  const cell = expectedNotebook(BASICS)[step - 2];
  await setNotecastSetting(page, 'reducedMotion', 'on');
  // Nothing in the player shows reduced motion; changes arrive in order, so once the speed
  // set after it shows, reduced motion has arrived too.
  await setNotecastSetting(page, 'speed', 3);
  await waitForValue(() => speedControl(player).inputValue(), '3', 'the Speed control');

  await pressInPlayer(player, 'Alt+Shift+P');
  await waitForSource(page, cell.id, cell.source);
  const inserts = await insertsInto(page, cell.id);
  assert.deepEqual(
    inserts.map(insert => insert.length),
    [cell.source.length],
    `cell ${cell.id} was not inserted as one block`
  );
  // Step mode still holds: the player stops after this step too (a step that waits for the
  // learner first says "Your turn": Play goes on).
  const stopped = await waitForStatus(player, new RegExp(`^(Your turn|Paused · Step ${step + 1} of 6)`), 90_000);
  if (stopped.startsWith('Your turn')) {
    await pressInPlayer(player, 'Alt+Shift+P');
    await waitForStatus(player, new RegExp(`^Paused · Step ${step + 1} of 6`), 90_000);
  }
  assert.equal(await page.evaluate(() => (window as unknown as { __notecastNoReload?: boolean }).__notecastNoReload), true, 'the page reloaded');
});

test(
  'brief verbosity set in the settings makes the open player announce a step by its title only; full brings the narration back',
  { timeout: 120_000 },
  async () => {
    const { page } = suite.lab;
    // Each step's announcement, once the player is asked to play it (step mode stops after it).
    const announceNextStep = async (): Promise<string> => {
      const heard = (await spoken(page)).length;
      await pressInPlayer(player, 'Alt+Shift+P');
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const found = (await spoken(page)).slice(heard).find(entry => /^Step \d of 6: /.test(entry.text));
        if (found) {
          const step = Number(/^Step (\d)/.exec(found.text)![1]);
          // Played to its end: a step that waits for the learner says "Your turn" first, and Play goes on.
          while ((await waitForStatus(player, new RegExp(`^Your turn|· Step ${step + 1} of 6|Finished`), 90_000)).startsWith('Your turn')) {
            await pressInPlayer(player, 'Alt+Shift+P');
            await waitForStatus(player, /^(?!Your turn)/, 10_000);
          }
          return found.text;
        }
        await page.waitForTimeout(100);
      }
      throw new Error(
        `no step was announced; heard:\n${(await spoken(page))
          .slice(heard)
          .map(e => e.text)
          .join('\n')}`
      );
    };
    // Changes arrive in order: once the speed set after it shows, the verbosity has arrived too.
    await setNotecastSetting(page, 'verbosity', 'brief');
    await setNotecastSetting(page, 'speed', 2);
    await waitForValue(() => speedControl(player).inputValue(), '2', 'the Speed control');
    const brief = await announceNextStep();
    assert.match(brief, /^Step \d of 6: [^.]+\.$/, 'brief says more than the title');

    await setNotecastSetting(page, 'verbosity', 'full');
    await setNotecastSetting(page, 'speed', 3);
    await waitForValue(() => speedControl(player).inputValue(), '3', 'the Speed control');
    const full = await announceNextStep();
    assert.match(full, /^Step \d of 6: [^.]+\. \S/, 'full leaves out the narration');
  }
);

test('no page error comes from Notecast', () => {
  assert.deepEqual(notecastErrors(suite.lab), []);
});
