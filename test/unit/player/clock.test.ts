import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../../src/player/index.js';

test('the manual clock runs callbacks in time order, with now() at each due time', () => {
  const clock = new ManualClock();
  const seen: string[] = [];
  clock.schedule(30, () => seen.push(`b@${clock.now()}`));
  clock.schedule(10, () => seen.push(`a@${clock.now()}`));
  clock.schedule(30, () => seen.push(`c@${clock.now()}`));
  clock.advance(25);
  assert.deepEqual(seen, ['a@10']);
  assert.equal(clock.now(), 25);
  clock.advance(5);
  assert.deepEqual(seen, ['a@10', 'b@30', 'c@30']);
});

test('a cancelled callback never runs, and cancelling twice is harmless', () => {
  const clock = new ManualClock();
  let ran = false;
  const cancel = clock.schedule(10, () => (ran = true));
  cancel();
  cancel();
  clock.advance(100);
  assert.equal(ran, false);
  assert.equal(clock.pending, 0);
});

test('callbacks scheduled while advancing run when they fall due', () => {
  const clock = new ManualClock();
  const seen: number[] = [];
  clock.schedule(10, () => {
    seen.push(clock.now());
    clock.schedule(15, () => seen.push(clock.now()));
    clock.schedule(50, () => seen.push(clock.now()));
  });
  clock.advance(20);
  assert.deepEqual(seen, [10, 15]);
  assert.equal(clock.pending, 1);
});

test('a time in the past is due at once', () => {
  const clock = new ManualClock({ start: 100 });
  let at = -1;
  clock.schedule(40, () => (at = clock.now()));
  clock.advance(0);
  assert.equal(at, 100);
});

test('latency makes every callback fire late by the same amount', () => {
  const clock = new ManualClock({ latency: 7 });
  const seen: number[] = [];
  clock.schedule(10, () => seen.push(clock.now()));
  clock.schedule(20, () => seen.push(clock.now()));
  clock.advance(100);
  assert.deepEqual(seen, [17, 27]);
});

test('the manual clock refuses to go back in time', () => {
  const clock = new ManualClock({ start: 50 });
  assert.throws(() => clock.advanceTo(10), RangeError);
});
