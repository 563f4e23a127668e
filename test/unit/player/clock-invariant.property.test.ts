/**
 * The player's clock runs exactly while its state is `playing`: random
 * sequences of every command, clock advance, kernel result and learner edit,
 * checked after each one. Two observations of "the clock runs": a timer is
 * waiting on the injected scheduler, and script time moves when the clock
 * does. Reproduce a failure with PROPERTY_SEED=<seed printed below>.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../../src/format/keystrokes.js';
import type { Operation } from '../../../src/format/index.js';
import { makeScript, makeStep, op, settle, setup } from './helpers.js';

const SEED = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = 40;
const COMMANDS = 60;

const point: Operation = { op: 'point', command: 'notebook:run-cell', at: 400, wait: true };

/** Every kind of cue: edits, keystrokes, narration, waits, runs, pauses, a point and an empty step. */
const script = makeScript([
  makeStep('Write', [
    op.insertCell('a', 0, 0),
    op.type('a', 0, 'print(1)', 100, 400),
    op.narrate('It prints.', 600, 200),
    op.run('a', 900),
    op.wait(1000, 300)
  ]),
  makeStep('Your turn', [op.pause(0, 'Try it'), op.type('a', 8, '\nx = 1', 200, 300), point]),
  makeStep('Nothing to do', [], { narration: 'A pause for breath.' }),
  makeStep('Another cell', [op.insertCell('b', 1, 0), op.type('b', 0, 'y = 2', 50, 300), op.run('b', 500), op.deleteText('b', 0, 1, 700)])
]);

test('the clock runs if and only if the player is playing, whatever the learner does', async () => {
  console.log(`property seed: ${SEED} (rerun with PROPERTY_SEED=${SEED})`);
  for (let run = 0; run < RUNS; run++) {
    const random = seededRandom(SEED + run);
    const pick = (n: number) => Math.floor(random() * n);
    const { clock, host, player } = setup(script, { stepMode: random() < 0.3 });
    let answered = 0;
    const history: string[] = [];

    const commands: Array<[string, () => Promise<void> | void]> = [
      ['play', () => player.play()],
      ['pause', () => player.pause()],
      ['toggle', () => player.toggle()],
      ['next', () => player.nextStep()],
      ['previous', () => player.previousStep()],
      ['seek', () => player.seek(pick(player.stepCount))],
      ['end', () => player.seek(player.stepCount)],
      ['restart', () => player.restart()],
      ['speed', () => player.setSpeed([0.25, 0.5, 1, 2, 4][pick(5)])],
      ['step mode', () => player.setStepMode(random() < 0.5)],
      ['reduced motion', () => player.setReducedMotion(random() < 0.5)],
      ['take over', () => player.takeOver()],
      ['resume', () => player.resume({ restore: random() < 0.3 })],
      ['advance', () => clock.advance(pick(900))],
      ['advance a lot', () => clock.advance(5000)],
      [
        'kernel answers',
        () => {
          const pending = host.runs[answered++];
          const outcome = random();
          pending?.resolve(outcome < 0.7 ? { ok: true, outputLines: 1, output: '1' } : { ok: false, error: 'NameError' });
        }
      ],
      ['learner deletes a cell', () => host.learnerChanges(cells => cells.splice(0, 1))]
    ];

    for (let i = 0; i < COMMANDS; i++) {
      const [name, command] = commands[pick(commands.length)];
      history.push(name);
      await command();
      await settle();
      const where = `seed ${SEED + run}, after ${history.join(', ')}: state ${player.state}`;
      const playing = player.state === 'playing';
      assert.equal(clock.pending > 0, playing, `${where}, ${clock.pending} timer(s) waiting`);

      // Script time moves with the clock exactly while playing (short of the next cue, so no timer fires).
      const before = player.cursor.time;
      const gap = clock.nextTimerAt === undefined ? 50 : clock.nextTimerAt - clock.now();
      clock.advance(gap / 2);
      const after = player.cursor.time;
      if (playing) {
        assert.ok(after > before, `${where}: script time stood still at ${before} ms while playing`);
      } else {
        assert.equal(after, before, `${where}: script time moved from ${before} to ${after} ms`);
      }
    }
    player.dispose();
  }
});

test('Play while a run is still pending leaves script time held until the kernel answers', async () => {
  const script = makeScript([makeStep('Run', [op.insertCell('a', 0, 0), op.run('a', 100), op.type('a', 0, 'x', 500, 100)])]);
  const { clock, host, player } = setup(script);
  await player.play();
  clock.advance(100);
  assert.equal(player.state, 'waiting-for-kernel');
  await player.pause();
  await player.play();
  assert.equal(player.state, 'waiting-for-kernel');
  clock.advance(300);
  assert.equal(player.cursor.time, 100, 'script time moved while waiting for the kernel');
  // A speed change now must not count the wait as played: 400 script ms are left to the typing.
  await player.setSpeed(2);
  host.runs[0].resolve({ ok: true, outputLines: 0 });
  await settle();
  assert.equal(player.state, 'playing');
  clock.advance(199);
  assert.equal(host.source('a'), '');
  clock.advance(1);
  assert.equal(host.source('a'), 'x');
});
