import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import initSqlJs from 'sql.js';
import * as Y from 'yjs';
import { runCli } from '../cli/run-cli.js';

/**
 * `notecast record` on a real YStore file: a history it cannot write is
 * refused with exit 1, a message naming the notebook, and no file; one it
 * can is written so that `notecast check` accepts it.
 */
async function ystore(dir: string, change: (doc: Y.Doc) => void): Promise<string> {
  const doc = new Y.Doc();
  const updates: Array<[Uint8Array, number]> = [];
  doc.on('update', (update: Uint8Array) => updates.push([update, updates.length + 1]));
  doc.transact(() => {
    doc.getMap('state').set('path', 'lesson.ipynb');
    const cell = new Y.Map<unknown>();
    cell.set('id', 'c0');
    cell.set('cell_type', 'code');
    cell.set('source', new Y.Text('1 / 0'));
    cell.set('outputs', new Y.Array());
    doc.getArray('cells').push([cell]);
  });
  doc.transact(() => change(doc));
  doc.destroy();
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE yupdates (path TEXT NOT NULL, yupdate BLOB, metadata BLOB, timestamp REAL NOT NULL DEFAULT 0.0)');
  for (const [update, seconds] of updates) {
    db.run('INSERT INTO yupdates VALUES (?, ?, NULL, ?)', ['.notebook:x.y', update, seconds]);
  }
  const file = join(dir, '.jupyter_ystore.db');
  writeFileSync(file, db.export());
  db.close();
  return file;
}

const firstCell = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('cells').get(0);

test('record refuses what it cannot write, naming the notebook, and writes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'notecast-record-'));
  try {
    const out = join(dir, 'out.md');
    const broken = await ystore(dir, doc => firstCell(doc).set('source', 42));
    let run = await runCli('record', '--from-ystore', broken, '--path', 'lesson.ipynb', '-o', out);
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      /error: cannot record lesson\.ipynb: it is not a notebook as Jupyter writes one: the source of cell 1 \(id "c0"\) is the number 42, not text/
    );
    assert.doesNotMatch(run.stderr, /internal error/);
    assert.equal(existsSync(out), false);

    const windows = await ystore(dir, doc => (firstCell(doc).get('source') as Y.Text).insert(5, '\r\nprint(2)'));
    run = await runCli('record', '--from-ystore', windows, '--path', 'lesson.ipynb', '-o', out);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /cannot record lesson\.ipynb: cell 1 \(id "c0"\) holds a carriage return/);
    assert.equal(existsSync(out), false);

    const raised = await ystore(dir, doc => {
      firstCell(doc).set('execution_count', 1);
      (firstCell(doc).get('outputs') as Y.Array<unknown>).push([
        { output_type: 'error', ename: 'ZeroDivisionError', evalue: 'division by zero', traceback: [] }
      ]);
    });
    run = await runCli('record', '--from-ystore', raised, '--path', 'lesson.ipynb', '-o', out);
    assert.equal(run.code, 0, run.stderr);
    assert.match(readFileSync(out, 'utf8'), /::run\{cell=cell-1 error="ZeroDivisionError"\}/);
    const check = await runCli('check', out);
    assert.equal(check.code, 0, check.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
