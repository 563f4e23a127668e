import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Timeline } from '../../../src/player/timeline.js';

test('a running timeline maps script time to clock time from its anchor, at its speed', () => {
  const timeline = new Timeline(2);
  timeline.runFrom(100, 1000);
  assert.equal(timeline.running, true);
  assert.equal(timeline.dueAt(300), 1100);
  assert.equal(timeline.timeAt(1050), 200);
  // Never past the next cue not yet applied, never before where it started.
  assert.equal(timeline.timeAt(5000, 250), 250);
  assert.equal(timeline.timeAt(900), 100);
});

test('a held timeline stands still whatever the clock says', () => {
  const timeline = new Timeline(1);
  timeline.runFrom(0, 0);
  timeline.hold(40);
  assert.equal(timeline.running, false);
  assert.equal(timeline.timeAt(10_000), 40);
  timeline.moveTo(0);
  assert.equal(timeline.timeAt(20_000), 0);
  assert.equal(timeline.running, false);
});

test('a speed change keeps what has played and scales only what is left', () => {
  const timeline = new Timeline(1);
  timeline.runFrom(0, 0);
  timeline.setSpeed(4, 100, Infinity);
  assert.equal(timeline.timeAt(100), 100);
  assert.equal(timeline.dueAt(500), 200);
  const held = new Timeline(1);
  held.hold(30);
  held.setSpeed(0.5, 999);
  assert.equal(held.speed, 0.5);
  assert.equal(held.timeAt(5000), 30);
});
