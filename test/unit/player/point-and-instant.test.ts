import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Operation } from '../../../src/format/index.js';
import { makeScript, makeStep, op, settle, setup } from './helpers.js';

const point = (command: string, at: number, wait = false): Operation => ({ op: 'point', command, at, ...(wait ? { wait: true } : {}) });

test('an instant block is inserted in one edit, and announced as inserted with its summary', async () => {
  const text = 'rows = [\n' + '  (1, 2),\n'.repeat(200) + ']\n';
  const script = makeScript([
    makeStep('Data', [
      op.insertCell('a', 0, 0),
      { op: 'type', cell: 'a', offset: 0, text, at: 0, duration: 0, summary: 'two hundred rows', instant: true }
    ])
  ]);
  const { clock, host, player, recorder } = setup(script, { coalesceMs: 0 });
  await player.play();
  clock.advance(1);
  assert.equal(player.state, 'ended');
  const typed = host.edits.filter(edit => edit.operation.op === 'type');
  assert.equal(typed.length, 1);
  assert.equal(typed[0].typed?.text, text);
  assert.equal(host.source('a'), text);
  assert.ok(recorder.said.includes('Inserted 202 lines into cell 1: two hundred rows'), recorder.said.join(' | '));
});

test('a block without instant is still typed keystroke by keystroke', async () => {
  const script = makeScript([makeStep('Type', [op.insertCell('a', 0, 0), op.type('a', 0, 'x = 1', 0, 500)])]);
  const { clock, host, player } = setup(script, { coalesceMs: 0 });
  await player.play();
  clock.advance(1000);
  assert.equal(host.edits.filter(edit => edit.operation.op === 'type').length, 5);
});

test('point tells the host where to point and goes on without waiting', async () => {
  const script = makeScript([makeStep('Look', [point('filebrowser:toggle-main', 0), op.narrate('after', 100, 0)])]);
  const { clock, player, recorder } = setup(script);
  await player.play();
  clock.advance(200);
  assert.deepEqual(
    recorder.of('pointing').map(({ operation }) => operation.command),
    ['filebrowser:toggle-main']
  );
  assert.deepEqual(recorder.of('waitingForLearner'), []);
  assert.equal(player.state, 'ended');
});

test('point with wait waits for the learner, naming the command; play (or skip) goes on', async () => {
  const script = makeScript([makeStep('Run it', [point('notebook:run-cell', 0, true), op.narrate('after', 100, 0)])]);
  const { clock, player, recorder } = setup(script);
  await player.play();
  clock.advance(5000);
  assert.equal(player.state, 'waiting-for-learner');
  assert.deepEqual(recorder.of('waitingForLearner'), [{ step: 0, command: 'notebook:run-cell' }]);
  assert.ok(!recorder.said.includes('after'));
  await player.play();
  clock.advance(200);
  await settle();
  assert.ok(recorder.said.includes('after'));
  assert.equal(player.state, 'ended');
});

test('a pause that names an answer cell says which cell', async () => {
  const script = makeScript([makeStep('Try', [op.insertCell('answer', 0, 0), { op: 'pause', at: 10, prompt: 'Sort it', cell: 'answer' }])], {
    answer: { name: 'answer', type: 'code', answer: true, placeholder: 'Your code' }
  });
  const { clock, player, recorder } = setup(script);
  await player.play();
  clock.advance(100);
  assert.deepEqual(recorder.of('waitingForLearner'), [{ step: 0, prompt: 'Sort it', cell: 'answer' }]);
});
