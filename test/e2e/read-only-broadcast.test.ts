/**
 * A broadcast notebook is read-only by rule, on the server: headless clients
 * of a real jupyter-collaboration room (with Notecast's server extension, as
 * the package installs it) as a teacher who broadcasts and two followers.
 * A follower's edit reaches neither the teacher nor the other follower; the
 * room says it is read-only; a follower's awareness goes to the teacher only;
 * once the broadcast ends, the room takes everyone's changes again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BROADCAST_FIELD, broadcastState } from '../../src/session/index.js';
import type { RoomClient } from '../helpers/collaboration-room.js';
import { sleep } from './jupyter-server.js';
import { oneCellNotebook, roomSuite, until } from './room-suite.js';

/** The field of the room's own awareness that says it is read-only. */
const ROOM_FIELD = 'notecastRoom';

const suite = roomSuite({ 'class.ipynb': oneCellNotebook('x = 1') });

const join = (name: string): Promise<RoomClient> => suite.join('class.ipynb', { user: { username: name } });

/** What a client holds of the notebook, as bytes would compare it. */
const content = (client: RoomClient): string => JSON.stringify(client.notebook.toJSON());

/** The room's own awareness state, as `client` sees it: the one state that names the room. */
function roomState(client: RoomClient): { readOnly?: boolean; broadcaster?: number } | undefined {
  for (const state of client.notebook.awareness.getStates().values()) {
    const room = state[ROOM_FIELD] as { readOnly?: boolean; broadcaster?: number } | null | undefined;
    if (room) return room;
  }
  return undefined;
}

/** `from`'s awareness field `field` as `to` sees it. */
const seen = (to: RoomClient, from: RoomClient, field: string): unknown =>
  to.notebook.awareness.getStates().get(from.notebook.awareness.clientID)?.[field];

let teacher: RoomClient;
let anna: RoomClient;
let ben: RoomClient;

test(
  "a follower's edit to a broadcast notebook reaches neither the teacher nor another follower, and the room says it is read-only",
  { timeout: 60_000 },
  async () => {
    teacher = await join('teacher');
    anna = await join('anna');
    ben = await join('ben');
    teacher.notebook.awareness.setLocalStateField(
      BROADCAST_FIELD,
      broadcastState({ tutorial: 'tutorials/01-python-basics.md', title: 'Python basics', step: 0, steps: 6, state: 'playing', speed: 1 })
    );
    await until(() => roomState(anna)?.readOnly === true && roomState(ben)?.readOnly === true, 'the followers see the room is read-only');
    assert.equal(roomState(anna)?.broadcaster, teacher.notebook.awareness.clientID, 'the room names the broadcasting client');

    const before = content(teacher);
    assert.equal(content(anna), before);
    assert.equal(content(ben), before);
    anna.notebook.cells[0].updateSource(0, 0, '# anna was here\n');
    anna.notebook.insertCell(1, { cell_type: 'code', source: 'import os; os.remove("class.ipynb")' });
    // Anna's awareness change after her edit passes through the same connection, in order:
    // once the teacher has it, the edit would have arrived too.
    anna.notebook.awareness.setLocalStateField('probe', 1);
    await until(() => seen(teacher, anna, 'probe') === 1, "the teacher has Anna's later awareness");
    // The teacher's own change after that reaches Ben, so anything relayed before it has too.
    teacher.notebook.cells[0].updateSource(5, 5, '\ny = 2');
    await until(() => ben.notebook.cells[0]?.getSource() === 'x = 1\ny = 2', "Ben has the teacher's edit");
    await until(() => teacher.notebook.cells[0]?.getSource() === 'x = 1\ny = 2', 'the teacher has their own edit');

    assert.equal(teacher.notebook.cells.length, 1, "Anna's new cell reached the teacher");
    assert.equal(teacher.notebook.cells[0].getSource(), 'x = 1\ny = 2', "Anna's typing reached the teacher");
    assert.equal(content(ben), content(teacher), "Ben's notebook is not the teacher's, byte for byte");
    assert.equal(seen(ben, anna, 'probe'), undefined, "Anna's awareness was relayed to Ben, another follower");
    // Anna keeps what she typed locally; the room never took it.
    assert.match(anna.notebook.cells[0].getSource(), /^# anna was here/);
  }
);

test('a follower who claims to broadcast too is still a follower', { timeout: 30_000 }, async () => {
  ben.notebook.awareness.setLocalStateField(
    BROADCAST_FIELD,
    broadcastState({ tutorial: 'tutorials/02-functions-and-errors.md', title: 'Functions', step: 0, steps: 4, state: 'playing', speed: 1 })
  );
  const before = content(teacher);
  ben.notebook.cells[0].updateSource(0, 0, '# ben\n');
  ben.notebook.awareness.setLocalStateField('probe', 2);
  await until(() => seen(teacher, ben, 'probe') === 2, "the teacher has Ben's later awareness");
  await sleep(200);
  assert.equal(content(teacher), before, "Ben's edit reached the teacher after he claimed to broadcast");
  assert.equal(roomState(teacher)?.broadcaster, teacher.notebook.awareness.clientID, 'the room names Ben as its broadcaster');
  ben.notebook.awareness.setLocalStateField(BROADCAST_FIELD, null);
});

test("the teacher learns that a follower left; when the broadcast ends, the room takes everyone's changes again", { timeout: 60_000 }, async () => {
  const benId = ben.notebook.awareness.clientID;
  assert.notEqual(teacher.notebook.awareness.getStates().get(benId), undefined, 'the teacher does not see Ben follow');
  ben.dispose();
  await until(() => teacher.notebook.awareness.getStates().get(benId) === undefined, 'the teacher sees Ben leave', 15_000);

  teacher.notebook.awareness.setLocalStateField(BROADCAST_FIELD, null);
  await until(() => roomState(anna) === undefined, 'Anna sees the room is no longer read-only');
  const carol = await join('carol');
  carol.notebook.cells[0].updateSource(0, 0, '# carol\n');
  await until(() => teacher.notebook.cells[0]?.getSource().startsWith('# carol\n') === true, "the teacher has Carol's edit once no one broadcasts");
});
