/**
 * One worker thread of the classroom benchmark's followers
 * (classroom-followers.ts): joins its share of the class as JupyterLab's
 * document provider joins, one after the other until the class's seating
 * time is up, then answers the main thread's messages. Arrivals are stamped
 * with `epochNow()` the moment a follower's document holds a new teacher
 * clock, so the main thread can subtract the teacher's send times.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { filterPrematureAccessWarnings } from '../src/cli/yjs-warnings.js';
import { BROADCAST_FIELD, readBroadcast } from '../src/session/index.js';
import { sleep } from '../test/e2e/jupyter-server.js';
import { joinNotebookRoom, type RoomClient } from '../test/helpers/collaboration-room.js';
import { epochNow, type Arrivals, type FollowerWorkerData, type FromFollowers, type ToFollowers } from './classroom-followers.js';

if (!parentPort) {
  throw new Error('classroom-followers.worker.js runs only as a worker thread of the classroom benchmark');
}
const port = parentPort;
const { serverUrl, notebook, teacherId, first, count, seatBy } = workerData as FollowerWorkerData;
const answer = (message: FromFollowers): void => port.postMessage(message);

filterPrematureAccessWarnings();

const followers: RoomClient[] = [];
const arrivals: Arrivals[] = [];
const fieldDelays: number[] = [];
let leaving = false;

port.on('message', (message: ToFollowers) => {
  switch (message.type) {
    case 'start':
      startRecording();
      answer({ type: 'started' });
      break;
    case 'renew':
      renew();
      break;
    case 'collect':
      void collect(message.clock, message.expectedSources, message.waitMs);
      break;
    case 'leave':
      leaving = true;
      followers.forEach(follower => follower.dispose());
      answer({ type: 'left' });
      break;
  }
});

await seat();

/** Joins the worker's followers one by one, each join bounded by the time left to seat the class. */
async function seat(): Promise<void> {
  let error: string | undefined;
  for (let i = first; i < first + count && !leaving; i++) {
    const timeoutMs = Math.floor(seatBy - epochNow());
    if (timeoutMs <= 0) {
      break;
    }
    try {
      followers.push(await joinNotebookRoom(serverUrl, notebook, { user: { username: `learner-${i}`, name: `Learner ${i}` }, timeoutMs }));
    } catch (reason) {
      // A join cut short by the class's seating time is the stall the run reports, not an error.
      if (epochNow() < seatBy) {
        error = reason instanceof Error ? reason.message : String(reason);
      }
      break;
    }
  }
  if (leaving) {
    followers.forEach(follower => follower.dispose());
  }
  answer({ type: 'seated', ids: followers.map(follower => follower.notebook.awareness.clientID), error });
}

/** From now on every new teacher clock and every change of the broadcast field is recorded. */
function startRecording(): void {
  for (const follower of followers) {
    const { ydoc, awareness } = follower.notebook;
    const record: Arrivals = { clocks: [], times: [] };
    arrivals.push(record);
    let last = Y.getState(ydoc.store, teacherId);
    ydoc.on('update', () => {
      const clock = Y.getState(ydoc.store, teacherId);
      if (clock > last) {
        last = clock;
        record.clocks.push(clock);
        record.times.push(epochNow());
      }
    });
    let lastTime = 0;
    awareness.on('change', () => {
      const broadcast = readBroadcast(awareness.getStates().get(teacherId)?.[BROADCAST_FIELD]);
      if (broadcast && broadcast.time !== lastTime) {
        lastTime = broadcast.time;
        fieldDelays.push(Date.now() - broadcast.time);
      }
    });
  }
}

/** Every follower renews its awareness state, as y-protocols does 15 s after its last change; tells when all heard the teacher's. */
function renew(): void {
  const waiting = new Set(followers);
  type Change = { added: number[]; updated: number[] };
  for (const follower of followers) {
    const { awareness } = follower.notebook;
    const listener = ({ added, updated }: Change) => {
      if (added.includes(teacherId) || updated.includes(teacherId)) {
        awareness.off('update', listener);
        waiting.delete(follower);
        if (!waiting.size) {
          answer({ type: 'heard', at: epochNow() });
        }
      }
    };
    awareness.on('update', listener);
  }
  for (const { notebook: shared } of followers) {
    shared.awareness.setLocalState(shared.awareness.getLocalState());
  }
  answer({ type: 'renewed' });
  if (!followers.length) {
    answer({ type: 'heard', at: epochNow() });
  }
}

async function collect(clock: number, expectedSources: string, waitMs: number): Promise<void> {
  const deadline = epochNow() + waitMs;
  const holds = () => followers.every(follower => Y.getState(follower.notebook.ydoc.store, teacherId) >= clock);
  while (!holds() && epochNow() < deadline) {
    await sleep(50);
  }
  const sources = (client: RoomClient) => JSON.stringify(client.notebook.cells.map(cell => `${cell.cell_type}:${cell.getSource()}`));
  answer({
    type: 'collected',
    caughtUp: holds(),
    arrivals,
    fieldDelays,
    matching: followers.filter(follower => sources(follower) === expectedSources).length
  });
}
