/**
 * Reading an SQLite database that came from elsewhere (a server's YStore,
 * jupyter-server-fileid's index) as untrusted input, as SQLite's own advice
 * for such files has it: a name in the schema may be a view or a generated
 * column that computes without end, so only a real table of the expected
 * columns is read, with the schema's functions distrusted, and every read is
 * bounded in rows and bytes.
 *
 * The reader is sql.js, SQLite compiled to WebAssembly and published on npm
 * with the WebAssembly inside: it installs from the registry alone, with no
 * native build and no binary downloaded at install time, runs on Node 20
 * (whose `node:sqlite` came in 22.5), and reads a copy of the file in memory,
 * so the database is never written, not even locked.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';

/** Why a file is not the database expected, in words for a message. */
export class DatabaseShapeError extends Error {}

/** A read went past one of its bounds; nothing read is used. */
export class ReadLimitError extends Error {
  constructor(
    /** `rows` or `bytes`. */
    readonly bound: keyof ReadBounds,
    readonly limit: number
  ) {
    super(`more than ${limit} ${bound}`);
  }
}

/** The most a query may return: rows, and bytes of text and blobs in them. */
export interface ReadBounds {
  rows: number;
  bytes: number;
}

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_HEADER = 'SQLite format 3\0';

/** Open a copy of the file's bytes. Rejects with `DatabaseShapeError`. */
export async function openDatabase(bytes: Uint8Array): Promise<Database> {
  if (bytes.length < SQLITE_HEADER.length || new TextDecoder('latin1').decode(bytes.subarray(0, SQLITE_HEADER.length)) !== SQLITE_HEADER) {
    throw new DatabaseShapeError('it is not an SQLite database');
  }
  const SQL = await initSqlJs({ locateFile: (file: string) => `${dirname(createRequire(import.meta.url).resolve('sql.js'))}/${file}` });
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    // Functions named in the schema (views, triggers, generated columns) are not run.
    db.exec('PRAGMA trusted_schema = OFF');
    db.exec('PRAGMA query_only = ON');
    return db;
  } catch (error) {
    db?.close();
    throw new DatabaseShapeError(`SQLite cannot open it (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * Require `name` to be an ordinary table (not a view, a virtual table or a
 * table with generated or hidden columns) whose columns are all of
 * `required` and no others than `required` and `optional`. Returns its
 * columns. Only the schema is read: nothing computes.
 */
export function requireTable(db: Database, name: string, required: readonly string[], optional: readonly string[] = []): string[] {
  let entries;
  try {
    entries = db.exec('SELECT type, sql FROM sqlite_master WHERE lower(name) = lower(?)', [name]);
  } catch (error) {
    throw new DatabaseShapeError(`SQLite cannot read its schema (${error instanceof Error ? error.message : String(error)})`);
  }
  const [entry] = entries.length ? entries[0].values : [];
  if (!entry) {
    throw new DatabaseShapeError(`it has no table \`${name}\``);
  }
  const [type, sql] = entry;
  if (type !== 'table' || !/^\s*CREATE\s+TABLE\b/i.test(String(sql ?? ''))) {
    throw new DatabaseShapeError(`its \`${name}\` is ${type === 'table' ? 'a virtual table' : `a ${String(type)}`}, not a table`);
  }
  const info = db.exec(`PRAGMA table_xinfo("${name.replace(/"/g, '""')}")`);
  const rows = info.length ? info[0].values : [];
  // table_xinfo: cid, name, type, notnull, dflt_value, pk, hidden (0: an ordinary column).
  const columns = rows.map(row => String(row[1]));
  const computed = rows.filter(row => row[6] !== 0).map(row => String(row[1]));
  if (computed.length) {
    throw new DatabaseShapeError(`its table \`${name}\` has generated or hidden columns (${computed.map(c => `\`${c}\``).join(', ')})`);
  }
  const missing = required.filter(column => !columns.includes(column));
  const unexpected = columns.filter(column => !required.includes(column) && !optional.includes(column));
  if (missing.length || unexpected.length) {
    const expected = [...required, ...optional].join(', ');
    throw new DatabaseShapeError(`its table \`${name}\` has the columns ${columns.join(', ') || '(none)'}, not ${expected}`);
  }
  return columns;
}

/**
 * The rows of a query, one at a time, stopping with `ReadLimitError` as soon
 * as they pass `bounds`: no more than one row past the limit is read.
 */
export function* boundedRows(db: Database, sql: string, params: SqlValue[], bounds: ReadBounds): Generator<SqlValue[]> {
  const statement = db.prepare(sql, params);
  try {
    let rows = 0;
    let bytes = 0;
    while (statement.step()) {
      const row = statement.get();
      rows++;
      for (const value of row) {
        bytes += value instanceof Uint8Array || typeof value === 'string' ? value.length : 8;
      }
      if (rows > bounds.rows) {
        throw new ReadLimitError('rows', bounds.rows);
      }
      if (bytes > bounds.bytes) {
        throw new ReadLimitError('bytes', bounds.bytes);
      }
      yield row;
    }
  } finally {
    statement.free();
  }
}
