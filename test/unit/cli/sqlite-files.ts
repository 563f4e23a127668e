/**
 * Real SQLite files for the CLI's database inputs, built with sql.js (the
 * same SQLite the CLI reads them with): a jupyter-collaboration YStore with
 * notebooks in it, jupyter-server-fileid's database, and hostile variants.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { YNotebook } from '@jupyter/ydoc';
import initSqlJs, { type Database } from 'sql.js';
import * as Y from 'yjs';

/** The table pycrdt's SQLiteYStore creates. */
export const YSTORE_SCHEMA =
  'CREATE TABLE yupdates (path TEXT NOT NULL, yupdate BLOB, metadata BLOB, timestamp REAL NOT NULL); CREATE INDEX idx_yupdates_path_timestamp ON yupdates (path, timestamp);';

/** jupyter-server-fileid's LocalFileIdManager table. */
export const FILE_ID_SCHEMA =
  'CREATE TABLE Files(id TEXT PRIMARY KEY NOT NULL, path TEXT NOT NULL, ino INTEGER NOT NULL UNIQUE, crtime INTEGER, mtime INTEGER NOT NULL, is_dir TINYINT NOT NULL);';

export interface StoredNotebook {
  fileId: string;
  /** The server's path, written into the document's state as the room does. */
  path: string;
  /** The code of its one cell, typed after it was opened. */
  source: string;
  /** When it was opened, in seconds; the edit comes one second later. */
  openedAt: number;
}

async function newDatabase(): Promise<Database> {
  const SQL = await initSqlJs({ locateFile: (file: string) => `${dirname(createRequire(import.meta.url).resolve('sql.js'))}/${file}` });
  return new SQL.Database();
}

/** A database file made of `sql`, then `fill` run on it. */
export async function sqliteFile(sql: string, fill?: (db: Database) => void): Promise<Uint8Array> {
  const db = await newDatabase();
  try {
    db.exec(sql);
    fill?.(db);
    return db.export();
  } finally {
    db.close();
  }
}

/** A YStore holding each notebook's history: the room's snapshot when opened, then its cell typed. */
export function ystoreFile(notebooks: readonly StoredNotebook[]): Promise<Uint8Array> {
  return sqliteFile(YSTORE_SCHEMA, db => {
    for (const notebook of notebooks) {
      const room = `.notebook:${notebook.fileId}.y`;
      const model = YNotebook.create();
      model.ydoc.getMap('state').set('path', notebook.path);
      const rows: Array<[Uint8Array, number]> = [[Y.encodeStateAsUpdate(model.ydoc), notebook.openedAt]];
      model.ydoc.on('update', (update: Uint8Array) => rows.push([update, notebook.openedAt + 1]));
      model.insertCell(0, { cell_type: 'code', source: notebook.source });
      for (const [update, timestamp] of rows) {
        db.run('INSERT INTO yupdates VALUES (?, ?, NULL, ?)', [room, update, timestamp]);
      }
      model.dispose();
    }
  });
}

/** jupyter-server-fileid's database with these records. */
export function fileIdFile(records: ReadonlyArray<{ id: string; path: string; ino: number }>): Promise<Uint8Array> {
  return sqliteFile(FILE_ID_SCHEMA, db => {
    for (const { id, path, ino } of records) {
      db.run('INSERT INTO Files VALUES (?, ?, ?, 0, 0, 0)', [id, path, ino]);
    }
  });
}
