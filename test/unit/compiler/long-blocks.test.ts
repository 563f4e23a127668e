import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../../../src/compiler/index.js';
import { parseElidingLongBlocks } from '../../../src/compiler/long-blocks.js';
import { parseInSections } from '../../../src/compiler/sections.js';
import type { Root } from 'mdast';
import { parseWhole, withWholeParse } from '../../../src/compiler/parse.js';

/**
 * Long fenced bodies are kept away from the parser and put back: the tree
 * must be exactly the one the whole text gives, and where the line scan
 * guessed wrong (a fence in HTML, an indented closing fence, a `:::` that
 * closes the container) the real text must be parsed instead.
 */
const CASES: Array<{ text: string; elided: number; fallbacks: number }> = [
  { text: '# a\n```py\nx = 1\ny = 2\n```\n# b\ntext\n', elided: 1, fallbacks: 0 },
  { text: '# a\r\n```py\r\nx = 1\r\ny = 2\r\n```\r\n# b\r\ntext\r\n', elided: 1, fallbacks: 0 },
  { text: ':::type{cell=a}\n```\nline\nmore\n```\n:::\n\n# c\n\n```\n\n\n```\n', elided: 3, fallbacks: 0 },
  // Containers: the body is parsed as a document of its own, nested containers and fences inside elided in turn.
  { text: '::::say\nouter\n\n:::pause[Try it]\ninner\n\n- a\n- b\n:::\n\nend\n::::\nafter\n', elided: 2, fallbacks: 0 },
  { text: ':::say\n> quote\n\n    code\n:::\n', elided: 1, fallbacks: 0 },
  { text: 'para\n:::say\nbody\n:::\n', elided: 1, fallbacks: 0 },
  { text: '~~~~\ncode\n~~~\n~~~~ \nafter\n', elided: 1, fallbacks: 0 },
  { text: '> ```\n> code\n```\nq\n```\n', elided: 1, fallbacks: 0 },
  { text: '```\n\u00e9\ud83d\ude00\n```\n```\nb\n```\n', elided: 2, fallbacks: 0 },
  // The scan's guesses the parse refutes.
  { text: '<div>\n```\ncode\n```\n</div>\n', elided: 0, fallbacks: 1 },
  { text: '<!--\n```\ncode\n-->\n```\nz\n', elided: 0, fallbacks: 1 },
  { text: '  ```\ncode\n```\nafter\n```\n', elided: 0, fallbacks: 1 },
  // Bodies the parser may end early or change are never elided.
  { text: ':::type{cell=a}\n```\nline\n:::\nmore\n```\n:::\n', elided: 1, fallbacks: 0 },
  { text: ':::say\n---\ntitle: x\n---\n:::\n', elided: 0, fallbacks: 0 },
  { text: ':::say\nunclosed\n\n# b\n', elided: 0, fallbacks: 0 },
  { text: '[a]: /u\n:::say\n[a]\n:::\n', elided: 0, fallbacks: 0 },
  { text: '```\ncode\n  ```\nafter\n```\n', elided: 0, fallbacks: 0 },
  { text: '```\n\0x\n```\n', elided: 0, fallbacks: 0 },
  { text: '```\ncode\rx\n```\n', elided: 0, fallbacks: 0 },
  { text: '``` a`b\ncode\n```\n', elided: 0, fallbacks: 0 },
  { text: '```\ncode\n```', elided: 0, fallbacks: 0 }
];

test('eliding fenced bodies gives the tree of the whole text, and refuses wrong guesses', () => {
  for (const { text, elided, fallbacks } of CASES) {
    const stats = { elided: 0, fallbacks: 0 };
    const lean = (part: string): Root =>
      parseElidingLongBlocks(part, parseWhole, { minBody: 1, stats, parseBody: body => parseInSections(body, lean, { minSection: 0 }) });
    assert.deepStrictEqual(lean(text), parseWhole(text), JSON.stringify(text));
    assert.deepStrictEqual(stats, { elided, fallbacks }, JSON.stringify(text));
  }
});

test('a tutorial with a long typed block compiles to the same script and messages as without elision', () => {
  const code = Array.from({ length: 3000 }, (_, i) => `value_${i} = compute(${i})  # line ${i}`).join('\n');
  const text = `---\ntitle: Long\n---\n\n# One\n\nType it.\n\n:::type{cell=a}\n\`\`\`python\n${code}\n\`\`\`\n:::\n\n# Two\n\n::run{cell=a}\n\n::nope\n`;
  const stats = { elided: 0, fallbacks: 0 };
  parseElidingLongBlocks(text, parseWhole, { stats, parseBody: parseWhole });
  assert.equal(stats.elided, 1, 'the default threshold elides a 100 KB body');
  const result = (source: string) => {
    const { script, file } = compile(source, { path: 'long.md' });
    return { script, messages: file.messages.map(m => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`) };
  };
  const lean = result(text);
  assert.deepStrictEqual(
    lean,
    withWholeParse(() => result(text))
  );
  assert.ok(
    lean.messages.some(m => m.startsWith('3018:1 unknown-directive')),
    `the message after the block keeps its line: ${lean.messages.join('; ')}`
  );
});
