import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { YNotebook } from '@jupyter/ydoc';
import { playToNotebook } from '../../../src/apply/index.js';
import { compile } from '../../../src/compiler/index.js';
import type { NotebookState, Script } from '../../../src/format/index.js';
import { ManualClock } from '../../../src/player/index.js';
import { PlaybackSession, playToEnd, settle, type SessionFrontEnd } from '../../../src/session/index.js';
import { fromRoot } from '../../helpers/paths.js';

function tutorial(): Script {
  const { script } = compile(readFileSync(fromRoot('tutorials', '01-python-basics.md')));
  assert.ok(script);
  return script;
}

/** The first step that starts with cells in the notebook, and is not the end. */
function stepWithCells(session: PlaybackSession): number {
  const index = session.script.steps.findIndex((_, i) => session.keyframes.at(i).cells.length > 0);
  assert.ok(index > 0 && index < session.script.steps.length);
  return index;
}

function sources(notebook: YNotebook): string[] {
  return notebook.cells.map(cell => cell.getSource());
}

function open(script: Script, frontEnd: Partial<SessionFrontEnd> = {}) {
  const clock = new ManualClock();
  const notebook = YNotebook.create();
  const ran: string[] = [];
  const session = new PlaybackSession({
    script,
    notebook,
    clock,
    scheduler: clock,
    reducedMotion: true,
    frontEnd: {
      runCell: cellId => {
        ran.push(cellId);
        return Promise.resolve({ ok: true, outputLines: 1 });
      },
      ...frontEnd
    }
  });
  const close = () => {
    session.dispose();
    notebook.dispose();
  };
  return { clock, notebook, session, ran, close };
}

test('a playback session plays a tutorial to the end on a real notebook, running cells through its front end', async () => {
  const script = tutorial();
  const { clock, notebook, session, ran, close } = open(script);
  try {
    await playToEnd(session.player, clock);
    assert.equal(session.player.state, 'ended');
    assert.deepEqual(
      notebook.toJSON().cells.map(cell => cell.source),
      playToNotebook(script).cells.map(cell => cell.source)
    );
    const runs = script.steps.flatMap(step => step.operations).filter(op => op.op === 'run');
    assert.deepEqual(
      ran,
      runs.map(op => op.cell)
    );
    assert.equal(session.hasLearnerChanges(), false);
    const first = script.steps.flatMap(step => step.operations).find(op => op.op === 'insert-cell');
    assert.ok(first);
    assert.equal(session.cellNumber(first.cell), notebook.cells.findIndex(cell => cell.id === first.cell) + 1);
    assert.equal(session.cellNumber('no such cell'), undefined);
  } finally {
    close();
  }
});

test("seeking puts the notebook in the step's starting state, after the front end kept the learner's version", async () => {
  const script = tutorial();
  const kept: string[][] = [];
  const restored: Array<{ index: number; cells: number }> = [];
  const { notebook, session, close } = open(script, {
    beforeRestore: () => {
      if (session.hasLearnerChanges()) {
        kept.push(sources(notebook));
      }
      return true;
    },
    afterRestore: (index: number, state: NotebookState) => restored.push({ index, cells: state.cells.length })
  });
  try {
    const last = script.steps.length;
    await session.player.seek(last);
    await settle();
    assert.deepEqual(
      sources(notebook),
      session.keyframes.at(last).cells.map(cell => cell.source)
    );
    assert.deepEqual(restored, [{ index: last, cells: session.keyframes.at(last).cells.length }]);
    assert.deepEqual(kept, [], 'nothing of the learner to keep');

    // The learner types into a cell: that takes over, and a seek keeps their version first.
    const mid = stepWithCells(session);
    await session.player.seek(mid);
    await settle();
    restored.length = 0;
    notebook.transact(() => notebook.cells[0].setSource('mine'), true);
    await settle();
    assert.equal(session.player.state, 'taken-over');
    assert.equal(session.hasLearnerChanges(), true);
    await session.player.seek(mid - 1);
    await settle();
    assert.equal(kept.length, 1);
    assert.equal(kept[0][0], 'mine');
    assert.deepEqual(
      restored.map(r => r.index),
      [mid - 1]
    );
    assert.deepEqual(
      sources(notebook),
      session.keyframes.at(mid - 1).cells.map(cell => cell.source)
    );
    assert.equal(session.hasLearnerChanges(), false);
  } finally {
    close();
  }
});

test('restoring after a take-over waits for an asynchronous front end, and a refusal leaves the notebook alone', async () => {
  const script = tutorial();
  let allow = false;
  const { notebook, session, close } = open(script, {
    beforeRestore: () => new Promise<boolean>(resolve => setTimeout(() => resolve(allow), 5))
  });
  try {
    const mid = stepWithCells(session);
    await session.player.seek(mid);
    await new Promise(resolve => setTimeout(resolve, 20));
    // The seek was refused: the notebook is still empty.
    assert.equal(notebook.cells.length, 0);
    allow = true;
    assert.equal(await session.restore(mid), true);
    assert.deepEqual(
      sources(notebook),
      session.keyframes.at(mid).cells.map(cell => cell.source)
    );
    notebook.transact(() => notebook.cells[0].setSource('mine'), true);
    await settle();
    assert.equal(session.player.state, 'taken-over');
    await session.player.resume({ restore: true });
    await new Promise(resolve => setTimeout(resolve, 20));
    assert.equal(notebook.cells[0].getSource(), session.keyframes.at(session.player.step).cells[0].source);
    allow = false;
    assert.equal(await session.restore(0), false);
    assert.notEqual(notebook.cells.length, 0);
  } finally {
    close();
  }
});

test('a learner edit goes to the front end when it listens for them', async () => {
  const script = tutorial();
  const edits: string[] = [];
  const { notebook, session, close } = open(script, { learnerEdited: edit => edits.push(edit.kind) });
  try {
    await session.restore(stepWithCells(session));
    notebook.transact(() => notebook.cells[0].setSource('mine'), true);
    await settle();
    assert.ok(edits.length > 0);
    assert.notEqual(session.player.state, 'taken-over', 'the front end decides');
  } finally {
    close();
  }
});
