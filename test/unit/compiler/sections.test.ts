import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Root } from 'mdast';
import { compile } from '../../../src/compiler/index.js';
import { parseWhole, withWholeParse } from '../../../src/compiler/parse.js';
import { parseElidingLongBlocks } from '../../../src/compiler/long-blocks.js';
import { forEachSection, sectionStarts, parseInSections } from '../../../src/compiler/sections.js';
import { seededRandom } from '../../../src/format/keystrokes.js';
import { mutate } from '../../helpers/mutate.js';
import { fromRoot } from '../../helpers/paths.js';

/**
 * Parsing section by section must give exactly the tree a whole-document
 * parse gives (positions included), and so the same scripts and messages.
 * Sections are tried at every possible split (`minSection: 0`), the hardest case,
 * and at the default size. Reproduce a failure with SECTIONS_SEED=<seed>.
 */
const SEED = Number(process.env.SECTIONS_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.SECTIONS_RUNS ?? 1500);

const inputs: Array<{ name: string; text: string }> = [
  ...readdirSync(fromRoot('tutorials'))
    .filter(name => name.endsWith('.md'))
    .map(name => ({ name: `tutorials/${name}`, text: readFileSync(fromRoot('tutorials', name), 'utf8') })),
  ...readdirSync(fromRoot('test', 'fixtures', 'compiler')).map(name => ({
    name: `fixtures/${name}`,
    text: new TextDecoder().decode(readFileSync(fromRoot('test', 'fixtures', 'compiler', name, 'input.md')))
  }))
];

function compiled(text: string): unknown {
  const result = compile(text, { path: 'input.md' });
  return {
    script: result.script,
    messages: result.file.messages.map(m => ({ reason: m.reason, ruleId: m.ruleId, line: m.line, column: m.column, fatal: m.fatal, place: m.place }))
  };
}

function assertSame(text: string, what: string): void {
  const whole = parseWhole(text);
  assert.deepStrictEqual(parseInSections(text, parseWhole, { minSection: 0 }), whole, `${what}: tree, a section at every split`);
  assert.deepStrictEqual(parseInSections(text, parseWhole), whole, `${what}: tree, default sections`);
  assert.deepStrictEqual(
    compiled(text),
    withWholeParse(() => compiled(text)),
    `${what}: script and messages`
  );
}

test('every tutorial and fixture parses and compiles the same in sections as whole', () => {
  let split = 0;
  for (const { name, text } of inputs) {
    assertSame(text, name);
    split += sectionStarts(text).length;
  }
  assert.ok(split > 50, `the inputs have lines to split at (${split})`);
});

test('a plain paragraph is cut between its lines and joined back; one that may not be plain is not cut', () => {
  const cut = [
    'One line\nand another\nand a third.\n',
    '# a\n\nOne line\nand another &amp; more\nand a third\n\n# b\n',
    'One line\r\nand another\r\n\r\nnext\r\n',
    'Été\nçà et là\n',
    'Call `f` then\nand `` g ` `` and\nsee `h`\nlast `i`\n\n',
    'Ends with `code`\nstarts plain\n'
  ];
  const kept = [
    'One line\nand another\n===\n',
    'One line\nand another\n---\n',
    'One *line\nand* another\n\n',
    'One line  \nand another\n\n',
    'One line\\\nand another\n\n',
    'One [line\nand](u) another\n\n',
    'One line\nand another\n# heading\n',
    'One line\n  and another\n\n',
    'One `line\nand` another\n\n',
    'One `` line ` \nand another\n\n',
    '<div>\nOne line\nand another\n\n',
    '- item\nlazy line\nand another\n\n'
  ];
  for (const [texts, paragraphsCut] of [
    [cut, true],
    [kept, false]
  ] as const) {
    for (const text of texts) {
      const stats = { sections: 0, refused: 0, inside: 0 };
      assert.deepStrictEqual(parseInSections(text, parseWhole, { minSection: 0, stats }), parseWhole(text), JSON.stringify(text));
      assert.equal(stats.inside > 0, paragraphsCut, `${JSON.stringify(text)}: ${stats.inside} cuts`);
    }
  }
});

test('a line inside fenced code, a container, HTML, front matter, a paragraph or a list is not a split', () => {
  const cases = [
    '# a\n```\n# in code\n```\n# b\n',
    '# a\n~~~~\n# in code\n~~~\n# still code\n~~~~\n# b\n',
    '# a\n:::say\n# in a container\n:::\n# b\n',
    '# a\n::::say\n:::\n# in the container\n::::\n# b\n',
    '# a\n<!--\n# in a comment\n-->\n# b\n',
    '# a\n<pre>\n# in pre\n</pre>\n# b\n',
    '# a\n<div>\n# in the html block\n\n# b\n',
    '# a\n<?x\n# in\n?>\n# b\n',
    '# a\n<![CDATA[\n# in\n]]>\n# b\n',
    '# a\n<!X\n# in\n>\n# b\n',
    '---\ntitle: T\n# a comment\n---\n# a\n',
    '---\ntitle: T\n# a comment\n--- \n# a\n---\n# b\n',
    '# a\n- ```\n  x\n# b\n```\n# c\n',
    '# a\n> <!--\n# b\n-->\n# c\n',
    '# a\n   ```\n# in\n   ```\n# b\n',
    '# a\n    ```\n# b\n```\n# c\n',
    '# a\n```\n# in\n',
    '# a\n- one\n\n- two\n\ntext\n\n- three\n  \n  more\n\n* four\n',
    '# a\n> quote\n\nlazy?\n\n    code\n\ntext\n===\n\ntext\n---\n\n---\n\n<div>\n\n<div>\nx\n\n::run\n\n:::say\n\nx\n\n:::\n',
    '---\ntitle: T\n---\n\n---\ntitle: U\n---\n\n\ufeff# a\n\n\ufeffb\n',
    '# a\n```\n\ndef f():\n\nx\n```\n\n<!--\n\nx\n\n-->\n\n<pre>\n\nx\n</pre>\n',
    // After indented code and a blank line the parser reads `-` as a paragraph, alone as an empty list item.
    '#\n     One\n\n-\n- ```\n a list item\n',
    // A fence that a `:::` closes early makes later lines code, though the scan saw a plain paragraph there.
    ':::type{cell=a}\n```python\nx\n:::\ny\n```\n:::\n\n# b\n\nplain line\nand another\n\n```\n'
  ];
  for (const text of cases) {
    assertSame(text, JSON.stringify(text));
  }
});

test('one long step of many containers and fenced blocks is cut between them, not parsed whole', () => {
  const blocks = Array.from({ length: 3000 }, (_, i) =>
    i % 3 === 0
      ? `:::type{cell=c${i}}\n\`\`\`python\nprint(${i})\n\`\`\`\n:::\n`
      : i % 3 === 1
        ? `:::say\nSaid ${i}.\n:::\n`
        : `\`\`\`\nshown ${i}\n\`\`\`\n`
  );
  const text = `---\ntitle: T\n---\n\n# One\n\nIntro.\n\n${blocks.join('\n')}`;
  let largest = 0;
  let sections = 0;
  forEachSection(text, parseWhole, section => {
    sections++;
    const { start, end } = section.position!;
    largest = Math.max(largest, end.offset! - start.offset!);
  });
  // Sections are joined up to 4 K characters and end at the next block: never the whole step (about 80 K).
  assert.ok(sections > 10 && largest < 6 * 1024, `${sections} sections, the largest ${largest} characters of ${text.length}`);
  assertSame(text, 'one long step of containers');
});

const LINES = [
  '# Heading',
  '## Sub',
  '#',
  '#no',
  '####### seven',
  '   # indented heading',
  '    # code',
  '\t# tab',
  'text',
  'more text',
  '',
  '',
  '',
  '```',
  '```python',
  '````',
  '~~~',
  '~~~~',
  '   ```',
  '    ```',
  '- ```',
  '  ```',
  '> ```',
  '- item',
  '  - nested',
  '1. one',
  '> quote',
  '> # quoted',
  ':::type{cell=a}',
  ':::say',
  '::::pause',
  ':::',
  '::::',
  '::run',
  '::run{cell=a}',
  '<!--',
  '-->',
  '<!-- x -->',
  '<!-->',
  '<pre>',
  '</pre>',
  '<script>',
  '</script>',
  '<style',
  '<textarea>',
  '<?x',
  '?>',
  'text `code` more',
  'text `open',
  'close` text',
  'text ``two ` one``',
  '<![CDATA[',
  ']]>',
  '<!DOCTYPE',
  '>',
  '<div>',
  '</div>',
  '<b>',
  '<custom-tag>',
  '---',
  '***',
  '===',
  '\ufeff---',
  '[a]',
  '*a*',
  '`x`',
  '- <div>',
  '> <pre>',
  '  <!--',
  '    <!--'
];

function randomDocument(random: () => number): string {
  const lines: string[] = [];
  if (random() < 0.3) {
    lines.push('---', 'title: T', ...(random() < 0.3 ? ['# comment'] : []), random() < 0.8 ? '---' : '--- ');
  }
  const count = 1 + Math.floor(random() * 40);
  for (let i = 0; i < count; i++) {
    lines.push(random() < 0.25 ? `# Step ${i}` : LINES[Math.floor(random() * LINES.length)]);
  }
  // Rarely, what makes the document parse whole: a definition, a lone CR.
  if (random() < 0.03) {
    lines.splice(Math.floor(random() * lines.length), 0, random() < 0.5 ? '[a]: /url' : 'a\r');
  }
  return lines.join(random() < 0.05 ? '\r\n' : '\n') + (random() < 0.7 ? '\n' : '');
}

const FRAGMENTS = [
  '\n# h\n',
  '\n```\n',
  '\n~~~\n',
  '\n:::say\n',
  '\n:::\n',
  '\n<!--\n',
  '\n-->\n',
  '\n<div>\n',
  '\n\n',
  '\n- ```\n',
  '\n> ',
  '\n    ',
  '\n<pre>\n',
  '\n</pre>\n',
  '---\n',
  '#',
  '`',
  ':',
  '<',
  '\n# ',
  '\n- # x\n',
  '\n<?\n'
];

test(`random and mutated tutorials parse the same in sections as whole (seed ${SEED}, ${RUNS} runs)`, () => {
  console.log(`sections seed: ${SEED} (rerun with SECTIONS_SEED=${SEED})`);
  const random = seededRandom(SEED);
  const stats = { sections: 0, refused: 0, inside: 0 };
  const elision = { elided: 0, fallbacks: 0 };
  let whole = 0;
  for (let run = 0; run < RUNS; run++) {
    const text =
      run % 2 === 0
        ? randomDocument(random)
        : mutate(inputs[Math.floor(random() * inputs.length)].text, random, {
            fragments: FRAGMENTS,
            weights: { fragment: 0.6, remove: 0.25, copy: 0.15 },
            copyLength: 200
          });
    const before = stats.sections;
    assert.deepStrictEqual(
      parseInSections(text, parseWhole, { minSection: 0, stats }),
      parseWhole(text),
      `run ${run} (SECTIONS_SEED=${SEED}): ${JSON.stringify(text.slice(0, 2000))}`
    );
    // Every fenced and container body elided, however short: the tree must not change.
    const lean = (part: string): Root =>
      parseElidingLongBlocks(part, parseWhole, { minBody: 1, stats: elision, parseBody: body => parseInSections(body, lean, { minSection: 0 }) });
    assert.deepStrictEqual(lean(text), parseWhole(text), `run ${run} (SECTIONS_SEED=${SEED}), fences elided: ${JSON.stringify(text.slice(0, 2000))}`);
    if (run % 5 === 0) {
      assert.deepStrictEqual(
        compiled(text),
        withWholeParse(() => compiled(text)),
        `run ${run} (SECTIONS_SEED=${SEED}): compile`
      );
    }
    if (stats.sections - before <= 1) {
      whole++;
    }
  }
  console.log(
    `sections: ${stats.sections} parsed, ${stats.refused} splits refused, ${stats.inside} paragraphs cut; ${whole} of ${RUNS} inputs parsed in one piece`
  );
  // That the fuzzing reaches the cutting at all (seeds give 60 to 160 cuts in 1,500 runs), not how often.
  assert.ok(stats.inside > RUNS / 40, `plain paragraphs are cut too (${stats.inside})`);
  console.log(`long blocks: ${elision.elided} bodies elided, ${elision.fallbacks} guesses refused`);
  assert.ok(elision.elided > RUNS / 10 && elision.fallbacks > 0, `${elision.elided} elided, ${elision.fallbacks} refused`);
  // The splits, and the check that refuses the scan's wrong guesses, are both exercised.
  assert.ok(
    stats.sections > RUNS * 1.5 && stats.refused > 0 && whole < RUNS * 0.6,
    `${stats.sections} sections, ${stats.refused} refused, ${whole} whole`
  );
});
