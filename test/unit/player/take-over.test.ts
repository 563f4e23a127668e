import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandKeystrokes, type TypeOperation } from '../../../src/format/index.js';
import { makeScript, makeStep, notebookAt, op, settle, setup, typingScript } from './helpers.js';

test('take-over pauses where it is, and play cannot leave it', async () => {
  const script = typingScript('hello world', 1000);
  const { clock, host, player } = setup(script);
  await player.play();
  clock.advance(400);
  await player.takeOver();
  const typed = host.source('a');
  assert.equal(player.state, 'taken-over');
  await player.play();
  await player.toggle();
  clock.advance(10_000);
  assert.equal(player.state, 'taken-over');
  assert.equal(host.source('a'), typed);
});

test('take-over does nothing before the tutorial has started', async () => {
  const { player, recorder } = setup(typingScript('x', 10));
  await player.takeOver();
  assert.equal(player.state, 'idle');
  assert.deepEqual(recorder.said, []);
});

test('resume continues on the learner’s notebook at the same keystroke', async () => {
  const script = typingScript('hello world', 1000);
  const keys = expandKeystrokes(script.steps[0].operations[1] as TypeOperation);
  const { clock, host, player } = setup(script);
  await player.play();
  clock.advanceTo(keys[4].at);
  await player.takeOver();
  // The learner adds a cell of their own above ours.
  host.learnerChanges(cells => cells.unshift({ id: 'mine', type: 'code', source: 'print("mine")' }));
  await player.resume();
  assert.equal(player.state, 'playing');
  clock.advance(2000);
  assert.deepEqual(
    host.notebook.cells.map(cell => cell.source),
    ['print("mine")', 'hello world']
  );
  assert.equal(host.edits.filter(edit => edit.operation.op === 'type').length, keys.length, 'no keystroke twice');
});

test('resume with restore has the host restore the step, then replays it from its start', async () => {
  const script = makeScript([
    makeStep('One', [op.insertCell('a', 0, 0), op.type('a', 0, 'x = 1', 0, 0)]),
    makeStep('Two', [op.type('a', 5, '\ny = 2', 0, 500)], { narration: 'Add y.' })
  ]);
  const { clock, host, player, recorder } = setup(script);
  await player.play();
  clock.advance(300);
  assert.equal(player.step, 1);
  await player.takeOver();
  host.notebook.get('a')!.source = 'learner was here';
  await player.resume({ restore: true });
  assert.equal(host.calls.filter(call => call.startsWith('restore')).join(), 'restore 1');
  assert.deepEqual(recorder.said.slice(-3), ['Resuming at step 2', 'Step 2 of 2: Two. Add y.', 'Typing 1 line into cell 1: assigns y']);
  clock.advance(1000);
  assert.equal(host.source('a'), 'x = 1\ny = 2');
  assert.deepEqual(host.notebook.cells, notebookAt(script, 2).cells);
});

test('remaining operations list what resuming will touch, the one being typed first', async () => {
  const script = makeScript([makeStep('One', [op.insertCell('a', 0, 0), op.type('a', 0, 'abc', 0, 300), op.insertCell('b', 1, 400), op.run('b', 500)])]);
  const { clock, player } = setup(script);
  assert.deepEqual(
    player.remainingOperations().map(operation => operation.op),
    ['insert-cell', 'type', 'insert-cell', 'run']
  );
  await player.play();
  clock.advance(150);
  await player.takeOver();
  assert.deepEqual(
    player.remainingOperations().map(operation => operation.op),
    ['type', 'insert-cell', 'run']
  );
  assert.equal(player.cursor.operation, 1);
  assert.ok(player.cursor.keystroke > 0);
});

test('a conflict pauses on the edit, and play retries it once the learner fixed things', async () => {
  const script = makeScript([makeStep('One', [op.insertCell('a', 0, 0), op.type('a', 0, 'x', 100, 0), op.narrate('typed', 200, 0)])]);
  const { clock, host, player, recorder } = setup(script);
  await player.play();
  host.learnerChanges(cells => (cells.length = 0)); // the learner deleted the cell
  clock.advance(100);
  assert.equal(player.state, 'paused');
  const [conflict] = recorder.of('conflict');
  assert.equal(conflict.operation.op, 'type');
  assert.match(conflict.message, /"a" does not exist/);
  assert.equal(recorder.announcements.at(-1)?.politeness, 'assertive');
  assert.match(recorder.said.at(-1) ?? '', /^Step 1 cannot continue: .+ Playback paused\.$/);
  host.learnerChanges(cells => cells.push({ id: 'a', type: 'code', source: '' })); // and brought it back
  await player.play();
  clock.advance(1000);
  assert.equal(host.source('a'), 'x');
  assert.ok(recorder.said.includes('typed'));
});

test('a kernel run in progress still reports after a take-over, and resume goes on after it', async () => {
  const script = makeScript([makeStep('Run', [op.insertCell('a', 0, 0), op.run('a', 0), op.narrate('after', 100, 0)])]);
  const { clock, host, player, recorder } = setup(script);
  await player.play();
  await player.takeOver();
  host.runs[0].resolve({ ok: true, outputLines: 1, output: '42' });
  await settle();
  assert.equal(player.state, 'taken-over');
  assert.equal(recorder.said.at(-1), 'Cell 1 ran: 42');
  clock.advance(5000);
  await player.resume();
  clock.advance(100);
  assert.equal(recorder.said.at(-2), 'after');
  assert.equal(host.runs.length, 1, 'the cell is not run again');
});

test('pausing during a kernel run: play waits for the same run instead of starting another', async () => {
  const script = makeScript([makeStep('Run', [op.insertCell('a', 0, 0), op.run('a', 0), op.narrate('after', 0, 0)])]);
  const { host, player, recorder } = setup(script);
  await player.play();
  await player.pause();
  await player.play();
  assert.equal(player.state, 'waiting-for-kernel');
  host.runs[0].resolve({ ok: true });
  await settle();
  assert.equal(host.runs.length, 1);
  assert.ok(recorder.said.includes('after'));
});
