import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TypeOperation } from '../../../src/format/index.js';
import { makeScript, makeStep, op, settle, setup } from './helpers.js';

const MEAN = 'def mean(xs):\n    return sum(xs) / len(xs)\n';

test('one announcement per step, never keystrokes', async () => {
  const script = makeScript([
    makeStep('Define mean', [op.insertCell('a', 0, 0), op.type('a', 0, MEAN, 2000, 1500)], {
      narration: 'We write a function.',
      narrationMs: 2000
    }),
    makeStep('Use it', [op.insertCell('b', 1, 0), op.type('b', 0, 'print(mean([1, 2]))', 0, 800)])
  ]);
  const { clock, player, recorder } = setup(script);
  await player.play();
  clock.advance(60_000);
  assert.deepEqual(recorder.said, [
    'Step 1 of 2: Define mean. We write a function.',
    'Typing 2 lines into cell 1: defines mean',
    'Step 2 of 2: Use it.',
    'Typing 1 line into cell 2: prints',
    'Tutorial finished.'
  ]);
  assert.ok(recorder.announcements.every(announcement => announcement.politeness === 'polite'));
});

test('a step title that ends a sentence gets no extra full stop', async () => {
  const script = makeScript([makeStep('What is a list?', [], { narration: 'A sequence.' })]);
  const { player, recorder } = setup(script);
  await player.play();
  assert.equal(recorder.said[0], 'Step 1 of 1: What is a list? A sequence.');
});

test("the author's summary replaces the generated one", async () => {
  const script = makeScript([makeStep('Mean', [op.insertCell('a', 0, 0), op.type('a', 0, MEAN, 0, 100, 'computes the average of a list')])]);
  const { clock, player, recorder } = setup(script);
  await player.play();
  clock.advance(1000);
  assert.ok(recorder.said.includes('Typing 2 lines into cell 1: computes the average of a list'), recorder.said.join('\n'));
});

test('the cell number is the live one, counting cells the learner added', async () => {
  const script = makeScript([makeStep('Type', [op.insertCell('a', 0, 0), op.type('a', 0, 'x = 1', 100, 100)])]);
  const { clock, host, player, recorder } = setup(script);
  await player.play();
  host.learnerChanges(cells => cells.unshift({ id: 'learner', type: 'code', source: '# mine' }));
  clock.advance(1000);
  assert.ok(recorder.said.includes('Typing 1 line into cell 2: assigns x'), recorder.said.join('\n'));
});

test('kernel results are brief: one short line of output is said, longer output is counted', async () => {
  const script = makeScript(
    [
      makeStep('Runs', [
        op.insertCell('a', 0, 0),
        op.insertCell('md', 1, 0),
        op.run('a', 0),
        op.run('a', 0),
        op.run('a', 0),
        op.run('a', 0),
        op.run('a', 0),
        op.run('a', 0),
        op.run('md', 0)
      ])
    ],
    { md: { name: 'md', type: 'markdown' } }
  );
  const { host, player, recorder } = setup(script);
  await player.play();
  const long = 'x'.repeat(81);
  for (const result of [
    { outputLines: 2 },
    { outputLines: 1 },
    { outputLines: 1, output: ' 83.0\n' },
    { outputLines: 1, output: long },
    { outputLines: 0 },
    {},
    {}
  ]) {
    host.runs.at(-1)?.resolve({ ok: true, ...result });
    await settle();
  }
  assert.deepEqual(recorder.said.slice(1, 8), [
    'Cell 1 ran, 2 lines of output. Pause to read them below the cell.',
    'Cell 1 ran, 1 line of output. Pause to read it below the cell.',
    'Cell 1 ran: 83.0',
    'Cell 1 ran, 1 line of output. Pause to read it below the cell.',
    'Cell 1 ran, no output',
    'Cell 1 ran',
    'Cell 2 rendered'
  ]);
});

test('a kernel error pauses and is announced assertively', async () => {
  const script = makeScript([
    makeStep('Oops', [op.insertCell('a', 0, 0), op.type('a', 0, 'print(y)', 0, 0), op.run('a', 10), op.narrate('after', 20, 0)])
  ]);
  const { clock, host, player, recorder } = setup(script);
  await player.play();
  clock.advance(10);
  host.runs[0].resolve({ ok: false, error: 'NameError' });
  await settle();
  assert.equal(player.state, 'paused');
  assert.deepEqual(recorder.spoken.at(-1), { text: 'Cell 1 raised NameError. Playback paused.', politeness: 'assertive' });
  await player.play();
  clock.advance(100);
  assert.equal(recorder.said.at(-2), 'after', 'play continues after the failed run');
});

test('the exception a run expects (error=) is announced and playback goes on; another one pauses', async () => {
  const script = makeScript([
    makeStep('Oops', [
      op.insertCell('a', 0, 0),
      op.type('a', 0, '1/0', 0, 0),
      { op: 'run', cell: 'a', at: 10, error: 'ZeroDivisionError' },
      op.narrate('after', 20, 0),
      { op: 'run', cell: 'a', at: 30, error: 'ZeroDivisionError' },
      op.narrate('never', 40, 0)
    ])
  ]);
  const { clock, host, player, recorder } = setup(script);
  await player.play();
  clock.advance(10);
  host.runs[0].resolve({ ok: false, error: 'ZeroDivisionError' });
  await settle();
  assert.equal(player.state, 'playing');
  assert.deepEqual(recorder.spoken.at(-1), { text: 'Cell 1 raised ZeroDivisionError.', politeness: 'assertive' });
  clock.advance(20);
  assert.ok(recorder.said.includes('after'));
  host.runs[1].resolve({ ok: false, error: 'NameError' });
  await settle();
  assert.equal(player.state, 'paused', 'an exception other than the one expected pauses');
});

test('a kernel error that comes in while paused does not claim it paused playback', async () => {
  const script = makeScript([makeStep('Oops', [op.insertCell('a', 0, 0), op.run('a', 0)])]);
  const { host, player, recorder } = setup(script);
  await player.play();
  await player.pause();
  host.runs[0].resolve({ ok: false });
  await settle();
  assert.deepEqual(recorder.spoken.at(-1), { text: 'Cell 1 failed.', politeness: 'assertive' });
});

test('a cell that is gone is named by its author', async () => {
  const script = makeScript([makeStep('Load', [op.insertCell('load', 0, 0), op.run('load', 0)])]);
  const { host, player, recorder } = setup(script);
  await player.play();
  host.learnerChanges(cells => (cells.length = 0));
  host.runs[0].resolve({ ok: true });
  await settle();
  assert.equal(recorder.said.at(-2), 'Cell "load" ran');
});

test('narration is spoken; a pause in the tutorial asks the learner assertively', async () => {
  const script = makeScript([makeStep('Try', [op.narrate('Now you.', 0, 0), op.pause(0, 'Set x to 3.'), op.pause(0)])]);
  const { player, recorder } = setup(script);
  await player.play();
  await player.play();
  assert.deepEqual(recorder.spoken.slice(1), [
    { text: 'Now you.', politeness: 'polite' },
    { text: 'Your turn: Set x to 3.', politeness: 'assertive' },
    { text: 'Your turn. Continue when you are ready.', politeness: 'assertive' }
  ]);
});

test('take-over and resume are announced', async () => {
  const script = makeScript([makeStep('One', [op.narrate('a', 0, 0), op.narrate('b', 1000, 0)]), makeStep('Two', [])]);
  const { clock, player, recorder } = setup(script);
  await player.play();
  clock.advance(500);
  await player.takeOver();
  assert.equal(recorder.said.at(-1), 'You have control. Playback paused.');
  await player.resume();
  assert.equal(recorder.said.at(-1), 'Resuming at step 1');
});

test('a seek says where the learner is, without the narration', async () => {
  const script = makeScript([makeStep('One', []), makeStep('Load the data', [], { narration: 'We read a CSV file.' })]);
  const { player, recorder } = setup(script);
  await player.seek(1);
  assert.deepEqual(recorder.said, ['Step 2 of 2: Load the data.']);
  await player.play();
  assert.equal(recorder.said[1], 'Step 2 of 2: Load the data. We read a CSV file.');
});

test('announcements are data, never sentences: a kind, the facts and a politeness', async () => {
  const script = makeScript(
    [makeStep('Define mean', [op.insertCell('a', 0, 0), op.type('a', 0, MEAN, 0, 0), op.run('a', 0)], { narration: 'We write a function.' })],
    { a: { name: 'mean cell', type: 'code' } }
  );
  const { clock, host, player, recorder } = setup(script);
  await player.play();
  clock.advance(10);
  host.runs[0].resolve({ ok: false, error: 'NameError' });
  await settle();
  assert.deepEqual(recorder.announcements, [
    { kind: 'step-started', politeness: 'polite', index: 0, count: 1, title: 'Define mean', narration: 'We write a function.' },
    { kind: 'typing', politeness: 'polite', cell: 'a', cellNumber: 1, cellName: 'mean cell', lines: 2, description: [{ kind: 'defines', name: 'mean' }] },
    { kind: 'raised', politeness: 'assertive', cell: 'a', cellNumber: 1, cellName: 'mean cell', error: 'NameError', pausedByIt: true }
  ]);
  assert.ok(
    recorder.announcements.every(announcement => !('text' in announcement)),
    'no announcement carries words'
  );
});

test('a deleted cell is said by the number it had; a replace is said once, as a replace', async () => {
  const script = makeScript(
    [
      makeStep('Edit', [
        op.insertCell('a', 0, 0),
        op.insertCell('report', 1, 0),
        op.type('report', 0, 'x = 1', 0, 0),
        { ...op.deleteText('report', 4, 1, 10), line: 9 },
        { ...op.type('report', 4, 'print(x)', 10, 0), line: 9 },
        { ...op.deleteText('report', 0, 4, 20), line: 14 },
        op.deleteCell('report', 30)
      ])
    ],
    { report: { name: 'report', type: 'code' } }
  );
  const { clock, player, recorder } = setup(script);
  await player.play();
  clock.advance(1000);
  assert.deepEqual(recorder.said.slice(1, -1), [
    'Typing 1 line into cell 2, report: assigns x',
    'Replacing text with 1 line in cell 2, report: prints',
    'Deleting text in cell 2, report',
    'Deleting cell 2, report'
  ]);
});

test('typing at the start of a cell says so; a # line in code is a comment, a cell magic is named', async () => {
  const script = makeScript(
    [
      makeStep('Edit', [
        op.insertCell('a', 0, 0),
        op.type('a', 0, '# load the data\nx = 1', 0, 0),
        { ...(op.type('a', 0, 'import os\n', 10, 0) as TypeOperation), atStart: true },
        op.insertCell('sh', 1, 20),
        op.type('sh', 0, '%%bash\nls -l', 20, 0),
        op.insertCell('md', 2, 30),
        op.type('md', 0, '# Results', 30, 0)
      ])
    ],
    { md: { name: 'md', type: 'markdown' } }
  );
  const { clock, player, recorder } = setup(script);
  await player.play();
  clock.advance(1000);
  assert.deepEqual(recorder.said.slice(1, -1), [
    'Typing 2 lines into cell 1: comment load the data, assigns x',
    'Typing 1 line at the start of cell 1: imports os',
    'Typing 2 lines into cell 2: cell magic %%bash',
    'Typing 1 line into cell 3: heading Results'
  ]);
});
