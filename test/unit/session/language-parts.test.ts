import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Translations } from '../../../src/format/index.js';
import type { Announcement } from '../../../src/player/index.js';
import { Presenter, languageParts } from '../../../src/session/index.js';

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
const partsOf = (announcement: Announcement) => languageParts(presenter.words(announcement), presenter.authorWords(announcement), 'en');

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

test('a prompt the player wraps keeps its own words apart', () => {
  const parts = partsOf({ kind: 'your-turn', politeness: 'assertive', prompt: 'Change the number.' });
  assert.deepEqual(parts, [{ text: 'À vous\u00a0: ' }, { text: 'Change the number.', lang: 'en' }]);
});

test("with nothing of the author in it, a message is one run in the player's language", () => {
  assert.deepEqual(partsOf({ kind: 'finished', politeness: 'polite' }), [{ text: presenter.words({ kind: 'finished', politeness: 'polite' }) }]);
  assert.deepEqual(languageParts('', [], 'en'), [{ text: '' }]);
});

test('the longest words are found first, and none twice over the same characters', () => {
  assert.deepEqual(languageParts('Step 1: Sum. Sum the list.', ['Sum', 'Sum the list.'], 'en'), [
    { text: 'Step 1: ' },
    { text: 'Sum. Sum the list.', lang: 'en' }
  ]);
  // Words the message does not contain are ignored; text around runs is kept exactly.
  assert.deepEqual(languageParts('a b c', ['zzz', 'b', ''], 'de'), [{ text: 'a ' }, { text: 'b', lang: 'de' }, { text: ' c' }]);
});

test('what the presenter says the author wrote is what it put in its words, at each verbosity', () => {
  const english = new Presenter();
  const kinds: Announcement[] = [
    { kind: 'step-started', politeness: 'polite', index: 3, count: 12, title: 'Load the data', narration: 'We read a CSV file.' },
    { kind: 'typing', politeness: 'polite', cell: 'c', cellNumber: 3, cellName: 'load-data', lines: 1, summary: 'reads it', description: [] },
    { kind: 'deleting', politeness: 'polite', cell: 'c', cellName: 'scratch' },
    { kind: 'ran', politeness: 'polite', cell: 'c', cellName: 'gone', outputLines: 0, markdown: false },
    { kind: 'narration', politeness: 'polite', text: 'And now the plot.' }
  ];
  for (const verbosity of ['full', 'brief'] as const) {
    for (const announcement of kinds) {
      const words = english.words(announcement, { verbosity });
      for (const authored of english.authorWords(announcement, { verbosity })) {
        assert.ok(words.includes(authored), `${verbosity}: "${authored}" is not in "${words}"`);
      }
    }
  }
  assert.deepEqual(english.authorWords(kinds[0], { verbosity: 'brief' }), ['Load the data']);
  assert.deepEqual(english.authorWords(kinds[1], { verbosity: 'brief' }), ['reads it']);
});
