/**
 * `notecast record --from-ystore`: the store is untrusted input and an input
 * like any other. Every store here is a real SQLite file built in the test.
 */
import assert from 'node:assert/strict';
import { closeSync, linkSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { filterPrematureAccessWarnings } from '../../../src/cli/yjs-warnings.js';
import { ReadLimitError, readYStore, YSTORE_LIMITS } from '../../../src/cli/ystore.js';
import { runBin, runCli } from './run-cli.js';
import { fileIdFile, sqliteFile, YSTORE_SCHEMA, ystoreFile } from './sqlite-files.js';

filterPrematureAccessWarnings();

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'notecast-ystore-'));
}

const LESSON = { fileId: 'aaaa-1111', path: 'lesson.ipynb', source: 'x = 6 * 7', openedAt: 1_700_000_000 };

test('-o naming the YStore or the fileid database, directly, through a symlink, a hard link or stdin, exits 2 and leaves it untouched', async () => {
  const dir = freshDir();
  const store = join(dir, 'store.db');
  const fileIds = join(dir, 'file_id_manager.db');
  writeFileSync(store, await ystoreFile([LESSON]));
  writeFileSync(fileIds, await fileIdFile([{ id: LESSON.fileId, path: join(dir, 'lesson.ipynb'), ino: 1 }]));
  symlinkSync(store, join(dir, 'store-link.db'));
  linkSync(store, join(dir, 'store-hard.db'));
  const before = { store: readFileSync(store), fileIds: readFileSync(fileIds) };
  const base = ['record', '--path', 'lesson.ipynb', '--fileid-db', fileIds];
  for (const output of [store, join(dir, 'store-link.db'), join(dir, 'store-hard.db'), join(dir, '.', 'store.db')]) {
    const result = await runCli(...base, '--from-ystore', store, '-o', output);
    assert.equal(result.code, 2, `-o ${output}: ${result.stderr}`);
    assert.match(result.stderr, /is the same file as the input of --from-ystore ".*store\.db"; .*choose another -o path/);
  }
  const overFileIds = await runCli(...base, '--from-ystore', store, '-o', fileIds);
  assert.equal(overFileIds.code, 2, overFileIds.stderr);
  assert.match(overFileIds.stderr, /the input of --fileid-db /);
  // The store on stdin, -o naming the same file.
  const fd = openSync(store, 'r');
  try {
    const piped = runBin([...base, '--from-ystore', '-', '-o', store], { stdio: [fd, 'pipe', 'pipe'] });
    assert.equal(piped.code, 2, piped.stderr);
    assert.match(piped.stderr, /is the same file as the input of --from-ystore stdin/);
  } finally {
    closeSync(fd);
  }
  assert.deepEqual(readFileSync(store), before.store, 'the store is as it was');
  assert.deepEqual(readFileSync(fileIds), before.fileIds, 'the fileid database is as it was');
  assert.deepEqual(readdirSync(dir).sort(), ['file_id_manager.db', 'store-hard.db', 'store-link.db', 'store.db'], 'no file was created');
  // And the same store, to another -o, is recorded.
  const ok = await runCli(...base, '--from-ystore', store, '-o', join(dir, 'lesson.md'));
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(readFileSync(join(dir, 'lesson.md'), 'utf8'), /x = 6 \* 7/);
});

/** Stores whose `yupdates` computes instead of holding rows: each is refused from the schema alone, at once. */
const HOSTILE_STORES: Array<[string, string, RegExp]> = [
  [
    'a view over an endless recursive query',
    "CREATE VIEW yupdates AS WITH RECURSIVE r(path, yupdate, metadata, timestamp) AS (SELECT '.notebook:x.y', x'00', NULL, 0 UNION ALL SELECT path, yupdate, metadata, timestamp + 1 FROM r) SELECT * FROM r;",
    /its `yupdates` is a view, not a table/
  ],
  [
    'a view of huge blobs',
    "CREATE VIEW yupdates AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT '.notebook:x.y' AS path, zeroblob(100000000) AS yupdate, NULL AS metadata, n AS timestamp FROM r;",
    /its `yupdates` is a view, not a table/
  ],
  [
    'a table whose blob is a generated column',
    "CREATE TABLE yupdates (path TEXT, yupdate BLOB GENERATED ALWAYS AS (zeroblob(1000000000)) VIRTUAL, metadata BLOB, timestamp REAL); INSERT INTO yupdates (path, timestamp) VALUES ('.notebook:x.y', 1);",
    /its table `yupdates` has generated or hidden columns \(`yupdate`\)/
  ],
  ['a virtual table', 'CREATE VIRTUAL TABLE yupdates USING fts4(path, yupdate, metadata, timestamp);', /its `yupdates` is a virtual table, not a table/],
  [
    'a table of other columns',
    'CREATE TABLE yupdates (path TEXT, yupdate BLOB, timestamp REAL, extra TEXT);',
    /has the columns path, yupdate, timestamp, extra, not path, yupdate, metadata, timestamp/
  ],
  ['no yupdates at all', 'CREATE TABLE other (a);', /it has no table `yupdates`/]
];

for (const [what, sql, message] of HOSTILE_STORES) {
  test(`a store with ${what} is refused at once with exit 1`, { timeout: 30_000 }, async () => {
    const dir = freshDir();
    const store = join(dir, 'store.db');
    writeFileSync(store, await sqliteFile(sql));
    assert.ok(statSync(store).size < 64 * 1024, 'a small file');
    const started = performance.now();
    const result = await runCli('record', '--from-ystore', store, '--path', 'lesson.ipynb');
    const seconds = (performance.now() - started) / 1000;
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /store\.db: error: not a YStore: /);
    assert.match(result.stderr, message);
    assert.ok(seconds < 5, `refused in ${seconds.toFixed(2)} s`);
    assert.equal(result.stdout, '');
  });
}

test('reading a store stops at its bounds on rows and bytes, with the bound it passed', async () => {
  const notebooks = Array.from({ length: 5 }, (_, index) => ({ ...LESSON, fileId: `id-${index}`, path: `n${index}.ipynb` }));
  const bytes = await ystoreFile(notebooks);
  const all = await readYStore(bytes);
  assert.equal(all.length, 5);
  const rows = all.reduce((sum, document) => sum + document.updates.length, 0);
  await assert.rejects(readYStore(bytes, { rows: rows - 1, bytes: 1e9 }), (error: unknown) => error instanceof ReadLimitError && error.bound === 'rows');
  assert.equal((await readYStore(bytes, { rows, bytes: 1e9 })).length, 5, 'exactly at the bound is fine');
  await assert.rejects(
    readYStore(bytes, { rows: 1e6, bytes: 100 }),
    (error: unknown) => error instanceof ReadLimitError && error.bound === 'bytes' && error.limit === 100
  );
});

test("two documents with the notebook's path: the one changed last, and a warning naming both", async () => {
  const dir = freshDir();
  const store = join(dir, 'store.db');
  // The older document first in the table, as a store that saw the first notebook first has it.
  const older = { ...LESSON, fileId: 'old-id', source: 'old = 1', openedAt: 1_700_000_000 };
  const newer = { ...LESSON, fileId: 'new-id', source: 'new = 2', openedAt: 1_700_050_000 };
  writeFileSync(store, await ystoreFile([older, newer]));
  const result = await runCli('record', '--from-ystore', store, '--path', 'lesson.ipynb', '--fileid-db', join(dir, 'absent.db'));
  assert.equal(result.code, 1, 'an absent --fileid-db given is an error');
  assert.match(result.stderr, /absent\.db: error: cannot read jupyter-server-fileid's database: no such file/);
  const chosen = await runCli('record', '--from-ystore', store, '--path', 'lesson.ipynb');
  assert.equal(chosen.code, 0, chosen.stderr);
  assert.match(chosen.stdout, /new = 2/);
  assert.doesNotMatch(chosen.stdout, /old = 1/);
  assert.match(
    chosen.stderr,
    /store\.db: warning: 2 documents in this YStore have the path lesson\.ipynb .*recording \.notebook:new-id\.y \(last changed 2023-11-15T.*\), the one changed last.*; not \.notebook:old-id\.y \(last changed 2023-11-14T/
  );
});

test("two documents with the notebook's path: the one jupyter-server-fileid maps the path to now, whatever their times", async () => {
  const dir = freshDir();
  const store = join(dir, 'store.db');
  const notebook = join(dir, 'lesson.ipynb');
  writeFileSync(notebook, '{}');
  // The document served now was changed before the deleted one's last change.
  const deleted = { ...LESSON, fileId: 'deleted-id', source: 'deleted = 1', openedAt: 1_700_050_000 };
  const served = { ...LESSON, fileId: 'served-id', source: 'served = 2', openedAt: 1_700_000_000 };
  writeFileSync(store, await ystoreFile([served, deleted]));
  const fileIds = join(dir, 'file_id_manager.db');
  // LocalFileIdManager keeps a deleted file's row, at the same path: the inode tells them apart.
  writeFileSync(
    fileIds,
    await fileIdFile([
      { id: 'deleted-id', path: notebook, ino: statSync(notebook).ino + 1 },
      { id: 'served-id', path: notebook, ino: statSync(notebook).ino }
    ])
  );
  const result = await runCli('record', '--from-ystore', store, '--path', 'lesson.ipynb', '--fileid-db', fileIds);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /served = 2/);
  assert.match(
    result.stderr,
    /recording \.notebook:served-id\.y .*the file id .*file_id_manager\.db gives lesson\.ipynb now; not \.notebook:deleted-id\.y/
  );
  // A fileid database that is not one is said so, and not used.
  writeFileSync(fileIds, await sqliteFile('CREATE VIEW Files AS SELECT 1 AS id, 2 AS path;'));
  const refused = await runCli('record', '--from-ystore', store, '--path', 'lesson.ipynb', '--fileid-db', fileIds);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /file_id_manager\.db: error: not jupyter-server-fileid's database: its `Files` is a view, not a table/);
});

test('a relative --path is relative to --root, from whatever folder the command runs in', async () => {
  const root = freshDir();
  mkdirSync(join(root, 'week1'));
  const store = join(root, '.jupyter_ystore.db');
  writeFileSync(store, await ystoreFile([{ ...LESSON, path: 'week1/intro.ipynb', source: 'intro = 1' }]));
  for (const cwd of [join(root, 'week1'), root, tmpdir()]) {
    const result = runBin(['record', '--from-ystore', store, '--path', 'week1/intro.ipynb', '--root', root], { cwd });
    assert.equal(result.code, 0, `from ${cwd}: ${result.stderr}`);
    assert.match(result.stdout, /intro = 1/);
  }
  // A path on disk is still turned into the server's name.
  const absolute = runBin(['record', '--from-ystore', store, '--path', join(root, 'week1', 'intro.ipynb')], { cwd: tmpdir() });
  assert.equal(absolute.code, 0, absolute.stderr);
});

test('a store with more notebook rows than the limit ends with the limit, the file and what to do', { timeout: 120_000 }, async () => {
  const dir = freshDir();
  const store = join(dir, 'store.db');
  writeFileSync(
    store,
    await sqliteFile(
      `${YSTORE_SCHEMA} WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r LIMIT ${YSTORE_LIMITS.rows + 1}) INSERT INTO yupdates SELECT '.notebook:x.y', x'00', NULL, n FROM r;`
    )
  );
  const started = performance.now();
  const result = await runCli('record', '--from-ystore', store, '--path', 'lesson.ipynb');
  assert.equal(result.code, 1, result.stderr);
  assert.match(
    result.stderr,
    /store\.db: error: it holds more than 2,000,000 rows of notebook history, the most read: copy the notebook's own rows into a smaller database .* and give that/
  );
  console.log(`# refused in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
