import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countKeystrokes, expandKeystrokes, splitKeystrokes, type TypeOperation } from '../../../src/format/index.js';

const op = (text: string, at = 100, duration = 1000): TypeOperation => ({ op: 'type', at, cell: 'c', offset: 3, text, duration });

test('keystrokes rebuild the text exactly, at increasing offsets', () => {
  const text = 'def f():\n\treturn "café 🎉"';
  const strokes = expandKeystrokes(op(text));
  assert.equal(strokes.map(s => s.text).join(''), text);
  for (const stroke of strokes) {
    assert.equal(text.slice(stroke.index, stroke.index + stroke.text.length), stroke.text);
  }
});

test('an emoji or a combining accent is one keystroke, never a lone surrogate', () => {
  assert.deepEqual(splitKeystrokes('a🎉e\u0301'), ['a', '🎉', 'e\u0301']);
  for (const stroke of expandKeystrokes(op('👩‍💻 ok'))) {
    assert.ok(!/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(stroke.text), `lone surrogate in ${JSON.stringify(stroke.text)}`);
  }
});

test('keystroke times are deterministic, non-decreasing, from at to at + duration', () => {
  const first = expandKeystrokes(op('for x in range(10):\n    print(x)'));
  const second = expandKeystrokes(op('for x in range(10):\n    print(x)'));
  assert.deepEqual(first, second);
  assert.equal(first[0].at, 100);
  assert.equal(first[first.length - 1].at, 1100);
  for (let i = 1; i < first.length; i++) {
    assert.ok(first[i].at >= first[i - 1].at);
  }
});

test('gaps vary like a person typing, and pause longer after a line end', () => {
  const strokes = expandKeystrokes(op('aaaaaaaaaa\nbbbbbbbbbb', 0, 2100));
  const gaps = strokes.slice(1).map((s, i) => s.at - strokes[i].at);
  assert.ok(new Set(gaps).size > 3, `gaps ${gaps.join(',')} are not varied`);
  const afterNewline = gaps[10];
  const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
  assert.ok(afterNewline > median, `gap after newline ${afterNewline} vs median ${median}`);
});

test('counting keystrokes agrees with splitting them', () => {
  for (const text of ['plain ascii', 'tab\there\nnew line', 'café 🎉 e\u0301', '\r\n', '']) {
    assert.equal(countKeystrokes(text), splitKeystrokes(text).length, JSON.stringify(text));
  }
});
