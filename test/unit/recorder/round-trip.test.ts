import assert from 'node:assert/strict';
import { test } from 'node:test';
import { YNotebook } from '@jupyter/ydoc';
import type * as Y from 'yjs';
import { compile } from '../../../src/compiler/index.js';
import { stepDuration, type Script } from '../../../src/format/index.js';
import { seededRandom } from '../../../src/format/keystrokes.js';
import { tutorialFromRecording, YDocRecorder, type Recording } from '../../../src/recorder/index.js';
import { cellsOf, randomSession, replay } from '../../helpers/editing-session.js';

/**
 * The recorder's promise: a recorded session, written as a tutorial and
 * played back, ends in exactly the notebook the author left. Seeded random
 * sessions of typing, edits in the middle, deletions, new, moved and deleted
 * cells, runs and step marks, with unicode; a failure prints its seed
 * (rerun with RECORDER_SEED=<seed>).
 */
const SEED = Number(process.env.RECORDER_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.RECORDER_RUNS ?? 150);
test(`a recorded session played back ends in the notebook the author left (seed ${SEED}, ${RUNS} sessions)`, () => {
  const random = seededRandom(SEED);
  for (let run = 0; run < RUNS; run++) {
    const { notebook, recording } = randomSession(random);
    const { markdown } = tutorialFromRecording(recording);
    const result = compile(markdown);
    const errors = result.file.messages.filter(message => message.fatal).map(message => `${message.line}:${message.column}: ${message.reason}`);
    assert.deepEqual(errors, [], `session ${run} (seed ${SEED}) compiles:\n${markdown}`);
    const script = result.script as Script;
    assert.deepEqual(replay(script), cellsOf(notebook), `session ${run} (seed ${SEED}) replays to the same notebook:\n${markdown}`);
    // Titles and narration are read back as the author wrote them, never as markup.
    const marks = recording.events.filter(event => event.kind === 'mark');
    const titles = script.steps.map(step => step.title);
    const spoken = (text: string) => text.replace(/\s+/g, ' ').trim();
    for (const mark of marks.filter(event => event.title.trim())) {
      assert.ok(
        titles.includes(spoken(mark.title)),
        `session ${run} (seed ${SEED}): the step "${mark.title}" is titled as written, not ${JSON.stringify(titles)}`
      );
      const narrated = mark.narration && script.steps.find(step => step.title === spoken(mark.title))?.narration;
      assert.ok(
        !mark.narration || narrated === spoken(mark.narration),
        `session ${run} (seed ${SEED}): "${mark.narration}" is narrated as written, not "${narrated}"`
      );
    }
    notebook.dispose();
  }
});

test('typing is written at the author’s pace, long pauses as waits, and a long idle gap starts a step', () => {
  const notebook = YNotebook.create();
  let clock = 0;
  const recorder = new YDocRecorder(notebook.ydoc, { now: () => clock });
  notebook.insertCell(0, { cell_type: 'code', source: '' });
  const text = (notebook.cells[0] as unknown as { ysource: Y.Text }).ysource;
  for (const char of 'total = 0\n') {
    clock += 100; // ten characters a second
    notebook.transact(() => text.insert(text.length, char));
  }
  clock += 5_000;
  for (const char of 'print(total)') {
    clock += 100;
    notebook.transact(() => text.insert(text.length, char));
  }
  clock += 120_000;
  notebook.transact(() => text.insert(0, '# sum\n'));
  recorder.stop();
  const recording: Recording = { title: 'Sums', kernel: 'python3', startedAt: 0, endedAt: clock, initial: [], events: recorder.events };
  const { markdown, notes, steps } = tutorialFromRecording(recording);
  assert.match(markdown, /:::type\{cell=cell-1 speed=10\}\n```python\ntotal = 0\n\n```/);
  assert.match(markdown, /::wait\{s=4\.6\}/, 'five seconds idle and the first keystroke, less the beat the player takes after typing');
  assert.match(markdown, /:::type\{cell=cell-1 speed=10\}\n```python\nprint\(total\)\n```/);
  assert.match(markdown, /# Step 2\n/);
  assert.match(markdown, /::wait\{s=\d+(\.\d)?\}\n\n:::type\{cell=cell-1 at=start speed=200\}/, 'a long gap is capped');
  assert.equal(steps, 2);
  assert.deepEqual(
    notes.map(note => [note.kind, markdown.split('\n')[note.line - 1]]),
    [
      ['placeholder-narration', 'Describe what happens in this step.'],
      ['placeholder-narration', 'Describe what happens in this step.']
    ],
    'each placeholder is pointed at by its line'
  );
  const script = compile(markdown).script as Script;
  // Real session: 1 s + 5 s + 1.2 s, and the 120 s idle capped at 10 s; the first step's opening
  // ("Step 1 of 2: Step 1." and its narration) is read before anything the author did.
  const played = script.steps.reduce((sum, step) => sum + stepDuration(step), 0) - script.steps[0].narrationMs;
  const real = 1_000 + 5_000 + 1_200 + 10_000;
  assert.ok(Math.abs(played - real) / real < 0.2, `played ${played} ms vs ${real} ms`);
  notebook.dispose();
});

test('edits in the middle become a replace whose find is unique at that point', () => {
  const notebook = YNotebook.create();
  let clock = 0;
  notebook.insertCell(0, { cell_type: 'code', source: 'x = 1\nx = 1\nprint(x)' });
  const recorder = new YDocRecorder(notebook.ydoc, { now: () => clock });
  const text = (notebook.cells[0] as unknown as { ysource: Y.Text }).ysource;
  clock += 1000;
  notebook.transact(() => text.delete(10, 1));
  notebook.transact(() => text.insert(10, '2'));
  recorder.stop();
  const { markdown } = tutorialFromRecording({
    title: 'T',
    kernel: 'python3',
    startedAt: 0,
    endedAt: clock,
    initial: recorder.initial,
    events: recorder.events
  });
  assert.match(markdown, /:::replace\{cell=cell-1 find="1&#10;p" speed=\d+\}\n```python\n2\np\n```/);
  const script = compile(markdown).script as Script;
  assert.deepEqual(replay(script), [{ type: 'code', source: 'x = 1\nx = 2\nprint(x)' }]);
  notebook.dispose();
});

test('remote changes are not the author’s, and the player’s own edits are left out by their origin', () => {
  const notebook = YNotebook.create();
  const recorder = new YDocRecorder(notebook.ydoc, { accept: transaction => transaction.local && transaction.origin !== 'notecast:player' });
  notebook.ydoc.transact(() => notebook.insertCell(0, { cell_type: 'code', source: 'played' }), 'notecast:player');
  notebook.insertCell(1, { cell_type: 'code', source: 'mine' });
  recorder.stop();
  assert.deepEqual(
    recorder.events.map(event => event.kind === 'insert-cell' && [event.index, event.cell.source]),
    [[1, 'mine']]
  );
  assert.deepEqual(recorder.cellIds, [notebook.cells[0].id, notebook.cells[1].id], 'the cells the player added are still followed');
  notebook.dispose();
});
