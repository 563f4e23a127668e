/**
 * The learner's notebook and the copies of their versions are made next to a
 * tutorial without ever writing over a file that is there: run against an
 * in-memory folder that answers as Jupyter's contents API does (404 for a
 * missing file, 400 for a notebook it cannot read, 409 for a rename onto an
 * existing file).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FolderNotListedError, myVersionName, notebookFor, saveNotebookCopy, skippedNotice } from '../../../src/lab/notebook/files.js';
import type { Translations } from '../../../src/format/index.js';
import { httpError, MemoryContents, settle } from '../../helpers/memory-contents.js';
import { fromRoot } from '../../helpers/paths.js';

const TUTORIAL = 'lessons/lesson.md';
const notebookOf = (tutorial: string, extra: object = {}): string =>
  JSON.stringify({ cells: [], metadata: { notecast: { tutorial, ...extra } }, nbformat: 4, nbformat_minor: 5 });
const theirNotebook = JSON.stringify({
  cells: [{ cell_type: 'code', source: 'mine = 1', metadata: {}, outputs: [], execution_count: 3 }],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5
});

function tutorialOf(contents: MemoryContents, path: string): unknown {
  return (JSON.parse(contents.files.get(path)!) as { metadata: { notecast?: { tutorial?: string } } }).metadata.notecast?.tutorial;
}

test('a notebook that is not valid JSON is left byte for byte; the tutorial gets the next free name, and the notice says why', async () => {
  const corrupt = '{not json \u0000\u00ff';
  const contents = new MemoryContents({ [TUTORIAL]: '# Step', 'lessons/lesson.ipynb': corrupt });
  const choice = await notebookFor(contents.api, TUTORIAL, 'python3');
  assert.equal(contents.files.get('lessons/lesson.ipynb'), corrupt);
  assert.deepEqual({ path: choice.path, created: choice.created }, { path: 'lessons/lesson-1.ipynb', created: true });
  assert.equal(tutorialOf(contents, 'lessons/lesson-1.ipynb'), TUTORIAL);
  assert.deepEqual(
    choice.skipped.map(file => file.path),
    ['lessons/lesson.ipynb']
  );
  const notice = skippedNotice(choice) ?? '';
  assert.match(notice, /lesson\.ipynb is not a notebook Jupyter can read/);
  assert.match(notice, /left as it is/);
  assert.match(notice, /lesson-1\.ipynb/);
});

test("a file the server fails to read is skipped, not replaced, and the notice gives the server's reason", async () => {
  const contents = new MemoryContents({ [TUTORIAL]: '# Step', 'lessons/lesson.ipynb': notebookOf(TUTORIAL) });
  contents.failReading.add('lessons/lesson.ipynb');
  const choice = await notebookFor(contents.api, TUTORIAL, 'python3');
  assert.equal(contents.files.get('lessons/lesson.ipynb'), notebookOf(TUTORIAL));
  assert.equal(choice.path, 'lessons/lesson-1.ipynb');
  assert.match(skippedNotice(choice) ?? '', /lesson\.ipynb could not be read \(Internal Server Error\)/);
});

test('another notebook by the same name is passed over without a notice; no file but the new one is written', async () => {
  const contents = new MemoryContents({ [TUTORIAL]: '# Step', 'lessons/lesson.ipynb': theirNotebook, 'lessons/lesson-1.ipynb': notebookOf('other.md') });
  const choice = await notebookFor(contents.api, TUTORIAL, 'python3');
  assert.equal(choice.path, 'lessons/lesson-2.ipynb');
  assert.equal(contents.files.get('lessons/lesson.ipynb'), theirNotebook);
  assert.equal(contents.files.get('lessons/lesson-1.ipynb'), notebookOf('other.md'));
  assert.equal(skippedNotice(choice), undefined);
  assert.deepEqual(
    [...new Set(contents.written)].filter(path => contents.files.has(path)),
    ['lessons/lesson-2.ipynb']
  );
  assert.deepEqual(
    [...contents.files.keys()].filter(path => path.includes('Untitled')),
    []
  );
});

test("the player's own notebook for this tutorial is continued, past an unreadable one, and nothing is written", async () => {
  const contents = new MemoryContents({
    [TUTORIAL]: '# Step',
    'lessons/lesson.ipynb': '\u0089PNG binary',
    'lessons/lesson-1.ipynb': notebookOf(TUTORIAL, { step: 2 })
  });
  const choice = await notebookFor(contents.api, TUTORIAL, 'python3');
  assert.deepEqual({ path: choice.path, created: choice.created }, { path: 'lessons/lesson-1.ipynb', created: false });
  assert.deepEqual(contents.written, []);
  assert.match(skippedNotice(choice) ?? '', /continues in lesson-1\.ipynb/);
});

test('a folder that cannot be listed gets no file at all, and the error says so', async () => {
  const contents = new MemoryContents({ [TUTORIAL]: '# Step', 'lessons/lesson.ipynb': theirNotebook });
  contents.failListing = true;
  await assert.rejects(notebookFor(contents.api, TUTORIAL, 'python3'), (error: unknown) => {
    assert.ok(error instanceof FolderNotListedError);
    assert.match(error.message, /the folder lessons could not be listed \(Internal Server Error\).*Nothing was written\./);
    return true;
  });
  assert.deepEqual(contents.written, []);
  assert.equal(contents.files.get('lessons/lesson.ipynb'), theirNotebook);
});

test('a file that appears at the chosen name before the notebook is made is kept; the next name is used', async () => {
  const contents = new MemoryContents({ [TUTORIAL]: '# Step' });
  contents.beforeRename = (_from, to) => {
    if (to === 'lessons/lesson.ipynb' && !contents.files.has(to)) contents.files.set(to, 'arrived meanwhile');
  };
  const choice = await notebookFor(contents.api, TUTORIAL, 'python3');
  assert.equal(contents.files.get('lessons/lesson.ipynb'), 'arrived meanwhile');
  assert.equal(choice.path, 'lessons/lesson-1.ipynb');
  assert.deepEqual([...contents.files.keys()].sort(), ['lessons/lesson-1.ipynb', 'lessons/lesson.ipynb', TUTORIAL].sort());
});

test('a folder named like the notebook is passed over; a tutorial at the top level gets its notebook there', async () => {
  const contents = new MemoryContents({ 'lesson.md': '# Step', 'lesson.ipynb/inside.txt': 'x' });
  const choice = await notebookFor(contents.api, 'lesson.md', 'python3');
  assert.equal(choice.path, 'lesson-1.ipynb');
  assert.equal(tutorialOf(contents, 'lesson-1.ipynb'), 'lesson.md');
});

test("the learner's version is kept under a free name, and never over a file that took that name since", async () => {
  const contents = new MemoryContents({ 'lessons/lesson.ipynb': notebookOf(TUTORIAL), 'lessons/lesson-my-version-1.ipynb': theirNotebook });
  const keepAs = await myVersionName(contents.api, 'lessons/lesson.ipynb');
  assert.equal(keepAs, 'lessons/lesson-my-version-2.ipynb');
  contents.files.set(keepAs, 'arrived meanwhile');
  await assert.rejects(saveNotebookCopy(contents.api, keepAs, { cells: [] }), /appeared there meanwhile/);
  assert.equal(contents.files.get(keepAs), 'arrived meanwhile');
  contents.files.delete(keepAs);
  await saveNotebookCopy(contents.api, keepAs, { cells: [] });
  assert.deepEqual(JSON.parse(contents.files.get(keepAs)!), { cells: [] });
});

/** JupyterLite's browser storage: a rename onto an existing file replaces it, with no 409. */
class BrowserStorageContents extends MemoryContents {
  override rename(from: string, to: string): Promise<{ path: string }> {
    return settle(() => {
      this.beforeRename?.(from, to);
      const text = this.files.get(from);
      if (text === undefined) throw httpError(404, `Could not find file with path ${from}`);
      this.files.delete(from);
      this.files.set(to, text);
      this.written.push(to);
      return { path: to };
    });
  }
}

test('where a rename replaces files (JupyterLite), a notebook or version is still never made over a file that is there', async () => {
  const contents = new BrowserStorageContents({ 'lessons/lesson.ipynb': notebookOf(TUTORIAL) });
  const keepAs = await myVersionName(contents.api, 'lessons/lesson.ipynb');
  contents.files.set(keepAs, 'arrived meanwhile');
  await assert.rejects(saveNotebookCopy(contents.api, keepAs, { cells: [] }), /appeared there meanwhile/);
  assert.equal(contents.files.get(keepAs), 'arrived meanwhile');
  assert.deepEqual([...contents.files.keys()].sort(), ['lessons/lesson.ipynb', keepAs].sort(), 'the draft was left behind');

  const other = new BrowserStorageContents({ [TUTORIAL]: '# Step', 'lessons/lesson.ipynb': theirNotebook });
  const choice = await notebookFor(other.api, TUTORIAL, 'python3');
  assert.equal(other.files.get('lessons/lesson.ipynb'), theirNotebook);
  assert.equal(choice.path, 'lessons/lesson-1.ipynb');
});

test("no name for the learner's version is offered when the folder cannot be listed", async () => {
  const contents = new MemoryContents({ 'lessons/lesson.ipynb': notebookOf(TUTORIAL), 'lessons/lesson-my-version-1.ipynb': theirNotebook });
  contents.failListing = true;
  await assert.rejects(myVersionName(contents.api, 'lessons/lesson.ipynb'), FolderNotListedError);
});

/** The French of the shipped catalog (its compiled `.json`), as a bundle: what the lab passes in French. */
function frenchBundle(): Translations {
  const path = fromRoot('jupyterlab_notecast', 'locale', 'fr_FR', 'LC_MESSAGES', 'notecast.json');
  const catalog = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string[] | undefined>;
  const fill = (text: string, args: Array<string | number>): string => text.replace(/%(\d+)/g, (_, n: string) => String(args[Number(n) - 1]));
  const lookup = (key: string, form: number, fallback: string): string => catalog[key]?.[form] || fallback;
  return {
    __: (msgid, ...args) => fill(lookup(msgid, 0, msgid), args),
    _n: (msgid, plural, n, ...args) => fill(lookup(msgid, n > 1 ? 1 : 0, n > 1 ? plural : msgid), [n, ...args]),
    _p: (context, msgid, ...args) => fill(lookup(`${context}\u0004${msgid}`, 0, msgid), args)
  };
}

test('with a French bundle, the notice and the folder error are French', async () => {
  const fr = frenchBundle();
  const contents = new MemoryContents({ [TUTORIAL]: '# Step', 'lessons/lesson.ipynb': '{not json', 'lessons/lesson-1.ipynb': '{nor this' });
  const choice = await notebookFor(contents.api, TUTORIAL, 'python3', fr);
  assert.equal(choice.path, 'lessons/lesson-2.ipynb');
  assert.equal(
    skippedNotice(choice, fr),
    'lesson.ipynb n’est pas un notebook que Jupyter peut lire\u00a0; lesson-1.ipynb n’est pas un notebook que Jupyter peut lire, ' +
      'ils ont donc été laissés tels quels. Le tutoriel est lu dans lesson-2.ipynb à la place.'
  );
  contents.failListing = true;
  await assert.rejects(notebookFor(contents.api, 'lessons/other.md', 'python3', fr), (error: unknown) => {
    assert.ok(error instanceof FolderNotListedError);
    assert.match(error.message, /^le contenu du dossier lessons n’a pas pu être listé \(Internal Server Error\)\u00a0: .*Rien n’a été écrit\.$/);
    return true;
  });
});
