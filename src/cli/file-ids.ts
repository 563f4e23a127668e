/**
 * jupyter-server-fileid's database (`file_id_manager.db` in Jupyter's data
 * folder): which file id the server gives each path. Table `Files(id, path)`
 * (its ArbitraryFileIdManager) or `Files(id, path, ino, crtime, mtime,
 * is_dir)` (its LocalFileIdManager, the default, which keeps the rows of
 * deleted files, so one path can have several ids: the file there now is
 * the one with its inode). Read as untrusted input, like a YStore.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { boundedRows, openDatabase, requireTable } from './sqlite-file.js';

/** The most of a file id database that is read. */
export const FILE_ID_LIMITS = { fileBytes: 256 * 1024 * 1024, rows: 100_000, bytes: 64 * 1024 * 1024 } as const;

export interface FileIdRecord {
  id: string;
  /** As the manager keeps it: a path on disk (Local) or the server's path under its root (Arbitrary). */
  path: string;
  /** The file's inode when it was indexed (LocalFileIdManager only). */
  inode?: number;
}

/** The records of `ids`. Rejects with `DatabaseShapeError` or `ReadLimitError`. */
export async function readFileIds(bytes: Uint8Array, ids: readonly string[]): Promise<FileIdRecord[]> {
  const db = await openDatabase(bytes);
  try {
    const columns = requireTable(db, 'Files', ['id', 'path'], ['ino', 'crtime', 'mtime', 'is_dir']);
    const inode = columns.includes('ino') ? 'ino' : 'NULL';
    const sql = `SELECT id, path, ${inode} FROM Files WHERE id IN (${ids.map(() => '?').join(', ')})`;
    const records: FileIdRecord[] = [];
    for (const [id, path, ino] of boundedRows(db, sql, [...ids], FILE_ID_LIMITS)) {
      if (typeof id === 'string' && typeof path === 'string') {
        records.push({ id, path, inode: typeof ino === 'number' ? ino : undefined });
      }
    }
    return records;
  } finally {
    db.close();
  }
}

/** Where jupyter-server-fileid keeps its database by default: `jupyter --data-dir`/file_id_manager.db. */
export function defaultFileIdDatabase(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  return join(jupyterDataDir(env, platform, home), 'file_id_manager.db');
}

/** Jupyter's data folder, as jupyter_core's `jupyter_data_dir()` finds it. */
function jupyterDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (env.JUPYTER_DATA_DIR) {
    return env.JUPYTER_DATA_DIR;
  }
  if (platform === 'darwin') {
    return join(home, 'Library', 'Jupyter');
  }
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'jupyter');
  }
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'jupyter');
}
