import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readingMs, spokenWords, stepOpeningMs } from '../../../src/compiler/timing.js';

test('98 Chinese characters are given about 20 seconds at the default pace, not 3', () => {
  const text = '名字指向一个值'.repeat(14);
  assert.equal([...text].length, 98);
  const ms = readingMs(text, 170);
  assert.ok(ms > 18_000 && ms < 22_000, `${ms} ms`);
});

test('words are counted between spaces; punctuation alone is no word', () => {
  assert.equal(spokenWords('A name points at a value — and that is all.'), 10);
  assert.equal(spokenWords('  '), 0);
  assert.equal(readingMs('', 170), 0);
});

test('Japanese kana and kanji count as characters, Korean in words', () => {
  assert.equal(spokenWords('ひらがなカタカナ漢字'), 10 / 1.75);
  assert.equal(spokenWords('이름은 값을 가리킵니다'), 3);
});

test('a step opening is timed with its spoken label "Step N of M: title."', () => {
  assert.equal(stepOpeningMs(0, 12, 'Load the data', 'We read it.', 60), readingMs('Step 1 of 12: Load the data. We read it.', 60));
  assert.ok(stepOpeningMs(0, 12, 'Load the data', 'We read it.', 60) > readingMs('Load the data We read it.', 60));
});
