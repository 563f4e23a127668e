import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CommandQueue } from '../../../src/player/command-queue.js';

test('commands run one at a time, in order, even when one waits', async () => {
  const errors: unknown[] = [];
  const queue = new CommandQueue(
    error => errors.push(error),
    () => false
  );
  const log: string[] = [];
  let release!: () => void;
  const first = queue.run(async () => {
    log.push('first starts');
    await new Promise<void>(resolve => (release = resolve));
    log.push('first ends');
  });
  const second = queue.run(() => {
    log.push('second');
  });
  assert.equal(queue.busy, true);
  await new Promise(resolve => setImmediate(resolve));
  assert.deepEqual(log, ['first starts']);
  release();
  await Promise.all([first, second]);
  assert.deepEqual(log, ['first starts', 'first ends', 'second']);
  assert.equal(queue.busy, false);
  assert.deepEqual(errors, []);
});

test('a command that throws is reported and never rejects; the next still runs', async () => {
  const errors: unknown[] = [];
  const queue = new CommandQueue(
    error => errors.push(error),
    () => false
  );
  let ran = false;
  await queue.run(() => {
    throw new Error('broken host');
  });
  await queue.run(() => {
    ran = true;
  });
  assert.deepEqual(
    errors.map(error => (error as Error).message),
    ['broken host']
  );
  assert.equal(ran, true);
});

test('a seek makes earlier navigations stale; relative moves never do', () => {
  const queue = new CommandQueue(
    () => undefined,
    () => false
  );
  const next = queue.navigation(false);
  const previous = queue.navigation(false);
  assert.equal(queue.isStale(next), false);
  const seek = queue.navigation(true);
  assert.equal(queue.isStale(next), true);
  assert.equal(queue.isStale(previous), true);
  assert.equal(queue.isStale(seek), false);
  assert.equal(queue.isStale(queue.navigation(false)), false);
});

test('once closed, queued commands are dropped', async () => {
  let closed = false;
  const queue = new CommandQueue(
    () => undefined,
    () => closed
  );
  let ran = false;
  closed = true;
  await queue.run(() => {
    ran = true;
  });
  assert.equal(ran, false);
});
