/**
 * The classroom over real-time collaboration: a JupyterLab with
 * jupyter-collaboration (its own venv, .venv-rtc) and three browser contexts,
 * each its own anonymous user of the server (a cookie per context). The
 * teacher broadcasts a tutorial and plays it to the end with a real kernel;
 * one learner follows from the start, another joins at step 3; the first
 * makes their own copy there, edits and runs it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { formatViolations, scan } from '../a11y/helpers/axe.js';
import type { LabPage } from './browser.js';
import { CLASS_SERVER_CONFIG, RTC_JUPYTER } from './jupyter-server.js';
import {
  SETTINGS_FILE,
  TUTORIAL_FILES,
  allowRunningCode,
  execute,
  notebookCells,
  openTutorial,
  pressInPlayer,
  recordAnnouncements,
  spoken,
  status,
  waitForSpoken,
  waitForStatus,
  type CellSnapshot
} from './notecast.js';
import { notecastErrors, useSuite } from './suite.js';

const TUTORIAL = 'tutorials/01-python-basics.md';
const NOTEBOOK = 'tutorials/01-python-basics.ipynb';
const TITLE = 'Python basics';
const STEPS = ['Welcome', 'Names and values', 'Numbers', 'Lists', 'Loops', 'What you learned'];

// Step mode: the teacher stops after each step, so a learner can join at a known one. The server
// is set up as the README tells a class to, so the class runs with those settings.
const suite = useSuite({
  server: {
    jupyter: RTC_JUPYTER,
    serverConfig: CLASS_SERVER_CONFIG,
    copy: TUTORIAL_FILES,
    userSettings: { [SETTINGS_FILE]: { speed: 4, reducedMotion: 'on', stepMode: true } }
  },
  lab: { beforeLoad: recordAnnouncements }
});

let early: LabPage;
let late: LabPage;
let teacherName = '';

/** The name the server gave this page's user: what the follower panel calls the teacher. */
function userName(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const app = window.jupyterapp as unknown as {
      serviceManager: { user: { ready: Promise<void>; identity: { display_name: string; username: string } } };
    };
    await app.serviceManager.user.ready;
    return app.serviceManager.user.identity.display_name;
  });
}

function follower(page: Page) {
  return page.getByRole('region', { name: `Following ${teacherName}'s tutorial ${TITLE}`, exact: true });
}

async function openSharedNotebook(page: Page): Promise<void> {
  await execute(page, 'docmanager:open', { path: NOTEBOOK });
  await page.locator('.jp-NotebookPanel').first().waitFor({ state: 'visible', timeout: 60_000 });
}

/** Plays the teacher's next step (step mode) and waits for where it stops. */
async function teacherStep(): Promise<string> {
  const player = suite.lab.page.getByRole('region', { name: `Tutorial player: ${TITLE}`, exact: true });
  const before = await status(player);
  await pressInPlayer(player, 'Enter');
  // A short step at 4× may be over before a look at the status catches it playing.
  const deadline = Date.now() + 120_000;
  for (;;) {
    const now = await status(player);
    if (now !== before && /^(Paused|Your turn|Ended)/.test(now)) return now;
    assert.ok(Date.now() < deadline, `the teacher's player stayed at "${before}"`);
    await player.page().waitForTimeout(100);
  }
}

function stepSentence(index: number): RegExp {
  return new RegExp(`^Step ${index + 1} of ${STEPS.length}: ${STEPS[index]}\\.`);
}

function sameCells(actual: CellSnapshot[], expected: CellSnapshot[], who: string): void {
  assert.deepEqual(
    actual.map(cell => [cell.id, cell.type, cell.source, cell.output]),
    expected.map(cell => [cell.id, cell.type, cell.source, cell.output]),
    `${who}'s notebook differs from the teacher's`
  );
}

test('with collaboration, the player has a Broadcast toggle, and the teacher turns it on', { timeout: 120_000 }, async () => {
  const { page } = suite.lab;
  teacherName = await userName(page);
  assert.ok(teacherName, 'the server gave the teacher a name');
  const player = await openTutorial(page, TUTORIAL, TITLE);
  const broadcast = player.getByRole('toolbar', { name: 'Tutorial player' }).getByRole('button', { name: 'Broadcast' });
  await broadcast.waitFor({ state: 'visible' });
  assert.equal(await broadcast.getAttribute('aria-pressed'), 'false');
  await broadcast.click();
  await waitForSpoken(page, /^Broadcasting\. Everyone who opens 01-python-basics\.ipynb can follow/);
  assert.equal(await broadcast.getAttribute('aria-pressed'), 'true');
});

test(
  'a learner who opens the notebook is offered to follow, and the follower panel names the teacher and the tutorial',
  { timeout: 120_000 },
  async () => {
    early = await suite.openLab({ beforeLoad: recordAnnouncements });
    assert.notEqual(await userName(early.page), teacherName, 'each context is its own user');
    await openSharedNotebook(early.page);
    const offer = await waitForSpoken(early.page, new RegExp(`^${teacherName} is broadcasting the tutorial ${TITLE} in 01-python-basics\\.ipynb\\.`));
    assert.match(offer, /Choose Follow in the notification/);
    await early.page.getByRole('button', { name: 'Follow', exact: true }).click();
    const panel = follower(early.page);
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await panel.locator('.jp-NotecastPlayer-status').textContent()) ?? '', /^Step 1 of 6: Welcome\. The teacher paused\./);
    await waitForSpoken(early.page, stepSentence(0));
    // The panel passes the player's strict accessibility scan (docs/explanation/accessibility.md), as the player does.
    assert.equal(formatViolations(await scan(early.page, { include: '.jp-NotecastFollower', scope: 'player' })), 'no violations');
  }
);

test('the teacher plays; a learner who joins at step 3 is told step 3, and one makes their own copy there', { timeout: 300_000 }, async () => {
  const { page } = suite.lab;
  await pressInPlayer(page.getByRole('region', { name: `Tutorial player: ${TITLE}`, exact: true }), 'Enter');
  await allowRunningCode(page);
  const player = page.getByRole('region', { name: `Tutorial player: ${TITLE}`, exact: true });
  await waitForStatus(player, /^(Paused|Your turn|Ended)/, 120_000);
  let now = await status(player);
  while (!/Step 3 of 6/.test(now)) {
    now = await teacherStep();
  }

  late = await suite.openLab({ beforeLoad: recordAnnouncements });
  await openSharedNotebook(late.page);
  await execute(late.page, 'notecast:follow');
  await follower(late.page).waitFor({ state: 'visible', timeout: 30_000 });
  const told = await waitForSpoken(late.page, /^Step \d+ of 6/);
  assert.match(told, stepSentence(2), 'a learner who joins late is told the current step first');

  // Opening the tutorial itself does not start a second player in the broadcast notebook.
  const teacherCells = await notebookCells(page, NOTEBOOK);
  await execute(late.page, 'notecast:open', { path: TUTORIAL });
  await waitForSpoken(
    late.page,
    new RegExp(
      `^${teacherName} is broadcasting a tutorial in 01-python-basics\\.ipynb, which everyone who has it open shares, so the player does not play there`
    )
  );
  assert.equal(await late.page.getByRole('region', { name: `Tutorial player: ${TITLE}`, exact: true }).count(), 0);
  sameCells(await notebookCells(page, NOTEBOOK), teacherCells, 'after the late learner opened the tutorial, the teacher');

  // The early learner's copy, at step 3: their own file, next to the shared one, their own player.
  const before = await notebookCells(page, NOTEBOOK);
  await follower(early.page).getByRole('button', { name: 'Make my copy' }).click();
  const saved = await waitForSpoken(early.page, /^Your copy (\S+\.ipynb) is saved\. It opens with the tutorial at step 3/);
  const copyName = /^Your copy (\S+\.ipynb)/.exec(saved)![1];
  // An anonymous user's name on a server without accounts ("Anonymous Io"): their user name is a random id.
  const name = await early.page.evaluate(
    () => (window.jupyterapp as unknown as { serviceManager: { user: { identity: { name: string } } } }).serviceManager.user.identity.name
  );
  assert.equal(copyName, `01-python-basics-${name.replace(/ /g, '-')}.ipynb`);
  const own = early.page.getByRole('region', { name: `Tutorial player: ${TITLE}`, exact: true });
  await own.waitFor({ state: 'visible', timeout: 60_000 });
  assert.match(await waitForStatus(own, /Step 3 of 6/, 30_000), /Step 3 of 6: Numbers/);
  const copied = await notebookCells(early.page, `tutorials/${copyName}`);
  assert.deepEqual(
    copied.map(cell => cell.source),
    before.map(cell => cell.source),
    "the copy holds the teacher's cells at step 3"
  );
  // Consent is asked again: the copy's kernel is the learner's own.
  await own.getByRole('button', { name: 'Run cells up to here' }).click();
  await allowRunningCode(early.page);
  await waitForSpoken(early.page, /^Ran cell 1\. The kernel is ready for this step\./, 60_000);

  // The learner edits and runs their copy; nothing reaches the teacher.
  await early.page.evaluate(path => {
    type Panel = {
      context: { path: string };
      content: { model: { sharedModel: { insertCell(i: number, c: object): unknown; cells: unknown[] } }; activeCellIndex: number };
    };
    const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<Partial<Panel>> } };
    for (const widget of app.shell.widgets('main')) {
      if (widget.context?.path === path && widget.content) {
        const model = widget.content.model.sharedModel;
        model.insertCell(model.cells.length, { cell_type: 'code', source: 'only_in_my_copy = 6 * 7\nprint(only_in_my_copy)' });
        widget.content.activeCellIndex = model.cells.length - 1;
      }
    }
  }, `tutorials/${copyName}`);
  await execute(early.page, 'notebook:run-cell');
  const deadline = Date.now() + 60_000;
  while (!(await notebookCells(early.page, `tutorials/${copyName}`)).some(cell => cell.output === '42\n')) {
    assert.ok(Date.now() < deadline, 'the edited copy ran in its own kernel');
    await early.page.waitForTimeout(200);
  }
  sameCells(await notebookCells(page, NOTEBOOK), before, 'after the copy ran, the teacher');
  const sessions = (await (await fetch(`${suite.server.url}/api/sessions`)).json()) as Array<{ path: string; kernel: { id: string } }>;
  const kernelOf = (path: string) => sessions.find(session => session.path === path)?.kernel.id;
  assert.ok(kernelOf(NOTEBOOK) && kernelOf(`tutorials/${copyName}`), JSON.stringify(sessions));
  assert.notEqual(kernelOf(`tutorials/${copyName}`), kernelOf(NOTEBOOK), 'the copy has its own kernel');
});

test('the teacher plays to the end: every follower has the cells and outputs, and heard every step', { timeout: 300_000 }, async () => {
  const { page } = suite.lab;
  for (let guard = 0; guard < 20 && !/^Ended/.test(await status(page.getByRole('region', { name: `Tutorial player: ${TITLE}`, exact: true }))); guard++) {
    await teacherStep();
  }
  const teacher = await notebookCells(page, NOTEBOOK);
  assert.ok(
    teacher.some(cell => cell.output !== ''),
    'the teacher ran cells'
  );
  for (const [who, lab] of [
    ['the early learner', early],
    ['the late learner', late]
  ] as const) {
    const deadline = Date.now() + 30_000;
    let cells = await notebookCells(lab.page, NOTEBOOK);
    while (JSON.stringify(cells.map(c => [c.source, c.output])) !== JSON.stringify(teacher.map(c => [c.source, c.output])) && Date.now() < deadline) {
      await lab.page.waitForTimeout(200);
      cells = await notebookCells(lab.page, NOTEBOOK);
    }
    sameCells(cells, teacher, who);
    await waitForSpoken(lab.page, /^Tutorial finished\.$/);
  }
  const heardEarly = (await spoken(early.page)).map(entry => entry.text);
  STEPS.forEach((_, index) =>
    assert.ok(
      heardEarly.some(text => stepSentence(index).test(text)),
      `the early learner heard step ${index + 1}`
    )
  );
  const heardLate = (await spoken(late.page)).map(entry => entry.text);
  STEPS.slice(2).forEach((_, offset) =>
    assert.ok(
      heardLate.some(text => stepSentence(offset + 2).test(text)),
      `the late learner heard step ${offset + 3}`
    )
  );
  assert.ok(!heardLate.some(text => stepSentence(0).test(text) || stepSentence(1).test(text)), 'nothing before the step the late learner joined at');
});

test(
  "a follower's edit in the shared notebook stays in their tab (the server keeps the room read-only) and is said so; turning the broadcast off is told to followers",
  { timeout: 120_000 },
  async () => {
    const panel = follower(late.page);
    type Panel = { context: { path: string }; content: { model: { sharedModel: { cells: Array<{ setSource(s: string): void; getSource(): string }> } } } };
    /** The sources of the shared notebook's cells, as the tab on `page` holds them. */
    const sources = (page: Page) =>
      page.evaluate(path => {
        const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<Partial<Panel>> } };
        for (const widget of app.shell.widgets('main')) {
          if (widget.context?.path === path && widget.content) return widget.content.model.sharedModel.cells.map(cell => cell.getSource());
        }
        return undefined;
      }, NOTEBOOK);
    const teacherBefore = await sources(suite.lab.page);
    assert.ok(teacherBefore && teacherBefore.length > 1, "the teacher's notebook has no second cell to edit");
    await late.page.evaluate(path => {
      const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<Partial<Panel>> } };
      for (const widget of app.shell.widgets('main')) {
        if (widget.context?.path === path && widget.content) {
          const cell = widget.content.model.sharedModel.cells[1];
          cell.setSource(`${cell.getSource()}\n# a learner's note`);
        }
      }
    }, NOTEBOOK);
    await waitForSpoken(late.page, new RegExp(`^This notebook is read-only while ${teacherName} broadcasts: what you type here stays in this tab`));
    assert.match((await panel.locator('.jp-NotecastPlayer-notice').textContent()) ?? '', /Press Make my copy/);
    // The learner's tab has the note; the teacher's notebook and the other follower's do not.
    assert.match((await sources(late.page))?.[1] ?? '', /# a learner's note$/);
    // An absence has no event to wait for: give the room the time a relayed edit takes (milliseconds here).
    await new Promise(resolve => setTimeout(resolve, 1_000));
    for (const [who, page] of [
      ['the teacher', suite.lab.page],
      ['the other follower', early.page]
    ] as const) {
      const seen = await sources(page);
      assert.ok(!seen?.some(source => source.includes("# a learner's note")), `the learner's edit reached ${who}`);
    }

    const broadcast = suite.lab.page.getByRole('button', { name: 'Broadcast' });
    await broadcast.click();
    assert.equal(await broadcast.getAttribute('aria-pressed'), 'false');
    await waitForSpoken(early.page, new RegExp(`^${teacherName} stopped broadcasting\\.`));
    await panel.getByText('The broadcast has ended.').waitFor({ timeout: 15_000 });
    for (const lab of [suite.lab, early, late]) {
      assert.deepEqual(notecastErrors(lab), []);
    }
  }
);
