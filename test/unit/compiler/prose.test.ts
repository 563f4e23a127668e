import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../../../src/compiler/index.js';

const wrap = (body: string) => `---\ntitle: Prose\n---\n\n# Step\n\n${body}\n`;

test('colons in prose stay text: "At 10:30, ratio 3:17"', () => {
  for (const prose of ['At 10:30, ratio 3:17', 'a:b :c d::e :::f', 'Time 12:00:59 and 1:2:3', 'Emoji :smile: and :+1:']) {
    const { script, file } = compile(wrap(prose));
    assert.deepEqual(file.messages.map(String), []);
    assert.equal(script?.steps[0].narration, prose);
  }
});

test('narration keeps the words of inline code, emphasis and links', () => {
  const { script } = compile(wrap('Call `mean()` on *all* the **values**, see [the docs](https://x.test).'));
  assert.equal(script?.steps[0].narration, 'Call mean() on all the values, see the docs.');
});

test('raw HTML in narration stays literal text, never markup', () => {
  const { script } = compile(wrap('Press <kbd>Enter</kbd> <script>alert(1)</script>'));
  assert.equal(script?.steps[0].narration, 'Press <kbd>Enter</kbd> <script>alert(1)</script>');
});

test('code is inserted byte for byte: tabs, unicode, backticks, directive-like lines', () => {
  const code = 'if x:\n\tprint("naïve ✓ 🎉")\n```not a fence end```\n:::type{cell=inner}\n::run\n\n  trailing  ';
  const markdown = `---\ntitle: Bytes\n---\n\n# Step\n\n:::type{cell=a}\n\`\`\`\`python\n${code}\n\`\`\`\`\n:::\n`;
  const { script, file } = compile(new TextEncoder().encode(markdown));
  assert.deepEqual(file.messages.map(String), []);
  const typed = script?.steps[0].operations.find(op => op.op === 'type');
  assert.equal(typed?.op === 'type' ? typed.text : undefined, code);
});

test('CRLF line ends and a byte-order mark change nothing but the line ends', () => {
  const lf = wrap('Hello there.\n\n:::type{cell=a}\n```python\nx = 1\ny = 2\n```\n:::');
  const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
  assert.deepEqual(compile(new TextEncoder().encode(crlf)).script, compile(lf).script);
});
