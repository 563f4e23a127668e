import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeScript, makeStep, op, settle, setup, typingScript, words } from './helpers.js';

test('listener errors cannot break playback', async () => {
  const reported: Array<{ error: unknown; event: string }> = [];
  const { clock, host, player } = setup(typingScript('abc', 300), {
    onListenerError: (error, event) => reported.push({ error, event })
  });
  for (const event of ['stateChanged', 'stepChanged', 'announcement', 'operationApplied'] as const) {
    player.on(event, () => {
      throw new Error(`broken ${event} listener`);
    });
  }
  const said: string[] = [];
  player.on('announcement', announcement => said.push(words(announcement)));
  await player.play();
  clock.advance(1000);
  assert.equal(player.state, 'ended');
  assert.equal(host.source('a'), 'abc');
  assert.deepEqual(said, ['Step 1 of 1: Type.', 'Typing 1 line into cell 1', 'Tutorial finished.'], 'later listeners still hear everything');
  assert.deepEqual([...new Set(reported.map(({ event }) => event))].sort(), ['announcement', 'operationApplied', 'stateChanged', 'stepChanged']);
  assert.ok(reported.every(({ error }) => error instanceof Error && error.message.startsWith('broken')));
});

test('a listener error reporter that throws is contained too', async () => {
  const { clock, player } = setup(typingScript('abc', 300), {
    onListenerError: () => {
      throw new Error('reporter broken');
    }
  });
  player.on('operationApplied', () => {
    throw new Error('listener broken');
  });
  await player.play();
  clock.advance(1000);
  assert.equal(player.state, 'ended');
});

test('a host that throws on an edit stops playback in error, and a seek recovers', async () => {
  const { clock, host, player, recorder } = setup(typingScript('abc', 300));
  host.throwOnEdit = new Error('the notebook was closed');
  await player.play();
  assert.equal(player.state, 'error');
  assert.deepEqual(
    recorder.of('error').map(error => error.message),
    ['the notebook was closed']
  );
  assert.deepEqual(recorder.spoken.at(-1), { text: 'Playback stopped: the notebook was closed.', politeness: 'assertive' });
  await player.play();
  assert.equal(player.state, 'error', 'play cannot leave error');
  host.throwOnEdit = undefined;
  await player.seek(0);
  await player.play();
  clock.advance(1000);
  assert.equal(player.state, 'ended');
  assert.equal(host.source('a'), 'abc');
});

test('a run the host cannot start stops playback in error', async () => {
  const script = makeScript([makeStep('Run', [op.insertCell('a', 0, 0), op.run('a', 0)])]);
  const { host, player, recorder } = setup(script);
  await player.play();
  host.runs[0].reject(new Error('no kernel'));
  await settle();
  assert.equal(player.state, 'error');
  assert.equal(recorder.said.at(-1), 'Playback stopped: no kernel.');
});

test('a seek the host cannot do stops playback in error', async () => {
  const { host, player } = setup(typingScript('abc', 300));
  host.seek = () => Promise.reject(new Error('no keyframe'));
  await player.seek(1);
  assert.equal(player.state, 'error');
  assert.equal(player.step, 0);
});

test('dispose stops everything: no timer, kernel result or command acts afterwards', async () => {
  const script = makeScript([makeStep('One', [op.insertCell('a', 0, 0), op.run('a', 0), op.narrate('after', 100, 0)])]);
  const { clock, host, player, recorder } = setup(script);
  await player.play();
  const before = recorder.events.length;
  player.dispose();
  host.runs[0].resolve({ ok: true });
  await settle();
  await player.play();
  await player.seek(0);
  clock.advance(10_000);
  assert.equal(recorder.events.length, before);
  assert.equal(clock.pending, 0);
  assert.deepEqual(host.calls, ['insert-cell a', 'run a']);
});

test('commands are carried out in the order they were given', async () => {
  const script = makeScript([makeStep('One', [op.narrate('a', 0, 1000)]), makeStep('Two', [])]);
  const { player, recorder } = setup(script);
  await Promise.all([player.play(), player.pause(), player.play(), player.takeOver(), player.resume()]);
  assert.deepEqual(recorder.states, ['playing', 'paused', 'playing', 'taken-over', 'playing']);
});

test('invalid settings throw at once', () => {
  const { player } = setup(typingScript('abc', 300));
  assert.throws(() => player.setSpeed(0.1), RangeError);
  assert.throws(() => player.setSpeed(5), RangeError);
  assert.throws(() => player.setSpeed(Number.NaN), RangeError);
  assert.throws(() => setup(typingScript('abc', 300), { speed: 8 }), RangeError);
});

test('settings read back after the queue carried them out', async () => {
  const { player } = setup(typingScript('abc', 300));
  await Promise.all([player.setSpeed(4), player.setStepMode(true), player.setReducedMotion(true)]);
  assert.deepEqual([player.speed, player.stepMode, player.reducedMotion], [4, true, true]);
});
