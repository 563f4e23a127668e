import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../../../src/compiler/index.js';

/** A message about an attribute points at the attribute, not at the directive's first column. */
const HEAD = '---\ntitle: Places\n---\n\n# One\n\n';

function places(body: string) {
  return compile(HEAD + body, { path: 'places.md' }).file.messages.map(m => [m.ruleId, m.line, m.column]);
}

test('`::point` messages about its command point at `command=`', () => {
  assert.deepEqual(places('::point{wait command="no such"}\n'), [['invalid-attribute', 7, 14]]);
  assert.deepEqual(places('::point{command=notebook:run-cel}\n'), [['unknown-command', 7, 9]]);
});

test('`:::pause` and `:::replace` messages about their cell point at `cell=`', () => {
  assert.deepEqual(places(':::pause{cell=nope}\nTry.\n:::\n'), [['unknown-cell', 7, 10]]);
  assert.deepEqual(places(':::type{cell=a}\n```\nx\n```\n:::\n\n:::pause{cell=a}\nTry.\n:::\n'), [['answer-cell', 13, 10]]);
  assert.deepEqual(places('::cell{cell=a placeholder="x"}\n\n:::pause{cell=a}\nTry.\n:::\n\n:::replace{cell=a find="x"}\n```\ny\n```\n:::\n'), [
    ['answer-cell', 13, 12]
  ]);
});
