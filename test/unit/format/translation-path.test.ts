import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageCandidates, translationName, translationPath } from '../../../src/format/index.js';

test('a translation names its source and language', () => {
  assert.deepEqual(translationName('tutorials/intro.fr.md'), { source: 'tutorials/intro.md', lang: 'fr' });
  assert.deepEqual(translationName('intro.pt-BR.md'), { source: 'intro.md', lang: 'pt-BR' });
  assert.equal(translationName('intro.md'), undefined);
  assert.equal(translationName('tutorials/.fr.md'), undefined);
  assert.equal(translationName('intro.FR.md'), undefined);
});

test('the path of a translation puts the language before the extension', () => {
  assert.equal(translationPath('tutorials/intro.md', 'fr'), 'tutorials/intro.fr.md');
  assert.equal(translationPath('a.b/intro', 'fr'), 'a.b/intro.fr.md');
});

test('a learner’s locale gives languages from the most to the least specific', () => {
  assert.deepEqual(languageCandidates('fr_FR'), ['fr-FR', 'fr']);
  assert.deepEqual(languageCandidates('en'), ['en']);
  assert.deepEqual(languageCandidates('zh-Hant-TW'), ['zh-Hant-TW', 'zh-Hant', 'zh']);
});
