import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeControlCharacters, userText } from '../../../src/format/index.js';

test('userText escapes terminal escapes and newlines so a quote stays on one harmless line', () => {
  assert.equal(userText('\u001b[2J0 errors\nok'), '\\u001b[2J0 errors\\nok');
  assert.equal(userText('a\u202eb'), 'a\\u202eb');
});

test('userText caps long text with an ellipsis', () => {
  const quoted = userText('x'.repeat(10_000), 40);
  assert.equal(quoted, `${'x'.repeat(40)}…`);
  assert.equal(userText('short', 40), 'short');
});

test('userText never cuts inside a surrogate pair or a grapheme', () => {
  const emoji = '👩‍👩‍👧';
  const quoted = userText(`${'a'.repeat(39)}${emoji}${emoji}`, 40);
  assert.equal(quoted, `${'a'.repeat(39)}${emoji}…`);
  const pairs = userText('𝒳'.repeat(100), 5);
  assert.equal(pairs, `${'𝒳'.repeat(5)}…`);
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(pairs));
});

test('escapeControlCharacters keeps tabs and newlines, escapes the rest', () => {
  assert.equal(escapeControlCharacters('a\tb\nc\u0007d\u009be'), 'a\tb\nc\\u0007d\\u009be');
});
