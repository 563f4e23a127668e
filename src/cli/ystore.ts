/**
 * Reading jupyter-collaboration's YStore: the SQLite database
 * (`.jupyter_ystore.db` by default) where the server keeps every Yjs update
 * of every document with its time, table `yupdates(path, yupdate, metadata,
 * timestamp)`, one `path` per document (`.notebook:<file id>.y`). The file is
 * untrusted (see `sqlite-file.ts`): only that table, of those columns, is
 * read, and at most `YSTORE_LIMITS` of it.
 *
 * Which document is the notebook: the room writes the file's path into its
 * document (`state.path`, as jupyter_ydoc keeps it), so the store itself
 * says; which of several documents with that path is the one served now is
 * for `choose-document.ts`.
 */
import * as Y from 'yjs';
import type { StoredUpdate } from '../recorder/index.js';
import { boundedRows, DatabaseShapeError, openDatabase, ReadLimitError, requireTable, type ReadBounds } from './sqlite-file.js';

export { DatabaseShapeError as NotAYStoreError, ReadLimitError } from './sqlite-file.js';

/** The most a YStore is read: its file, the notebook updates in it, and their bytes. */
export const YSTORE_LIMITS = {
  /** The file is read whole into memory, as SQLite compiled to WebAssembly needs. */
  fileBytes: 1024 * 1024 * 1024,
  rows: 2_000_000,
  bytes: 512 * 1024 * 1024
} as const;

/** The store's name for a notebook's document: `.notebook:<file id>.y`. */
const NOTEBOOK_ROOM = /^\.notebook:(.*)\.y$/s;

export interface StoredDocument {
  /** The store's name for it (`.notebook:<file id>.y`). */
  room: string;
  /** jupyter-server-fileid's id of the file, from the room's name. */
  fileId: string | undefined;
  /** The file's path as the server saw it last (relative to its root). */
  path: string | undefined;
  updates: StoredUpdate[];
  /** The time of its last update, in ms. */
  lastChange: number;
}

/**
 * Every notebook in the store with its updates (times in ms). Rejects with
 * `NotAYStoreError` for a file that is not a YStore and `ReadLimitError`
 * past `YSTORE_LIMITS`.
 */
export async function readYStore(bytes: Uint8Array, limits: ReadBounds = YSTORE_LIMITS): Promise<StoredDocument[]> {
  const db = await openDatabase(bytes);
  try {
    requireTable(db, 'yupdates', ['path', 'yupdate', 'metadata', 'timestamp']);
    const byRoom = new Map<string, StoredUpdate[]>();
    const rows = boundedRows(db, "SELECT path, yupdate, timestamp FROM yupdates WHERE path LIKE '.notebook:%'", [], limits);
    for (const [room, update, timestamp] of rows) {
      if (typeof room !== 'string' || !(update instanceof Uint8Array) || typeof timestamp !== 'number') {
        continue;
      }
      let list = byRoom.get(room);
      if (!list) {
        byRoom.set(room, (list = []));
      }
      // The store keeps seconds (Python's time.time()).
      list.push({ update, timestamp: timestamp * 1000 });
    }
    return [...byRoom].map(([room, updates]) => ({
      room,
      fileId: NOTEBOOK_ROOM.exec(room)?.[1],
      path: pathOf(updates),
      updates,
      lastChange: updates.reduce((latest, { timestamp }) => Math.max(latest, timestamp), -Infinity)
    }));
  } catch (error) {
    if (error instanceof DatabaseShapeError || error instanceof ReadLimitError) {
      throw error;
    }
    throw new DatabaseShapeError(`reading it failed (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    db.close();
  }
}

/** The path the room last wrote into the document's state, replaying its updates. */
function pathOf(updates: StoredUpdate[]): string | undefined {
  const doc = new Y.Doc();
  try {
    for (const { update } of [...updates].sort((a, b) => a.timestamp - b.timestamp)) {
      try {
        Y.applyUpdate(doc, update);
      } catch {
        return undefined;
      }
    }
    const path = doc.getMap('state').get('path');
    return typeof path === 'string' ? path : undefined;
  } finally {
    doc.destroy();
  }
}
