import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closest, didYouMean } from '../../../src/format/index.js';

test('a typo suggests the closest name; a distant word suggests nothing', () => {
  assert.equal(closest('tpye', ['type', 'run', 'say']), 'type');
  assert.equal(closest('zzzzzz', ['type', 'run', 'say']), undefined);
  assert.equal(didYouMean('rnu', ['run']), '; did you mean `run`?');
});

test('abbreviations count only when asked for, and only when one name fits', () => {
  const commands = ['compile', 'check', 'notebook', 'transcript', 'timeline'];
  assert.equal(closest('nbook', commands), undefined);
  assert.equal(closest('nbook', commands, { abbreviations: true }), 'notebook');
  // `t…e` fits both transcript and timeline: no guess.
  assert.equal(closest('te', commands, { abbreviations: true }), undefined);
});

test('suggestions quote the name safely and give up on words too long to be typos', () => {
  assert.equal(closest('x'.repeat(65), ['x'.repeat(64)]), undefined);
  // eslint-disable-next-line no-control-regex -- the escape character is what must not be printed
  assert.doesNotMatch(didYouMean('a\u001bb', ['a\u001bb']), /\u001b/);
});
