/**
 * What a teacher's player publishes while it broadcasts, and how a learner's
 * side reads it back: one field, `notecast`, in the awareness of the
 * notebook's shared document (jupyter-collaboration syncs a document's
 * awareness to every client of its room). The document itself stays a plain
 * notebook: nothing of the broadcast is ever written into it (docs/explanation/architecture.md,
 * "Where it runs").
 *
 * Awareness is written by every client of the room, so what arrives is
 * untrusted: `readBroadcast` accepts only the exact shape below, with bounded
 * strings and numbers in range, and everything else is ignored as if no one
 * were broadcasting.
 */
import { STATES, type PlayerState } from '../player/index.js';

/** The awareness field a broadcasting player sets. */
export const BROADCAST_FIELD = 'notecast';

/** Bumped when the shape changes; a follower ignores versions it does not know. */
export const BROADCAST_VERSION = 1;

/** Longest path, title or name read from a remote client (characters). */
const MAX_TEXT = 1_000;

/** Where the teacher's player is, as every follower sees it. */
export interface BroadcastState {
  version: typeof BROADCAST_VERSION;
  /** The tutorial's path from the server's root, as the teacher opened it (the follower loads the same file). */
  tutorial: string;
  /** The tutorial's title, for the follower's offer before its file is loaded. */
  title: string;
  /** The current step, 0-based; `steps` when the tutorial has ended. */
  step: number;
  /** How many steps the tutorial has. */
  steps: number;
  state: PlayerState;
  /** The teacher's playback speed (1 = as written). */
  speed: number;
  /** When this state was published (ms since the epoch, the teacher's clock). */
  time: number;
}

/** Someone in the room who is broadcasting. */
export interface Broadcaster {
  /** The awareness client id of the broadcasting tab. */
  clientId: number;
  /** The name the teacher's Jupyter server gave them (display name, else name, else user name). */
  name: string;
  broadcast: BroadcastState;
}

/** What the teacher's player knows; the published state adds the version and the time. */
export type BroadcastSource = Omit<BroadcastState, 'version' | 'time'>;

/** The value to set as the awareness field, stamped with `now`. */
export function broadcastState(source: BroadcastSource, now: number = Date.now()): BroadcastState {
  return { version: BROADCAST_VERSION, ...source, time: now };
}

/** `value` as a broadcast state, or undefined when it is not exactly one (anything from the network). */
export function readBroadcast(value: unknown): BroadcastState | undefined {
  if (!isRecord(value) || value.version !== BROADCAST_VERSION) {
    return undefined;
  }
  const { tutorial, title, step, steps, state, speed, time } = value;
  if (!isText(tutorial) || tutorial === '' || !isText(title)) {
    return undefined;
  }
  if (!isCount(steps) || steps < 1 || !isCount(step) || step > steps) {
    return undefined;
  }
  if (typeof state !== 'string' || !Object.hasOwn(STATES, state)) {
    return undefined;
  }
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || typeof time !== 'number' || !Number.isFinite(time)) {
    return undefined;
  }
  return { version: BROADCAST_VERSION, tutorial, title, step, steps, state: state as PlayerState, speed, time };
}

/**
 * Everyone broadcasting in `states` (an awareness's `getStates()`), but `self`
 * (this tab's own client id), the most recently published first.
 */
export function broadcastersIn(states: ReadonlyMap<number, unknown>, self: number): Broadcaster[] {
  const found: Broadcaster[] = [];
  for (const [clientId, state] of states) {
    if (clientId === self || !isRecord(state)) {
      continue;
    }
    const broadcast = readBroadcast(state[BROADCAST_FIELD]);
    if (broadcast) {
      found.push({ clientId, name: userName(state.user), broadcast });
    }
  }
  return found.sort((a, b) => b.broadcast.time - a.broadcast.time);
}

/**
 * The field the collaboration server's own awareness state carries while a
 * broadcast makes its room read-only for everyone but the broadcaster
 * (Notecast's server extension, `jupyterlab_notecast/classroom`).
 */
export const READ_ONLY_ROOM_FIELD = 'notecastRoom';

/**
 * Whether the room says `broadcaster` (an awareness client id) has made it
 * read-only: the server drops everyone else's edits. Without the server
 * extension no state says so, and a follower's edits reach everyone.
 */
export function roomReadOnlyFor(states: ReadonlyMap<number, unknown>, broadcaster: number): boolean {
  for (const state of states.values()) {
    const room = isRecord(state) ? state[READ_ONLY_ROOM_FIELD] : undefined;
    if (isRecord(room) && room.readOnly === true && room.broadcaster === broadcaster) {
      return true;
    }
  }
  return false;
}

/** The name of an awareness `user` field (jupyter-collaboration sets the server's identity there). */
function userName(user: unknown): string {
  if (isRecord(user)) {
    for (const key of ['display_name', 'name', 'username']) {
      const value = user[key];
      if (isText(value) && value.trim() !== '') {
        return value.trim();
      }
    }
  }
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TEXT;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100_000;
}
