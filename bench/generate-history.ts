import initSqlJs from 'sql.js';
import * as Y from 'yjs';
import type { StoredUpdate } from '../src/recorder/index.js';

/**
 * A long stored history for benchmarks: `steps` stretches of work a minute
 * and more apart (each becomes a step), in a notebook of 20 cells laid out as
 * @jupyter/ydoc lays one out: a value selected and typed over a keystroke
 * at a time (an edit inside the text, so cells stay their size and time
 * measures the history's length alone, and 50k steps fit the 10 MiB a
 * tutorial may be), and a run, every tenth with output. Written on a plain Y.Doc: a
 * YNotebook's own observers would make generating 50k steps take minutes.
 */
export function generateHistory(steps: number, path: string): StoredUpdate[] {
  const doc = new Y.Doc();
  const cells = doc.getArray<Y.Map<unknown>>('cells');
  doc.transact(() => {
    doc.getMap('state').set('path', path);
    for (let i = 0; i < 20; i++) {
      const cell = new Y.Map<unknown>();
      cell.set('id', `cell-${i}`);
      cell.set('cell_type', 'code');
      cell.set('source', new Y.Text(`# cell ${i}\nv${i} = 0`));
      cell.set('metadata', new Y.Map());
      cell.set('outputs', new Y.Array());
      cell.set('execution_count', null);
      cells.push([cell]);
    }
  });
  let clock = 1_700_000_000_000;
  const updates: StoredUpdate[] = [{ update: Y.encodeStateAsUpdate(doc), timestamp: clock }];
  doc.on('update', (update: Uint8Array) => updates.push({ update, timestamp: clock }));
  for (let step = 0; step < steps; step++) {
    clock += 61_000;
    const cell = cells.get(step % 20);
    const text = cell.get('source') as Y.Text;
    // Select the value after `= ` and type the next one over it.
    const source = text.toJSON();
    const at = source.indexOf('= ') + 2;
    text.delete(at, source.length - at);
    for (const char of `${step}`) {
      clock += 150;
      text.insert(text.length, char);
    }
    clock += 800;
    const outputs = cell.get('outputs') as Y.Array<unknown>;
    doc.transact(() => {
      cell.set('execution_count', step + 1);
      outputs.delete(0, outputs.length);
    });
    if (step % 10 === 0) {
      clock += 50;
      outputs.push([{ output_type: 'stream', name: 'stdout', text: `${step}\n` }]);
    }
  }
  doc.destroy();
  return updates;
}

/** A YStore database holding `updates` as jupyter-collaboration keeps them (times in seconds). */
export async function ystoreOf(updates: readonly StoredUpdate[]): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    db.run('CREATE TABLE yupdates (path TEXT NOT NULL, yupdate BLOB, metadata BLOB, timestamp REAL NOT NULL DEFAULT 0.0)');
    const insert = db.prepare('INSERT INTO yupdates VALUES (?, ?, NULL, ?)');
    db.run('BEGIN');
    for (const { update, timestamp } of updates) {
      insert.run(['.notebook:bench.y', update, timestamp / 1000]);
    }
    db.run('COMMIT');
    insert.free();
    return db.export();
  } finally {
    db.close();
  }
}
