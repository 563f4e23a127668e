import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BROADCAST_FIELD, broadcastersIn, broadcastState, readBroadcast, roomReadOnlyFor } from '../../../src/session/index.js';

const source = { tutorial: 'tutorials/01.md', title: 'Python basics', step: 2, steps: 5, state: 'playing' as const, speed: 2 };

test('a published state reads back as itself', () => {
  const state = broadcastState(source, 1_000);
  assert.deepEqual(readBroadcast(JSON.parse(JSON.stringify(state))), state);
  assert.equal(state.time, 1_000);
});

test('anything but the exact shape reads as no broadcast', () => {
  const good = broadcastState(source, 1);
  const bad: unknown[] = [
    undefined,
    null,
    'notecast',
    [],
    { ...good, version: 2 },
    { ...good, tutorial: '' },
    { ...good, tutorial: 'x'.repeat(1_001) },
    { ...good, title: 7 },
    { ...good, step: 6 },
    { ...good, step: -1 },
    { ...good, step: 1.5 },
    { ...good, steps: 0 },
    { ...good, state: 'dancing' },
    { ...good, state: 'toString' },
    { ...good, speed: 0 },
    { ...good, speed: Number.NaN },
    { ...good, time: 'now' }
  ];
  for (const value of bad) {
    assert.equal(readBroadcast(value), undefined, JSON.stringify(value));
  }
  // The end of the tutorial (step = steps) is a position like any other.
  assert.ok(readBroadcast({ ...good, step: 5, state: 'ended' }));
});

test('broadcasters are the other clients with a valid field, newest first, named from their user', () => {
  const states = new Map<number, unknown>([
    [1, { user: { display_name: 'Me' }, [BROADCAST_FIELD]: broadcastState(source, 5) }],
    [2, { user: { display_name: ' Ada Lovelace ', name: 'ada' }, [BROADCAST_FIELD]: broadcastState(source, 10) }],
    [3, { user: { name: 'grace' }, [BROADCAST_FIELD]: broadcastState({ ...source, step: 4 }, 20) }],
    [4, { user: { display_name: 'Learner' } }],
    [5, { [BROADCAST_FIELD]: { hostile: true } }],
    [6, { user: 'not a record', [BROADCAST_FIELD]: broadcastState(source, 1) }]
  ]);
  const found = broadcastersIn(states, 1);
  assert.deepEqual(
    found.map(b => [b.clientId, b.name, b.broadcast.step]),
    [
      [3, 'grace', 4],
      [2, 'Ada Lovelace', 2],
      [6, '', 2]
    ]
  );
});

test("a room is read-only for a broadcaster only when the room's own state says so, for that broadcaster", () => {
  const states = new Map<number, unknown>([
    [1, { notecastRoom: { readOnly: true, broadcaster: 7, name: 'Ada' } }],
    [7, { user: { name: 'Ada' } }]
  ]);
  assert.equal(roomReadOnlyFor(states, 7), true);
  assert.equal(roomReadOnlyFor(states, 8), false, 'another broadcaster is not the one the room names');
  assert.equal(roomReadOnlyFor(new Map([[1, { notecastRoom: null }]]), 7), false, 'the broadcast ended');
  assert.equal(roomReadOnlyFor(new Map([[1, { notecastRoom: { readOnly: 'yes', broadcaster: 7 } }]]), 7), false);
  assert.equal(roomReadOnlyFor(new Map([[1, 'not a state']]), 7), false);
});
