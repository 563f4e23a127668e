import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock, Player } from '../../../src/player/index.js';
import { RecordingHost, makeScript, makeStep, notebookAt, op, settle, setup, words } from './helpers.js';

/** Four steps; step N creates cell `cN` and narrates for 1 s. */
const fourSteps = () =>
  makeScript(['One', 'Two', 'Three', 'Four'].map((title, i) => makeStep(title, [op.insertCell(`c${i}`, i, 0), op.narrate(title, 0, 1000)])));

test('a seek puts the notebook at the start of the step and stays paused', async () => {
  const script = fourSteps();
  const { clock, host, player, recorder } = setup(script);
  await player.play();
  clock.advance(500);
  await player.seek(2);
  assert.equal(player.state, 'paused');
  assert.equal(player.step, 2);
  assert.deepEqual(host.calls.at(-1), 'seek 2');
  assert.deepEqual(host.notebook.cells, notebookAt(script, 2).cells);
  const applied = recorder.applied.length;
  clock.advance(10_000);
  assert.equal(recorder.applied.length, applied, 'nothing plays after a seek');
});

test('a timer from before a seek never fires after it', async () => {
  const script = makeScript([makeStep('One', [op.narrate('early', 0, 0), op.narrate('late', 1000, 0)]), makeStep('Two', [])]);
  const { clock, host, player, recorder } = setup(script);
  host.holdSeeks = true;
  await player.play();
  const seeking = player.seek(1);
  await settle();
  clock.advance(5000);
  host.seeks[0].resolve();
  await seeking;
  clock.advance(5000);
  assert.ok(!recorder.said.includes('late'), recorder.said.join('\n'));
});

test('a stale seek never applies late: scrubbing asks the host for the last position only', async () => {
  const { host, player, recorder } = setup(fourSteps());
  host.holdSeeks = true;
  const first = player.seek(1);
  await settle();
  const later = [player.seek(2), player.nextStep(), player.seek(3)];
  host.seeks[0].resolve();
  await settle();
  host.seeks[1].resolve();
  await Promise.all([first, ...later]);
  assert.deepEqual(host.calls, ['seek 1', 'seek 3']);
  assert.equal(player.step, 3);
  assert.deepEqual(recorder.steps, [3], 'the overtaken seek to 1 never moved the player');
  assert.deepEqual(recorder.said, ['Step 4 of 4: Four.']);
});

test('a kernel result from before a seek is ignored', async () => {
  const script = makeScript([makeStep('Run', [op.insertCell('a', 0, 0), op.run('a', 0), op.narrate('after', 0, 0)]), makeStep('Two', [])]);
  const { clock, host, player, recorder } = setup(script);
  await player.play();
  assert.equal(player.state, 'waiting-for-kernel');
  await player.seek(1);
  host.runs[0].resolve({ ok: false, error: 'ZeroDivisionError' });
  await settle();
  clock.advance(1000);
  assert.equal(player.state, 'paused');
  assert.ok(!recorder.said.some(text => text.includes('ZeroDivisionError') || text === 'after'), recorder.said.join('\n'));
});

test('three quick presses of previous go three steps back: relative moves are never stale', async () => {
  const { host, player } = setup(fourSteps());
  await player.seek(3);
  await Promise.all([player.previousStep(), player.previousStep(), player.previousStep()]);
  assert.equal(player.step, 0);
  assert.deepEqual(host.calls, ['seek 3', 'seek 2', 'seek 1', 'seek 0']);
});

test('each press of next reaches the next step boundary: by skipping the rest of a started step, or by playing one that has not started', async () => {
  const { clock, host, player } = setup(fourSteps());
  await player.play();
  clock.advance(500);
  await player.nextStep();
  assert.deepEqual([player.state, player.step, host.calls.at(-1)], ['paused', 1, 'seek 1']);
  await player.nextStep();
  assert.equal(player.state, 'playing');
  clock.advance(10_000);
  assert.deepEqual([player.state, player.step], ['paused', 2]);
  assert.deepEqual(
    host.notebook.cells.map(cell => cell.id),
    ['c0', 'c1']
  );
});

test('next answers a pause in the tutorial and stops at the end of the step', async () => {
  const script = makeScript([makeStep('Try', [op.pause(0, 'Try it'), op.narrate('done', 100, 0)]), makeStep('Two', [op.narrate('two', 0, 0)])]);
  const { clock, player, recorder } = setup(script);
  await player.play();
  assert.equal(player.state, 'waiting-for-learner');
  await player.nextStep();
  clock.advance(1000);
  assert.equal(player.state, 'paused');
  assert.equal(player.step, 1);
  assert.ok(recorder.said.includes('done'));
  assert.ok(!recorder.said.includes('two'));
});

test('previous goes to the start of the previous step; from the end, to the last step', async () => {
  const { clock, host, player } = setup(fourSteps());
  await player.seek(2);
  await player.play();
  clock.advance(500);
  await player.previousStep();
  assert.equal(player.step, 1);
  await player.previousStep();
  await player.previousStep();
  assert.equal(player.step, 0);
  await player.seek(4);
  assert.equal(player.state, 'ended');
  await player.previousStep();
  assert.equal(player.step, 3);
  assert.deepEqual(
    host.calls.filter(call => call.startsWith('seek')),
    ['seek 2', 'seek 1', 'seek 0', 'seek 0', 'seek 4', 'seek 3']
  );
});

test('seeking to the end ends the tutorial; play at the end starts again from the first step', async () => {
  const { clock, host, player, recorder } = setup(fourSteps());
  await player.seek(4);
  assert.equal(player.state, 'ended');
  assert.equal(recorder.said.at(-1), 'Tutorial finished.');
  await player.play();
  assert.equal(player.state, 'playing');
  assert.equal(player.step, 0);
  assert.equal(host.calls.at(-2), 'seek 0');
  clock.advance(10_000);
  assert.equal(player.state, 'ended');
});

test('restart seeks to the first step and plays', async () => {
  const { clock, host, player, recorder } = setup(fourSteps());
  await player.seek(3);
  await player.restart();
  assert.equal(player.state, 'playing');
  assert.equal(player.step, 0);
  assert.deepEqual(recorder.said.slice(-2), ['Step 1 of 4: One.', 'One']);
  clock.advance(10_000);
  assert.deepEqual(
    host.notebook.cells.map(cell => cell.id),
    ['c0', 'c1', 'c2', 'c3']
  );
});

test('a seek out of range throws', () => {
  const { player } = setup(fourSteps());
  assert.throws(() => player.seek(5), RangeError);
  assert.throws(() => player.seek(-1), RangeError);
  assert.throws(() => player.seek(1.5), RangeError);
});

test('a stale timer does nothing, even from a scheduler that cannot cancel it', async () => {
  const script = makeScript([makeStep('One', [op.narrate('early', 0, 0), op.narrate('late', 1000, 0)]), makeStep('Two', [])]);
  const clock = new ManualClock();
  const scheduled: number[] = [];
  const stubborn = {
    schedule(at: number, callback: () => void) {
      scheduled.push(at);
      clock.schedule(at, callback);
      return () => {};
    }
  };
  const player = new Player({ script, clock, scheduler: stubborn, host: new RecordingHost(script) });
  const said: string[] = [];
  player.on('announcement', announcement => said.push(words(announcement)));
  await player.play();
  await player.pause();
  clock.advance(500);
  await player.play();
  assert.deepEqual(scheduled, [1000, 1500]);
  clock.advanceTo(1000);
  assert.deepEqual(scheduled, [1000, 1500], 'the stale timer scheduled nothing');
  assert.ok(!said.includes('late'));
  clock.advanceTo(1500);
  assert.equal(said.filter(text => text === 'late').length, 1);
});
