import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordLateness, summarizeLateness } from '../../../src/player/lateness.js';
import { setup, typingScript } from './helpers.js';

test('the lateness of every applied cue is recorded against its scheduled time', async () => {
  const { clock, player } = setup(typingScript('hello', 400), { latency: 3 });
  const recorder = recordLateness(player);
  await player.play();
  clock.advance(1000);
  recorder.stop();
  // insert-cell and the first keystroke are due at once, when Play is pressed.
  assert.deepEqual(recorder.samples, [0, 0, 3, 3, 3, 3]);
  assert.deepEqual(recorder.summary(), { count: 6, p50: 3, p99: 3, max: 3 });
});

test('lateness percentiles are nearest-rank', () => {
  const samples = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.deepEqual(summarizeLateness(samples), { count: 100, p50: 50, p99: 99, max: 100 });
  assert.deepEqual(summarizeLateness([]), { count: 0, p50: 0, p99: 0, max: 0 });
});
