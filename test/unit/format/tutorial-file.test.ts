import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kindOfPath, translationName, tutorialFile } from '../../../src/format/index.js';

test('every tutorial extension is a tutorial, listed when a folder offers it', () => {
  for (const [path, kind, stem, extension, listed] of [
    ['intro.md', 'markdown', 'intro', '.md', true],
    ['a/b/intro.MD', 'markdown', 'intro', '.MD', true],
    ['lesson.markdown', 'markdown', 'lesson', '.markdown', true],
    ['intro.notecast.json', 'json', 'intro', '.notecast.json', true],
    ['intro.json', 'json', 'intro', '.json', false],
    ['package.json', 'json', 'package', '.json', false],
    ['.hidden.md', 'markdown', '.hidden', '.md', false],
    ['a/.hidden.notecast.json', 'json', '.hidden', '.notecast.json', false]
  ] as const) {
    assert.deepEqual(tutorialFile(path), { kind, stem, extension, listed }, path);
    assert.equal(kindOfPath(path), kind, path);
  }
});

test('names that are no tutorial', () => {
  for (const path of ['notes.txt', 'intro', 'a/.md', '.markdown', 'a.md/b', 'intro.md.bak', 'intro.ipynb']) {
    assert.equal(tutorialFile(path), undefined, path);
  }
  // The loader reads anything it is handed that is not JSON as Markdown (stdin, a .txt).
  assert.equal(kindOfPath('-'), 'markdown');
  assert.equal(kindOfPath('notes.txt'), 'markdown');
});

test('a translation is a tutorial of the same kind, listed exactly when its source is', () => {
  for (const [path, source, lang, listed] of [
    ['intro.fr.md', 'intro.md', 'fr', true],
    ['a/lesson.fr.markdown', 'a/lesson.markdown', 'fr', true],
    ['intro.pt-BR.notecast.json', undefined, undefined, true],
    ['intro.notecast.fr.json', 'intro.notecast.json', 'fr', true],
    ['intro.fr.json', 'intro.json', 'fr', false],
    ['.intro.fr.md', '.intro.md', 'fr', false]
  ] as const) {
    const file = tutorialFile(path);
    assert.ok(file, path);
    assert.equal(file.listed, listed, path);
    assert.deepEqual(file.translation, source === undefined ? undefined : { source, lang }, path);
    assert.deepEqual(translationName(path), file.translation, path);
    // What translates a tutorial is offered exactly when the tutorial is: never one without the other.
    if (file.translation) {
      assert.equal(tutorialFile(file.translation.source)?.listed, file.listed, path);
    }
  }
  assert.equal(translationName('intro.old.md'), undefined);
  assert.equal(tutorialFile('intro.old.md')?.stem, 'intro.old');
});
