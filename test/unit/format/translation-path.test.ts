import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLanguageTag, languageCandidates, languageName, translationName, translationPath } from '../../../src/format/index.js';

test('a translation names its source and language', () => {
  assert.deepEqual(translationName('tutorials/intro.fr.md'), { source: 'tutorials/intro.md', lang: 'fr' });
  assert.deepEqual(translationName('intro.pt-BR.md'), { source: 'intro.md', lang: 'pt-BR' });
  assert.equal(translationName('intro.md'), undefined);
  assert.equal(translationName('tutorials/.fr.md'), undefined);
  assert.equal(translationName('intro.FR.md'), undefined);
});

test('only a registered language, in its canonical spelling, makes a translation', () => {
  for (const [path, lang] of [
    ['intro.fil.md', 'fil'],
    ['intro.zh-Hant.md', 'zh-Hant'],
    ['intro.es-419.md', 'es-419'],
    ['intro.sr-Latn.md', 'sr-Latn'],
    ['intro.pt-br.md', 'pt-br'],
    ['intro.la.json', 'la']
  ]) {
    assert.equal(translationName(path)?.lang, lang, path);
  }
  // Not a language (old, draft, tmp), an alias (bak is ba, eng is en), private use, no language, or not a tag at all.
  for (const path of [
    'intro.old.md',
    'intro.bak.md',
    'intro.draft.md',
    'intro.tmp.md',
    'intro.eng.md',
    'intro.qaa.md',
    'intro.zxx.md',
    'intro.und.md',
    'intro.fr-x.md'
  ]) {
    assert.equal(translationName(path), undefined, path);
  }
  assert.equal(isLanguageTag('fr'), true);
  assert.equal(isLanguageTag('xx'), false);
  assert.equal(languageName('fr'), 'French');
  assert.equal(languageName('old'), undefined);
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
