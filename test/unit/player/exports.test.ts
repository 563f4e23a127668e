import assert from 'node:assert/strict';
import { test } from 'node:test';

/** The player's index.ts is its whole public surface: pin it, so a change is a decision. */
test('the public surface of the player', async () => {
  assert.deepEqual(Object.keys(await import('../../../src/player/index.js')).sort(), [
    'EVENTS',
    'MAX_SPEED',
    'MIN_SPEED',
    'ManualClock',
    'Player',
    'STATES',
    'TRANSITIONS',
    'realClock',
    'realScheduler',
    'transition'
  ]);
});
