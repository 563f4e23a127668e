import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Translations } from '../../../src/format/index.js';
import type { Announcement } from '../../../src/player/index.js';
import { Presenter, authored, languageParts } from '../../../src/session/index.js';

const said = (message: string): string =>
  languageParts(message, 'en')
    .map(part => part.text)
    .join('');

/** A player speaking French: the messages the tests below use, as the French catalog has them. */
const FRENCH: Record<string, string> = {
  'Step %1 of %2: %3.': 'Étape %1 sur %2\u00a0: %3.',
  '%1 %2': '%1 %2',
  'cell %1, %2': 'cellule %1, %2',
  'Typing %1 lines into %2: %3': 'Saisie de %1 lignes dans la %2\u00a0: %3',
  'Your turn: %1': 'À vous\u00a0: %1'
};
const fill = (message: string, args: Array<string | number>): string => message.replace(/%(\d+)/g, (_, n: string) => String(args[Number(n) - 1]));
const french: Translations = {
  __: (msgid, ...args) => fill(FRENCH[msgid] ?? msgid, args),
  _n: (msgid, msgidPlural, n, ...args) => fill(FRENCH[n === 1 ? msgid : msgidPlural] ?? (n === 1 ? msgid : msgidPlural), [n, ...args]),
  _p: (_context, msgid, ...args) => fill(FRENCH[msgid] ?? msgid, args)
};

const presenter = new Presenter(french);
const partsOf = (announcement: Announcement) => presenter.parts(announcement, 'en');

test("a step's label is the player's language; its English title and narration are one English run", () => {
  const parts = partsOf({
    kind: 'step-started',
    politeness: 'polite',
    index: 0,
    count: 6,
    title: 'A first function',
    narration: 'A function gives a name to a computation.'
  });
  assert.deepEqual(parts, [{ text: 'Étape 1 sur 6\u00a0: ' }, { text: 'A first function. A function gives a name to a computation.', lang: 'en' }]);
});

test("the author's cell name and summary inside the player's sentence are marked, the words between them are not", () => {
  const parts = partsOf({
    kind: 'typing',
    politeness: 'polite',
    cell: 'm',
    cellNumber: 2,
    cellName: 'load-data',
    lines: 2,
    summary: 'reads the file',
    description: []
  });
  assert.deepEqual(parts, [{ text: 'Saisie de 2 lignes dans la cellule 2, ' }, { text: 'load data\u00a0: reads the file', lang: 'en' }]);
});

test('a prompt the player wraps keeps its own words apart; one that says "Your turn" itself is all the author\'s', () => {
  assert.deepEqual(partsOf({ kind: 'your-turn', politeness: 'assertive', prompt: 'Change the number.' }), [
    { text: 'À vous\u00a0: ' },
    { text: 'Change the number.', lang: 'en' }
  ]);
  assert.deepEqual(partsOf({ kind: 'your-turn', politeness: 'assertive', prompt: 'Your turn: change it.' }), [
    { text: 'Your turn: change it.', lang: 'en' }
  ]);
});

test("the author's words are found where they went in, not where the same word is the player's", () => {
  // A cell named "e" that is gone: its name, not the e's of "Cellule" and "exécutée".
  const french2 = new Presenter({
    ...french,
    __: (msgid, ...args) => (msgid === 'Cell "%1"' ? `Cellule «\u00a0${args[0]}\u00a0»` : french.__(msgid, ...args))
  });
  assert.deepEqual(french2.parts({ kind: 'ran', politeness: 'polite', cell: 'x', cellName: 'e', outputLines: 0, markdown: false }, 'en'), [
    { text: 'Cellule «\u00a0' },
    { text: 'e', lang: 'en' },
    { text: '\u00a0» ran, no output' }
  ]);
  // A German tutorial titled "Tutorial", under an English player.
  const message = `Tutorial ${authored('Tutorial')} is ready.`;
  assert.deepEqual(languageParts(message, 'de'), [{ text: 'Tutorial ' }, { text: 'Tutorial', lang: 'de' }, { text: ' is ready.' }]);
  assert.equal(said(message), 'Tutorial Tutorial is ready.');
});

test("with nothing of the author's in it, a message is one run in the player's language", () => {
  assert.deepEqual(partsOf({ kind: 'finished', politeness: 'polite' }), [{ text: 'Tutorial finished.' }]);
  assert.deepEqual(languageParts('', 'en'), [{ text: '' }]);
  // The marks never reach the text, even when an author's words hold the characters they are made of.
  assert.equal(said(`a ${authored('b\uE001c\uE000')} d`), 'a bc d');
  assert.deepEqual(languageParts(`a ${authored('b\uE001c')} d`, 'en'), [{ text: 'a ' }, { text: 'bc', lang: 'en' }, { text: ' d' }]);
});

test('the words are the same with and without the marks, for every kind and verbosity', () => {
  const english = new Presenter();
  const kinds: Announcement[] = [
    { kind: 'step-started', politeness: 'polite', index: 3, count: 12, title: 'Load the data', narration: 'We read a CSV file.' },
    { kind: 'step-reached', politeness: 'polite', index: 1, count: 2, title: 'Done?' },
    { kind: 'typing', politeness: 'polite', cell: 'c', cellNumber: 3, cellName: 'load-data', lines: 1, summary: 'reads it', description: [] },
    { kind: 'replacing', politeness: 'polite', cell: 'c', cellNumber: 3, cellName: 'load-data', lines: 2, summary: 'fixes it', description: [] },
    { kind: 'deleting', politeness: 'polite', cell: 'c', cellName: 'scratch' },
    { kind: 'ran', politeness: 'polite', cell: 'c', cellName: 'gone', outputLines: 0, markdown: false },
    { kind: 'raised', politeness: 'assertive', cell: 'c', cellName: 'gone', error: 'NameError', pausedByIt: false },
    { kind: 'narration', politeness: 'polite', text: 'And now the plot.' },
    { kind: 'your-turn', politeness: 'assertive', prompt: 'Try it.' }
  ];
  for (const verbosity of ['full', 'brief'] as const) {
    for (const announcement of kinds) {
      const parts = english.parts(announcement, 'en', { verbosity });
      assert.equal(parts.map(part => part.text).join(''), english.words(announcement, { verbosity }), `${announcement.kind}, ${verbosity}`);
      assert.ok(
        parts.some(part => part.lang === 'en'),
        `${announcement.kind}, ${verbosity}: nothing of the author's marked`
      );
    }
  }
  // Brief: the step's narration is not said, so only its title is the author's.
  assert.deepEqual(english.parts(kinds[0], 'en', { verbosity: 'brief' }), [
    { text: 'Step 4 of 12: ' },
    { text: 'Load the data', lang: 'en' },
    { text: '.' }
  ]);
});
