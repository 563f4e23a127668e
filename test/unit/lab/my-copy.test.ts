import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { YNotebook } from '@jupyter/ydoc';
import { englishTranslations } from '../../../src/format/index.js';
import { fileNamePart, makeMyCopy } from '../../../src/lab/classroom/my-copy.js';
import { MemoryContents } from '../../helpers/memory-contents.js';

function sharedNotebook(): YNotebook {
  const notebook = new YNotebook();
  notebook.setMetadata('notecast', { tutorial: 'class/intro.md', step: 2, consent: true } as never);
  notebook.insertCell(0, { cell_type: 'code', source: 'x = 1', metadata: {} });
  notebook.insertCell(1, { cell_type: 'markdown', source: '# Notes', metadata: {} });
  made.push(notebook);
  return notebook;
}

/** Each notebook made here, disposed after the tests: its awareness keeps a timer that would hold the process open. */
const made: YNotebook[] = [];
after(() => made.forEach(notebook => notebook.dispose()));

const options = (contents: MemoryContents, user: string, folder = '') => ({
  contents: contents.api,
  ynotebook: sharedNotebook(),
  notebookPath: 'class/intro.ipynb',
  tutorialPath: 'class/intro.md',
  step: 2,
  user,
  folder,
  trans: englishTranslations
});

test("the copy is <stem>-<user>.ipynb next to the shared notebook, with its cells and the tutorial's mark at the teacher's step, without consent", async () => {
  const contents = new MemoryContents({ 'class/intro.ipynb': '{}' });
  const path = await makeMyCopy(options(contents, 'ada'));
  assert.equal(path, 'class/intro-ada.ipynb');
  const copy = JSON.parse(contents.files.get(path)!) as { cells: Array<{ source: string }>; metadata: { notecast: unknown } };
  assert.deepEqual(
    copy.cells.map(cell => cell.source),
    ['x = 1', '# Notes']
  );
  assert.deepEqual(copy.metadata.notecast, { tutorial: 'class/intro.md', step: 2 });
  assert.equal(contents.files.get('class/intro.ipynb'), '{}', 'the shared notebook is untouched');
});

test('a taken name is never written over: the copy takes the next free one; a configured folder is used', async () => {
  const contents = new MemoryContents({ 'class/intro-ada.ipynb': 'mine', 'copies/intro-ada.ipynb': 'older' });
  assert.equal(await makeMyCopy(options(contents, 'ada')), 'class/intro-ada-1.ipynb');
  assert.equal(contents.files.get('class/intro-ada.ipynb'), 'mine');
  assert.equal(await makeMyCopy(options(contents, 'ada', 'copies')), 'copies/intro-ada-1.ipynb');
  assert.equal(contents.files.get('copies/intro-ada.ipynb'), 'older');
});

test('a file that appears at the chosen name meanwhile is left alone, and the next name is taken', async () => {
  const contents = new MemoryContents({ 'class/intro.ipynb': '{}' });
  let raced = false;
  contents.beforeRename = (_from, to) => {
    if (!raced && to === 'class/intro-ada.ipynb') {
      raced = true;
      contents.files.set(to, 'appeared');
    }
  };
  assert.equal(await makeMyCopy(options(contents, 'ada')), 'class/intro-ada-1.ipynb');
  assert.equal(contents.files.get('class/intro-ada.ipynb'), 'appeared');
});

test('a folder that cannot be listed gets no copy, and says so', async () => {
  const contents = new MemoryContents({ 'class/intro.ipynb': '{}' });
  contents.failListing = true;
  await assert.rejects(makeMyCopy(options(contents, 'ada')), /could not be listed/);
  assert.deepEqual(contents.written, []);
});

test('a user name becomes a safe part of a file name', () => {
  assert.equal(fileNamePart('ada'), 'ada');
  assert.equal(fileNamePart('Anonymous Io'), 'Anonymous-Io');
  assert.equal(fileNamePart('../../etc/passwd'), 'etc-passwd');
  assert.equal(fileNamePart('Zoë Ünal'), 'Zoë-Ünal');
  assert.equal(fileNamePart('   '), 'me');
  assert.equal(fileNamePart('a'.repeat(200)).length, 64);
});
