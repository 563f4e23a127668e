import assert from 'node:assert/strict';
import { test } from 'node:test';
import { YNotebook, type YCodeCell } from '@jupyter/ydoc';
import * as Y from 'yjs';
import { compile } from '../../../src/compiler/index.js';
import { seededRandom } from '../../../src/format/keystrokes.js';
import { recordingFromHistory, tutorialFromRecording, type StoredUpdate } from '../../../src/recorder/index.js';
import { cellsOf, randomSession, replay } from '../../helpers/editing-session.js';

/**
 * The history reader: a document's stored updates (as a YStore keeps them:
 * the room's starting snapshot first, then every change with its time, rows
 * in no particular order) become the same recording as a live session, and
 * the tutorial written from it replays to the notebook the history ends in.
 */
const SEED = Number(process.env.RECORDER_SEED ?? Date.now() % 2 ** 31);

function storedHistory(random: () => number): { updates: StoredUpdate[]; final: ReturnType<typeof cellsOf>; liveEvents: number } {
  const updates: StoredUpdate[] = [];
  const session = randomSession(random, (notebook, clock) => {
    updates.push({ update: Y.encodeStateAsUpdate(notebook.ydoc), timestamp: clock() - 1 });
    // A store's times are Python floats, distinct for each update; the session's clock is in whole ms,
    // so updates within one ms get a fraction of one in their order.
    notebook.ydoc.on('update', (update: Uint8Array) => updates.push({ update, timestamp: clock() + updates.length / 1e6 }));
  });
  const final = cellsOf(session.notebook);
  session.notebook.dispose();
  // A store's rows come in no guaranteed order.
  for (let i = updates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [updates[i], updates[j]] = [updates[j], updates[i]];
  }
  return { updates, final, liveEvents: session.recording.events.filter(event => event.kind !== 'run' && event.kind !== 'mark').length };
}

test(`a stored history, in any row order, is written as a tutorial that replays to its last state (seed ${SEED})`, () => {
  const random = seededRandom(SEED);
  for (let run = 0; run < 60; run++) {
    const { updates, final, liveEvents } = storedHistory(random);
    const recording = recordingFromHistory(updates, { title: 'From the store' });
    assert.equal(recording.events.length, liveEvents, `session ${run} (seed ${SEED}): the history holds every change the live recorder saw`);
    const { markdown } = tutorialFromRecording(recording);
    const result = compile(markdown);
    assert.ok(result.script, `session ${run} (seed ${SEED}) compiles:\n${result.file.messages.map(String).join('\n')}\n${markdown}`);
    assert.deepEqual(replay(result.script), final, `session ${run} (seed ${SEED}) replays to the last state:\n${markdown}`);
  }
});

test('`since` starts the recording later: what came before is the starting state', () => {
  const doc = new Y.Doc();
  const cells = doc.getArray<Y.Map<unknown>>('cells');
  const updates: StoredUpdate[] = [];
  let clock = 0;
  doc.on('update', (update: Uint8Array) => updates.push({ update, timestamp: clock }));
  const cell = new Y.Map<unknown>();
  const text = new Y.Text('a = 1');
  clock = 1000;
  doc.transact(() => {
    cell.set('id', 'c1');
    cell.set('cell_type', 'code');
    cell.set('source', text);
    cells.push([cell]);
  });
  clock = 2000;
  text.insert(5, '\nb = 2');
  clock = 5000;
  text.insert(11, '\nc = 3');
  const recording = recordingFromHistory(updates, { title: 'T', since: 4000 });
  assert.deepEqual(recording.initial, [{ id: 'c1', type: 'code', source: 'a = 1\nb = 2' }]);
  assert.deepEqual(
    recording.events.map(event => event.kind === 'edit' && [event.at, event.insert]),
    [[5000, '\nc = 3']]
  );
  assert.equal(recording.kernel, 'python3');
  doc.destroy();
});

test('a history tells its runs by the execution count, with the output that arrives after it', () => {
  const notebook = YNotebook.create();
  const updates: StoredUpdate[] = [{ update: Y.encodeStateAsUpdate(notebook.ydoc), timestamp: 0 }];
  let clock = 0;
  notebook.ydoc.on('update', (update: Uint8Array) => updates.push({ update, timestamp: clock }));
  clock = 1000;
  const cell = notebook.insertCell(0, { cell_type: 'code', source: 'print("hi")' }) as YCodeCell;
  clock = 2000;
  cell.execution_count = 1;
  clock = 2100;
  cell.setOutputs([{ output_type: 'stream', name: 'stdout', text: 'hi\n' }]);
  clock = 3000;
  cell.setSource('print("bye")');
  clock = 3100;
  cell.setOutputs([{ output_type: 'stream', name: 'stdout', text: 'not this run\n' }]);
  const recording = recordingFromHistory(updates, { title: 'T' });
  assert.deepEqual(
    recording.events.filter(event => event.kind === 'run').map(event => event.kind === 'run' && [event.at, event.source, event.output]),
    [[2000, 'print("hi")', 'hi\n']]
  );
  notebook.dispose();
});
