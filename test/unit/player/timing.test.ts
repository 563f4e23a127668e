import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandKeystrokes, type TypeOperation } from '../../../src/format/index.js';
import { makeScript, makeStep, notebookAt, op, settle, setup, typingScript } from './helpers.js';

/** The `type` operation of a `typingScript` and its keystrokes. */
function keysOf(script: ReturnType<typeof typingScript>) {
  const typing = script.steps[0].operations[1] as TypeOperation;
  return { typing, keys: expandKeystrokes(typing) };
}

const typedAt = (recorder: ReturnType<typeof setup>['recorder']) =>
  recorder.applied.filter(applied => applied.operation.op === 'type').map(applied => applied.appliedAt);

test('nothing plays until the learner presses play', async () => {
  const { clock, host, player, recorder } = setup(typingScript('x = 1', 300));
  clock.advance(10_000);
  await settle();
  assert.equal(player.state, 'idle');
  assert.deepEqual(host.calls, []);
  assert.deepEqual(recorder.announcements, []);
});

test('operations land at their scripted times from the moment play is pressed', async () => {
  const script = makeScript([makeStep('One', [op.insertCell('a', 0, 0), op.narrate('Look.', 250, 100), op.wait(400, 100), op.deleteCell('a', 600)])]);
  const { clock, player, recorder } = setup(script);
  clock.advance(5000);
  await player.play();
  clock.advance(249);
  assert.deepEqual(
    recorder.applied.map(applied => applied.operation.op),
    ['insert-cell']
  );
  clock.advance(1000);
  assert.deepEqual(
    recorder.applied.map(({ operation, scheduledAt, appliedAt }) => [operation.op, scheduledAt, appliedAt]),
    [
      ['insert-cell', 5000, 5000],
      ['narrate', 5250, 5250],
      ['wait', 5400, 5400],
      ['delete-cell', 5600, 5600]
    ]
  );
  assert.equal(player.state, 'ended');
});

test('a type operation reaches the host keystroke by keystroke, at the expanded times', async () => {
  const script = typingScript('ab\ncd', 400);
  const { keys } = keysOf(script);
  const { clock, host, player } = setup(script);
  await player.play();
  clock.advance(1000);
  const typed = host.edits.filter(edit => edit.operation.op === 'type').map(edit => edit.typed);
  assert.deepEqual(
    typed,
    keys.map(({ index, text }) => ({ index, text }))
  );
  assert.equal(host.source('a'), 'ab\ncd');
});

test('the keystrokes are applied when they are due', async () => {
  const script = typingScript('hello', 500);
  const { keys } = keysOf(script);
  const { clock, player, recorder } = setup(script);
  await player.play();
  clock.advance(1000);
  assert.deepEqual(
    typedAt(recorder),
    keys.map(key => key.at)
  );
});

test('reduced motion types the whole text at once', async () => {
  const script = typingScript('def f():\n    return 1\n', 2000);
  const { clock, host, player, recorder } = setup(script, { reducedMotion: true });
  await player.play();
  clock.advance(3000);
  const typed = host.edits.filter(edit => edit.operation.op === 'type').map(edit => edit.typed);
  assert.deepEqual(typed, [{ index: 0, text: 'def f():\n    return 1\n' }]);
  assert.deepEqual(typedAt(recorder), [0]);
});

test('switching to reduced motion mid-typing types the rest at the next keystroke', async () => {
  const script = typingScript('abcdef', 500);
  const { keys } = keysOf(script);
  const { clock, host, player } = setup(script);
  await player.play();
  clock.advanceTo(keys[2].at);
  await player.setReducedMotion(true);
  clock.advance(1000);
  const typed = host.edits.filter(edit => edit.operation.op === 'type').map(edit => edit.typed?.text);
  assert.deepEqual(typed, ['a', 'b', 'c', 'def']);
  assert.equal(host.source('a'), 'abcdef');
});

test('pausing mid-typing resumes at the same keystroke, with the remaining gaps preserved', async () => {
  const script = typingScript('hello world', 1000);
  const { keys } = keysOf(script);
  const { clock, host, player, recorder } = setup(script);
  await player.play();
  const pausedAt = keys[4].at + (keys[5].at - keys[4].at) / 2;
  clock.advanceTo(pausedAt);
  await player.pause();
  assert.equal(host.source('a'), 'hello');
  clock.advance(60_000);
  assert.equal(host.source('a'), 'hello', 'nothing is typed while paused');
  const resumedAt = clock.now();
  await player.play();
  clock.advance(2000);
  assert.equal(host.source('a'), 'hello world');
  assert.deepEqual(
    typedAt(recorder).slice(5),
    keys.slice(5).map(key => resumedAt + key.at - pausedAt)
  );
});

test('speed 2x halves the remaining gaps and keeps the current position', async () => {
  const script = makeScript([makeStep('One', [op.narrate('a', 0, 0), op.narrate('b', 1000, 0), op.narrate('c', 2000, 0)])]);
  const { clock, player, recorder } = setup(script);
  await player.play();
  clock.advance(500);
  await player.setSpeed(2);
  assert.equal(player.cursor.time, 500);
  clock.advance(2000);
  assert.deepEqual(
    recorder.applied.map(applied => applied.scheduledAt),
    [0, 750, 1250]
  );
});

test('speed 0.5x doubles the gaps, and a speed set while paused applies on play', async () => {
  const script = makeScript([makeStep('One', [op.narrate('a', 0, 0), op.narrate('b', 1000, 0)])]);
  const { clock, player, recorder } = setup(script);
  await player.setSpeed(0.5);
  await player.play();
  clock.advance(5000);
  assert.deepEqual(
    recorder.applied.map(applied => applied.scheduledAt),
    [0, 2000]
  );
});

test('late timers are not cumulative, within a step and across steps', async () => {
  const step = (title: string, count: number) =>
    makeStep(
      title,
      Array.from({ length: count }, (_, i) => op.narrate(`${title} ${i}`, i * 100, 0))
    );
  const script = makeScript([step('One', 10), step('Two', 3)]);
  const { clock, player, recorder } = setup(script, { latency: 5 });
  await player.play();
  clock.advance(5000);
  assert.deepEqual(
    recorder.applied.map(applied => applied.scheduledAt),
    [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 900, 1000, 1100]
  );
  const lateness = recorder.applied.map(applied => applied.appliedAt - applied.scheduledAt);
  assert.ok(Math.max(...lateness) <= 5, `lateness ${lateness.join(', ')}`);
});

test('pausing while a timer is late does not shorten the gap after it', async () => {
  const script = makeScript([makeStep('One', [op.narrate('a', 0, 0), op.narrate('b', 100, 0), op.narrate('c', 200, 0)])]);
  const { clock, player, recorder } = setup(script, { latency: 5 });
  await player.play();
  clock.advanceTo(102); // "b" was due at 100; its timer fires at 105
  await player.pause();
  assert.equal(player.cursor.time, 100, 'time stops at the cue not yet applied');
  clock.advanceTo(1000);
  await player.play();
  clock.advance(1000);
  const [, b, c] = recorder.applied;
  assert.deepEqual([b.scheduledAt, b.appliedAt, c.scheduledAt], [1000, 1000, 1100]);
});

test('a kernel run waits for the kernel and shifts what follows by its real duration', async () => {
  const script = makeScript([makeStep('Run', [op.insertCell('a', 0, 0), op.type('a', 0, 'x = 1', 0, 0), op.run('a', 100), op.narrate('after', 300, 0)])]);
  const { clock, host, player, recorder } = setup(script);
  await player.play();
  clock.advance(100);
  assert.equal(player.state, 'waiting-for-kernel');
  assert.deepEqual(
    recorder.of('runRequested').map(run => run.operation.cell),
    ['a']
  );
  clock.advance(5000);
  assert.ok(!recorder.said.includes('after'), 'nothing runs past the kernel');
  host.runs[0].resolve({ ok: true, outputLines: 2 });
  await settle();
  assert.equal(player.state, 'playing');
  clock.advance(1000);
  const narrated = recorder.applied.find(applied => applied.operation.op === 'narrate');
  assert.equal(narrated?.scheduledAt, 5100 + 200);
});

test('a pause operation waits for the learner; play continues after it', async () => {
  const script = makeScript([makeStep('Try', [op.narrate('intro', 0, 0), op.pause(100, 'Change x to 3'), op.narrate('next', 400, 0)])]);
  const { clock, player, recorder } = setup(script);
  await player.play();
  clock.advance(100);
  assert.equal(player.state, 'waiting-for-learner');
  assert.deepEqual(recorder.of('waitingForLearner'), [{ step: 0, prompt: 'Change x to 3' }]);
  clock.advance(10_000);
  await player.play();
  clock.advance(1000);
  assert.equal(recorder.applied.at(-1)?.scheduledAt, 10_100 + 300);
  assert.equal(player.state, 'ended');
});

test('continuous mode plays every step to the end', async () => {
  const script = makeScript([
    makeStep('One', [op.narrate('1', 0, 100)]),
    makeStep('Two', [op.narrate('2', 0, 100)]),
    makeStep('Three', [op.narrate('3', 0, 100)])
  ]);
  const { clock, player, recorder } = setup(script);
  await player.play();
  clock.advance(1000);
  assert.equal(player.state, 'ended');
  assert.deepEqual(recorder.steps, [1, 2, 3]);
  assert.deepEqual(
    recorder.applied.map(applied => applied.scheduledAt),
    [0, 100, 200]
  );
});

test('step mode stops after every step', async () => {
  const script = makeScript([
    makeStep('One', [op.narrate('1', 0, 100)]),
    makeStep('Two', [op.narrate('2', 0, 100)]),
    makeStep('Three', [op.narrate('3', 0, 100)])
  ]);
  const { clock, player, recorder } = setup(script, { stepMode: true });
  await player.play();
  clock.advance(10_000);
  assert.equal(player.state, 'paused');
  assert.equal(player.step, 1);
  assert.deepEqual(
    recorder.applied.map(applied => applied.operation.op === 'narrate' && applied.operation.text),
    ['1']
  );
  await player.play();
  clock.advance(10_000);
  assert.equal(player.step, 2);
  assert.equal(recorder.applied.length, 2);
  await player.play();
  clock.advance(10_000);
  assert.equal(player.state, 'ended');
});

test('next at a step that has not started plays just that step, even in continuous mode', async () => {
  const script = makeScript([makeStep('One', [op.narrate('1', 0, 100)]), makeStep('Two', [op.narrate('2', 0, 100)])]);
  const { clock, player, recorder } = setup(script);
  await player.nextStep();
  clock.advance(10_000);
  assert.equal(player.state, 'paused');
  assert.equal(player.step, 1);
  assert.equal(recorder.applied.length, 1);
  await player.play();
  clock.advance(10_000);
  assert.equal(player.state, 'ended');
});

test('the notebook ends as the tutorial expects', async () => {
  const script = makeScript([
    makeStep('Create', [op.insertCell('a', 0, 0), op.type('a', 0, 'x = 1\ny = 2\n', 0, 300), op.insertCell('b', 1, 400)]),
    makeStep('Edit', [op.deleteText('a', 0, 6, 0), op.type('a', 0, 'z = 3\n', 100, 200), op.type('b', 0, 'print(z)', 300, 300)]),
    makeStep('Tidy', [op.deleteCell('a', 0)])
  ]);
  const { clock, host, player } = setup(script);
  await player.play();
  clock.advance(10_000);
  assert.equal(player.state, 'ended');
  assert.deepEqual(host.notebook.cells, notebookAt(script, 3).cells);
  assert.deepEqual(
    host.notebook.cells.map(cell => cell.source),
    ['print(z)']
  );
});

test('an empty tutorial ends at once', async () => {
  const { player, recorder } = setup(makeScript([]));
  await player.play();
  assert.equal(player.state, 'ended');
  assert.deepEqual(recorder.said, ['Tutorial finished.']);
});

test('keystrokes due within a frame of each other go to the notebook in one edit, and a late timer types all that is due', async () => {
  const text = 'abcdefghij'.repeat(20);
  const typeEdits = async (options: { coalesceMs?: number; latency?: number }) => {
    const { clock, host, player } = setup(typingScript(text, 1000), options);
    await player.play();
    clock.advance(2000);
    await settle();
    const edits = host.edits.filter(edit => edit.operation.op === 'type');
    // However the keystrokes were grouped, the cell holds the whole text, typed in order.
    assert.equal(edits.map(edit => edit.typed?.text).join(''), text);
    assert.deepEqual(
      edits.map(edit => edit.typed?.index),
      edits.map((_, i) => edits.slice(0, i).reduce((length, edit) => length + (edit.typed?.text.length ?? 0), 0))
    );
    return edits.length;
  };
  const { keys } = keysOf(typingScript(text, 1000));
  assert.equal(await typeEdits({ coalesceMs: 0 }), keys.length, 'without coalescing, one edit per keystroke');
  // 200 characters over 1 s: a keystroke every 5 ms, so about one edit per 16 ms frame.
  const framed = await typeEdits({});
  assert.ok(framed <= 1000 / 16 + 2 && framed >= 1000 / 32, `${framed} edits for ${keys.length} keystrokes`);
  // Timers 100 ms late: each one types everything that fell due meanwhile.
  const late = await typeEdits({ latency: 100 });
  assert.ok(late <= 1000 / 100 + 2, `${late} edits with late timers`);
});
