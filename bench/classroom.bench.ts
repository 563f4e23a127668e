/**
 * A classroom on this machine: a teacher broadcasting a tutorial to 30
 * followers through a real jupyter-collaboration server (.venv-rtc). The
 * teacher is the DOM-free playback session playing a project tutorial at 4×
 * on the real clock into its notebook, joined to the room; it publishes its
 * place in the awareness field a broadcasting player sets. The followers are
 * 30 more clients of the room, joined as JupyterLab's document provider joins
 * (test/helpers/collaboration-room.ts). All of them run in this one process,
 * so one clock times the teacher's transactions and their arrival at every
 * follower. No kernel: runs succeed at once, which is all document
 * propagation needs.
 *
 * Measured: the delay from each teacher transaction to each follower's
 * document holding it (p50, p99, max over every follower × transaction
 * pair), that every follower ends with the teacher's notebook, the delay of
 * the broadcast field, and the server's memory per follower.
 *
 * The server is set up as the README tells a class to
 * (examples/classroom/jupyter_server_config.py: the objects loaded before it is read
 * frozen out of Python's garbage collections). For comparison the same class
 * runs again on a server at Python's defaults, whose full collections stop
 * the relaying for about 70 ms each here, and once with followers that
 * publish no awareness state: the room relays every client's awareness to
 * every client (30² messages each time they all renew it, every 15 s, and at
 * every cursor move in a real class), and the teacher's document updates wait
 * behind them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { compile } from '../src/compiler/index.js';
import type { Script } from '../src/format/index.js';
import { realClock, realScheduler } from '../src/player/index.js';
import { BROADCAST_FIELD, PlaybackSession, broadcastState, readBroadcast } from '../src/session/index.js';
import { CLASS_SERVER_CONFIG, REPO_ROOT, RTC_JUPYTER, sleep, startJupyterServer } from '../test/e2e/jupyter-server.js';
import { joinNotebookRoom, type RoomClient } from '../test/helpers/collaboration-room.js';
import type { BenchRow } from './measure.js';

const FOLLOWERS = 30;
const SPEED = 4;
const TARGET_P99_MS = 100;
/** The longest of the project's tutorials (1:33 at 1×), with the notebook the lab opens beside it. */
const TUTORIAL = 'tutorials/01-python-basics.md';
const NOTEBOOK = 'tutorials/01-python-basics.ipynb';
const EMPTY_NOTEBOOK = `${JSON.stringify({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
/** How long the followers may take to catch up once the teacher has ended. */
const CATCH_UP_MS = 10_000;

/** One teacher transaction: the teacher's clock after it, and when it was made. */
interface Sent {
  clock: number;
  at: number;
}

export async function benchClassroom(): Promise<BenchRow[]> {
  // The server as the README's "Teaching a class" sets it up (examples/classroom): the class measured against the target.
  const rows = await classroom({ serverConfig: CLASS_SERVER_CONFIG, quietFollowers: false });
  // For comparison, the same class on a server left at Python's defaults: its full garbage
  // collections (about 70 ms each here) stop the relaying of the teacher's updates.
  const plain = await classroom({ quietFollowers: false });
  // And with followers that publish no awareness state (no user, no cursor): what the room's
  // relaying of every client's awareness to every client costs the document's updates.
  const quiet = await classroom({ serverConfig: CLASS_SERVER_CONFIG, quietFollowers: true });
  return [
    ...rows,
    ...comparison(plain, "on a server with Python's default garbage collection"),
    ...comparison(quiet, 'followers with no awareness state')
  ];
}

/** The delay rows of another run of the class, labelled with what differs. */
function comparison(rows: BenchRow[], differs: string): BenchRow[] {
  return rows
    .filter(row => row.measure.startsWith('teacher → follower document delay'))
    .map(row => ({ measure: `${row.measure}, ${differs} (for comparison)`, value: row.value }));
}

async function classroom({ serverConfig, quietFollowers }: { serverConfig?: string; quietFollowers: boolean }): Promise<BenchRow[]> {
  const script = loadScript(TUTORIAL);
  const server = await startJupyterServer({ jupyter: RTC_JUPYTER, serverConfig, copy: [TUTORIAL], files: { [NOTEBOOK]: EMPTY_NOTEBOOK } });
  const clients: RoomClient[] = [];
  try {
    const teacher = await joinNotebookRoom(server.url, NOTEBOOK, { user: { username: 'teacher', name: 'Teacher' } });
    clients.push(teacher);
    const doc = teacher.notebook.ydoc;
    const teacherId = doc.clientID;
    const session = new PlaybackSession({
      script,
      notebook: teacher.notebook,
      clock: realClock,
      scheduler: realScheduler,
      speed: SPEED,
      frontEnd: { runCell: () => Promise.resolve({ ok: true }) }
    });
    // The server gives an empty notebook one empty cell: start from the tutorial's first step, as the lab does.
    if (session.hasLearnerChanges()) {
      await session.restore(0);
    }
    await sleep(1_000);

    const rssBefore = serverRss(server.pid);
    for (let i = 0; i < FOLLOWERS; i++) {
      clients.push(await joinNotebookRoom(server.url, NOTEBOOK, { user: { username: `learner-${i + 1}`, name: `Learner ${i + 1}` } }));
    }
    const followers = clients.slice(1);
    if (quietFollowers) {
      for (const follower of followers) {
        follower.notebook.awareness.setLocalState(null);
      }
    }
    await sleep(1_000);
    const rssAfter = serverRss(server.pid);

    // Only what the teacher does from here on is measured: the followers already hold the rest.
    const sent: Sent[] = [];
    let lastClock = Y.getState(doc.store, teacherId);
    doc.on('update', () => {
      const clock = Y.getState(doc.store, teacherId);
      if (clock > lastClock) {
        lastClock = clock;
        sent.push({ clock, at: performance.now() });
      }
    });
    const delays: number[] = [];
    const fieldDelays: number[] = [];
    for (const follower of followers) {
      let seen = 0;
      follower.notebook.ydoc.on('update', () => {
        const now = performance.now();
        const clock = Y.getState(follower.notebook.ydoc.store, teacherId);
        for (; seen < sent.length && sent[seen].clock <= clock; seen++) {
          delays.push(now - sent[seen].at);
        }
      });
      let lastTime = 0;
      follower.notebook.awareness.on('change', () => {
        const broadcast = readBroadcast(follower.notebook.awareness.getStates().get(teacherId)?.[BROADCAST_FIELD]);
        if (broadcast && broadcast.time !== lastTime) {
          lastTime = broadcast.time;
          fieldDelays.push(Date.now() - broadcast.time);
        }
      });
    }

    const cpuBefore = serverCpuSeconds(server.pid);
    const outcome = await playToEnd(session, teacher, TUTORIAL);
    const cpuDuring = serverCpuSeconds(server.pid) - cpuBefore;
    const played = sent.length;
    const caughtUp = await waitFor(() => followers.every(f => Y.getState(f.notebook.ydoc.store, teacherId) >= lastClock), CATCH_UP_MS);
    const expected = JSON.stringify(sources(teacher));
    const diverged = followers.filter(f => JSON.stringify(sources(f)) !== expected).length;
    session.dispose();
    const round = await awarenessRound(clients, server.pid);

    const stats = percentiles(delays);
    const field = percentiles(fieldDelays);
    const complete = delays.length === played * FOLLOWERS;
    const perFollower = (rssAfter - rssBefore) / FOLLOWERS;
    const label = `${FOLLOWERS} followers, ${TUTORIAL} at ${SPEED}× (no kernel: runs succeed at once), server ${serverConfig ? `with ${serverConfig}` : 'at its defaults'}`;
    return [
      {
        measure: `${label}: teacher's transactions`,
        value: `${played} in ${(outcome.ms / 1000).toFixed(1)} s (${outcome.state})`,
        ok: outcome.state === 'ended'
      },
      {
        measure: 'delay samples (transaction × follower)',
        value: `${delays.length} of ${played * FOLLOWERS}`,
        target: 'all',
        ok: complete && caughtUp
      },
      {
        measure: 'teacher → follower document delay p50 / p90 / max',
        value: `${stats.p50.toFixed(1)} / ${stats.p90.toFixed(1)} / ${stats.max.toFixed(1)} ms`
      },
      {
        measure: 'teacher → follower document delay p99',
        value: `${stats.p99.toFixed(1)} ms`,
        target: `< ${TARGET_P99_MS} ms`,
        ok: delays.length > 0 && stats.p99 < TARGET_P99_MS
      },
      {
        measure: "followers whose notebook equals the teacher's (cell types and sources)",
        value: `${FOLLOWERS - diverged} of ${FOLLOWERS}`,
        target: 'all',
        ok: diverged === 0 && sources(teacher).length > 0
      },
      {
        measure: `broadcast field (${BROADCAST_FIELD}) delay p50 / max (${fieldDelays.length} changes seen)`,
        value: `${field.p50.toFixed(0)} / ${field.max.toFixed(0)} ms`
      },
      { measure: 'server CPU while the tutorial played', value: `${cpuDuring.toFixed(1)} s in ${(outcome.ms / 1000).toFixed(1)} s` },
      {
        measure: `server CPU for one awareness round (all ${clients.length} clients renew, as each does every 15 s; ${clients.length}² messages relayed)`,
        value: round ? `${round.cpu.toFixed(2)} s, relayed in ${round.ms.toFixed(0)} ms` : `not relayed within ${CATCH_UP_MS} ms`
      },
      {
        measure: `server RSS before / after ${FOLLOWERS} followers joined`,
        value: `${mib(rssBefore)} / ${mib(rssAfter)} MiB`
      },
      { measure: 'server memory per follower', value: `${(perFollower / 1024).toFixed(0)} KiB` }
    ];
  } finally {
    for (const client of clients.reverse()) {
      client.dispose();
    }
    await server.stop();
  }
}

function loadScript(path: string): Script {
  const { script, file } = compile(readFileSync(join(REPO_ROOT, path), 'utf8'), { path });
  if (!script) {
    throw new Error(`${path} does not compile: ${file.messages.map(String).join('; ')}`);
  }
  return script;
}

/**
 * Plays the tutorial to its end as a broadcasting teacher would: the
 * broadcast field set on every step and state change, and every pause for
 * the learner continued at once.
 */
function playToEnd(session: PlaybackSession, teacher: RoomClient, tutorial: string): Promise<{ state: string; ms: number }> {
  const { player, script } = session;
  const publish = () =>
    teacher.notebook.awareness.setLocalStateField(
      BROADCAST_FIELD,
      broadcastState({ tutorial, title: script.title, step: player.step, steps: script.steps.length, state: player.state, speed: SPEED })
    );
  const start = performance.now();
  return new Promise(resolve => {
    player.on('stepChanged', publish);
    player.on('stateChanged', ({ state }) => {
      publish();
      if (state === 'waiting-for-learner' || state === 'paused') {
        setTimeout(() => void player.play(), 0);
      } else if (state === 'ended' || state === 'error' || state === 'taken-over') {
        resolve({ state, ms: performance.now() - start });
      }
    });
    publish();
    void player.play();
  });
}

/** The notebook's cells as the followers must see them. */
function sources(client: RoomClient): string[] {
  return client.notebook.cells.map(cell => `${cell.cell_type}:${cell.getSource()}`);
}

/**
 * Every client renews its awareness state at once, as y-protocols does for
 * each client 15 s after its last change (clients that joined together renew
 * together): how long until every client has heard every renewal, and the
 * server CPU it took. The server relays each renewal to every client of the
 * room, the sender included, so a round is clients² messages.
 */
async function awarenessRound(clients: RoomClient[], pid: number): Promise<{ ms: number; cpu: number } | undefined> {
  const heard = clients.map(() => 0);
  const listeners = clients.map((client, index) => {
    const listener = () => heard[index]++;
    client.notebook.awareness.on('update', listener);
    return listener;
  });
  const cpu = serverCpuSeconds(pid);
  const start = performance.now();
  for (const { notebook } of clients) {
    notebook.awareness.setLocalState(notebook.awareness.getLocalState());
  }
  // Each client hears its own renewal at once (the server's echo of it is not an update), and every other one relayed.
  const relayed = await waitFor(() => heard.every(count => count >= clients.length), CATCH_UP_MS);
  const ms = performance.now() - start;
  clients.forEach((client, index) => client.notebook.awareness.off('update', listeners[index]));
  return relayed ? { ms, cpu: serverCpuSeconds(pid) - cpu } : undefined;
}

/** The CPU time process `pid` has used, user and system, in seconds (Linux /proc). */
function serverCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The resident memory of process `pid`, in bytes (Linux /proc). */
function serverRss(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) {
    throw new Error(`no VmRSS in /proc/${pid}/status: is the Jupyter server (pid ${pid}) still running?`);
  }
  return Number(match[1]) * 1024;
}

async function waitFor(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) {
      return false;
    }
    await sleep(50);
  }
  return true;
}

function percentiles(values: number[]): { p50: number; p90: number; p99: number; max: number } {
  if (!values.length) {
    return { p50: NaN, p90: NaN, p99: NaN, max: NaN };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1] };
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
