import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageName, tutorialForLearner, tutorialLanguages } from '../../../src/lab/tutorial/languages.js';
import { MemoryContents } from '../../helpers/memory-contents.js';

/** The memory server reads files as JSON: a JSON string is a text file's content. */
const text = (value: string) => JSON.stringify(value);

function folder(): MemoryContents {
  return new MemoryContents({
    'tutorials/intro.md': text('---\ntitle: Intro\n---\n'),
    'tutorials/intro.fr.md': text('---\ntitle: Intro\nlang: fr\n---\n'),
    'tutorials/intro.pt-BR.md': text('---\ntitle: Intro\nlang: pt-BR\n---\n'),
    'tutorials/other.de.md': text('---\ntitle: Other\nlang: de\n---\n'),
    'tutorials/de/intro.md': text('---\ntitle: Intro\nlang: de\n---\n')
  });
}

test('a learner in French gets the French translation; in German, the source', async () => {
  const contents = folder().api;
  assert.equal(await tutorialForLearner(contents, 'tutorials/intro.md', 'fr-FR'), 'tutorials/intro.fr.md');
  assert.equal(await tutorialForLearner(contents, 'tutorials/intro.md', 'fr_FR'), 'tutorials/intro.fr.md');
  assert.equal(await tutorialForLearner(contents, 'tutorials/intro.md', 'pt-BR'), 'tutorials/intro.pt-BR.md');
  assert.equal(await tutorialForLearner(contents, 'tutorials/intro.md', 'de-DE'), 'tutorials/intro.md');
  assert.equal(await tutorialForLearner(contents, 'tutorials/intro.md', 'en'), 'tutorials/intro.md');
});

test('a translation opened on purpose stays that translation', async () => {
  assert.equal(await tutorialForLearner(folder().api, 'tutorials/intro.pt-BR.md', 'fr-FR'), 'tutorials/intro.pt-BR.md');
});

test('a folder that cannot be listed opens the tutorial as asked', async () => {
  const memory = folder();
  memory.failListing = true;
  assert.equal(await tutorialForLearner(memory.api, 'tutorials/intro.md', 'fr-FR'), 'tutorials/intro.md');
});

test('a tutorial’s languages: the source first, with its language, then its translations', async () => {
  const expected = [
    { lang: 'en', path: 'tutorials/intro.md' },
    { lang: 'fr', path: 'tutorials/intro.fr.md' },
    { lang: 'pt-BR', path: 'tutorials/intro.pt-BR.md' }
  ];
  assert.deepEqual(await tutorialLanguages(folder().api, 'tutorials/intro.md', 'en'), expected);
  // From a translation, the source's language is read from its front matter.
  assert.deepEqual(await tutorialLanguages(folder().api, 'tutorials/intro.fr.md', 'fr'), expected);
  // Another tutorial's translation is not this one's; a lone `.de.md` has no other language.
  assert.deepEqual(await tutorialLanguages(folder().api, 'tutorials/other.de.md', 'de'), [{ lang: 'de', path: 'tutorials/other.de.md' }]);
});

test('each language is named in itself', () => {
  assert.equal(languageName('fr'), 'Français');
  assert.equal(languageName('en'), 'English');
  assert.equal(languageName('de'), 'Deutsch');
});
