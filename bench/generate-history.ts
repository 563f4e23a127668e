import initSqlJs from 'sql.js';
import * as Y from 'yjs';
import type { StoredUpdate } from '../src/recorder/index.js';

/**
 * A long stored history for benchmarks: `steps` stretches of work a minute
 * and more apart (each becomes a step), in a notebook of 20 cells laid out as
 * @jupyter/ydoc lays one out: a line typed a keystroke at a time, every few
 * steps an edit inside a line, the oldest line deleted once a cell has ten
 * (so cells stay the size real ones are, and time measures the history's
 * length alone), and a run with its output. Written on a plain Y.Doc: a
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
      cell.set('source', new Y.Text(`# cell ${i}\n`));
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
    for (const char of `v${step} = ${step}\n`) {
      clock += 150;
      text.insert(text.length, char);
    }
    const source = text.toJSON();
    if (step % 5 === 4) {
      clock += 500;
      text.insert(source.lastIndexOf(' = ') + 1, '+');
    }
    if (source.split('\n').length > 10) {
      clock += 500;
      text.delete(0, source.indexOf('\n') + 1);
    }
    clock += 800;
    cell.set('execution_count', step + 1);
    clock += 50;
    const outputs = cell.get('outputs') as Y.Array<unknown>;
    doc.transact(() => {
      outputs.delete(0, outputs.length);
      outputs.push([{ output_type: 'stream', name: 'stdout', text: `${step}\n` }]);
    });
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
