/**
 * Reading jupyter-collaboration's YStore: the SQLite database
 * (`.jupyter_ystore.db` by default) where the server keeps every Yjs update
 * of every document with its time, table `yupdates(path, yupdate, metadata,
 * timestamp)`, one `path` per document (`.notebook:<file id>.y`).
 *
 * The reader is sql.js, SQLite compiled to WebAssembly and published on npm
 * with the WebAssembly inside: it installs from the registry alone, with no
 * native build and no binary downloaded at install time, runs on Node 20
 * (whose `node:sqlite` came in 22.5), and reads a copy of the file in memory,
 * so the database is never written, not even locked.
 *
 * Which document is the notebook: the room writes the file's path into its
 * document (`state.path`, as jupyter_ydoc keeps it), so the store itself
 * says; no other database (jupyter-server-fileid's) is needed.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import initSqlJs, { type Database } from 'sql.js';
import * as Y from 'yjs';
import type { StoredUpdate } from '../recorder/index.js';

/** Why a file is not a YStore we can read, in words for the message. */
export class NotAYStoreError extends Error {}

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_HEADER = 'SQLite format 3\0';

export interface StoredDocument {
  /** The store's name for it (`.notebook:<file id>.y`). */
  room: string;
  /** The file's path as the server saw it last (relative to its root). */
  path: string | undefined;
  updates: StoredUpdate[];
}

/** Every notebook in the store with its updates (times in ms). Rejects with `NotAYStoreError`. */
export async function readYStore(bytes: Uint8Array): Promise<StoredDocument[]> {
  if (bytes.length < SQLITE_HEADER.length || new TextDecoder('latin1').decode(bytes.subarray(0, SQLITE_HEADER.length)) !== SQLITE_HEADER) {
    throw new NotAYStoreError('it is not an SQLite database');
  }
  const SQL = await initSqlJs({ locateFile: (file: string) => `${dirname(createRequire(import.meta.url).resolve('sql.js'))}/${file}` });
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (error) {
    throw new NotAYStoreError(`SQLite cannot open it (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    const columns = tableColumns(db, 'yupdates');
    if (!columns) {
      throw new NotAYStoreError('it is an SQLite database without the YStore table `yupdates`');
    }
    for (const needed of ['path', 'yupdate', 'timestamp']) {
      if (!columns.includes(needed)) {
        throw new NotAYStoreError(`its table \`yupdates\` has no column \`${needed}\``);
      }
    }
    const byRoom = new Map<string, StoredUpdate[]>();
    const statement = db.prepare("SELECT path, yupdate, timestamp FROM yupdates WHERE path LIKE '.notebook:%'");
    try {
      while (statement.step()) {
        const [room, update, timestamp] = statement.get() as [string, Uint8Array | null, number];
        if (!(update instanceof Uint8Array) || typeof timestamp !== 'number') {
          continue;
        }
        let list = byRoom.get(room);
        if (!list) {
          byRoom.set(room, (list = []));
        }
        // The store keeps seconds (Python's time.time()).
        list.push({ update, timestamp: timestamp * 1000 });
      }
    } finally {
      statement.free();
    }
    return [...byRoom].map(([room, updates]) => ({ room, path: pathOf(updates), updates }));
  } catch (error) {
    if (error instanceof NotAYStoreError) {
      throw error;
    }
    throw new NotAYStoreError(`reading it failed (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    db.close();
  }
}

function tableColumns(db: Database, table: string): string[] | undefined {
  const result = db.exec(`PRAGMA table_info(${table})`);
  return result.length ? result[0].values.map(row => String(row[1])) : undefined;
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
