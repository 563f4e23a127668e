import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EVENTS, STATES, TRANSITIONS, transition, type PlayerEvent, type PlayerState } from '../../../src/player/index.js';

const states = Object.keys(STATES) as PlayerState[];
const events = Object.keys(EVENTS) as PlayerEvent[];

test('the tables name the eight states and lead only to states', () => {
  assert.deepEqual(states, ['idle', 'playing', 'waiting-for-kernel', 'waiting-for-learner', 'paused', 'taken-over', 'ended', 'error']);
  assert.deepEqual(Object.keys(TRANSITIONS), states);
  for (const state of states) {
    for (const [event, target] of Object.entries(TRANSITIONS[state])) {
      assert.ok(events.includes(event as PlayerEvent), `${state}: unknown event ${event}`);
      assert.ok(states.includes(target), `${state} --${event}--> unknown state ${target}`);
    }
  }
});

test('an event that means nothing in a state is a no-op', () => {
  assert.equal(transition('paused', 'pause'), 'paused');
  assert.equal(transition('ended', 'pause'), 'ended');
  assert.equal(transition('idle', 'run-finished'), 'idle');
  assert.equal(transition('error', 'play'), 'error');
});

test('play cannot take control back from the learner; only resume can', () => {
  assert.equal(transition('taken-over', 'play'), 'taken-over');
  assert.equal(transition('taken-over', 'resume'), 'playing');
});

test('a seek leaves every state for paused, so a learner is never stuck', () => {
  for (const state of states) {
    assert.equal(transition(state, 'seek'), 'paused', state);
  }
});

test('a kernel result that arrives while paused or taken over does not restart playback', () => {
  for (const state of ['paused', 'taken-over'] as const) {
    assert.equal(transition(state, 'run-finished'), state);
    assert.equal(transition(state, 'run-failed'), state);
  }
  assert.equal(transition('waiting-for-kernel', 'run-finished'), 'playing');
  assert.equal(transition('waiting-for-kernel', 'run-failed'), 'paused');
});

test('the learner can take over from any state where the tutorial has started, and from no other', () => {
  const takeable = states.filter(state => transition(state, 'take-over') === 'taken-over' && state !== 'taken-over');
  assert.deepEqual(takeable, ['playing', 'waiting-for-kernel', 'waiting-for-learner', 'paused']);
});
