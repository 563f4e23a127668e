/**
 * A recording from a document's stored history: the Yjs updates
 * jupyter-collaboration keeps for a notebook, each with its time. Replayed in
 * time order into a fresh Y.Doc under the same recorder as a live session,
 * so both feed one converter (`tutorialFromRecording`).
 *
 * The first update is the state the room started from (the notebook as it
 * was loaded): that is where the recording starts. With `since`, everything
 * before it is the starting state instead.
 */
import * as Y from 'yjs';
import type { Recording } from './recording.js';
import { RecordingRefusedError } from './refusal.js';
import { YDocRecorder } from './ydoc-recorder.js';

export interface StoredUpdate {
  /** A Yjs update (version 1 encoding), as the store keeps it. */
  update: Uint8Array;
  /** When it was stored, in ms. */
  timestamp: number;
}

export interface HistoryOptions {
  title: string;
  /** The kernel spec; by default the one in the notebook's metadata, else `python3`. */
  kernel?: string;
  /** Start the recording here (ms): earlier updates make the starting state. */
  since?: number;
}

/**
 * A notebook's history, as jupyter-collaboration's YStore keeps it (one row
 * per Yjs update, with its time), read back as a `Recording`: the state the
 * room started from, then every change in time order. Rows may come in any
 * order. Write the recording as a tutorial with `tutorialFromRecording`; the
 * `notecast record --from-ystore` command does both, reading the store for you.
 *
 * Throws `RecordingRefusedError` when the history is not a notebook's (see
 * `notebook-shape.ts`).
 *
 * @param updates - the rows of the notebook's room: `update` (Yjs update,
 *   version 1) and `timestamp` (ms).
 * @param options - the tutorial's `title`; `kernel` and `since` (ms) optional.
 *
 * @example
 * ```ts
 * import { recordingFromHistory, tutorialFromRecording } from 'jupyterlab-notecast/recorder';
 *
 * const recording = recordingFromHistory(rows, { title: 'Exploring the data' });
 * const { markdown, notes } = tutorialFromRecording(recording);
 * // `markdown` is a tutorial `notecast check` accepts; `notes` say where to write narration.
 * ```
 */
export function recordingFromHistory(updates: readonly StoredUpdate[], options: HistoryOptions): Recording {
  // Rows come in no guaranteed order; equal times keep the order they were given in.
  const ordered = updates.map((entry, index) => ({ ...entry, index })).sort((a, b) => a.timestamp - b.timestamp || a.index - b.index);
  const doc = new Y.Doc();
  try {
    const since = options.since ?? ordered[0]?.timestamp ?? 0;
    let next = 0;
    // The starting state: the first update (the room's snapshot) and all before `since`.
    while (next < ordered.length && (next === 0 || ordered[next].timestamp < since)) {
      apply(doc, ordered[next++]);
    }
    let now = ordered[next - 1]?.timestamp ?? since;
    const startedAt = Math.max(now, since);
    // Every update here is the history's own: none is "remote" to it.
    const recorder = new YDocRecorder(doc, { now: () => now, accept: () => true, runsFromDocument: true });
    for (; next < ordered.length && !recorder.problem; next++) {
      now = ordered[next].timestamp;
      apply(doc, ordered[next]);
    }
    recorder.stop();
    if (recorder.problem) {
      throw recorder.problem;
    }
    return {
      title: options.title,
      kernel: options.kernel ?? kernelOf(doc) ?? 'python3',
      startedAt,
      endedAt: Math.max(startedAt, now),
      initial: recorder.initial,
      events: recorder.events
    };
  } finally {
    doc.destroy();
  }
}

function apply(doc: Y.Doc, entry: StoredUpdate & { index: number }): void {
  try {
    Y.applyUpdate(doc, entry.update);
  } catch (error) {
    throw new RecordingRefusedError(
      `its update stored at ${Math.abs(entry.timestamp) < 8.64e15 ? new Date(entry.timestamp).toISOString() : entry.timestamp} is not a Yjs update Jupyter could have written (${error instanceof Error ? error.message : String(error)})`
    );
  }
}

/** The kernel spec name @jupyter/ydoc keeps in the notebook's metadata. */
function kernelOf(doc: Y.Doc): string | undefined {
  let meta: Y.Map<unknown>;
  try {
    meta = doc.getMap('meta');
  } catch {
    return undefined; // `meta` of another shape: no kernel said
  }
  const metadata = meta.get('metadata') as { kernelspec?: { name?: unknown } } | Y.Map<unknown> | undefined;
  const spec = metadata instanceof Y.Map ? (metadata.get('kernelspec') as { name?: unknown } | undefined) : metadata?.kernelspec;
  return typeof spec?.name === 'string' ? spec.name : undefined;
}
