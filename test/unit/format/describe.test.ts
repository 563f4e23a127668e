import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeCode, describeCodeParts } from '../../../src/format/index.js';

test('the describer still says what common lines do', () => {
  assert.equal(describeCode('for value in values:\n    total += value'), 'loops over values');
  assert.equal(describeCode('async def fetch(url):\n    pass'), 'defines fetch');
  assert.equal(describeCode('a, b = 1, 2\nresult.append(a)'), 'assigns a, b, calls result.append');
  assert.equal(describeCode('# Results\n\nSome text'), 'heading Results');
  assert.equal(describeCode('import os, sys'), 'imports os, sys');
  assert.equal(describeCode('x == 1'), '');
});

test('a 400 KB line is described at once, whatever it holds (no pattern backtracks), and the description stays short', () => {
  const long = 400_000;
  const lines = [
    // The old `for (.+?) in (.+?):` took 19 s on this one: every " in " restarted a scan to the end.
    `for ${'x in '.repeat(long / 5)}`,
    `for ${'a '.repeat(long / 2)}`,
    `for x in ${'b'.repeat(long)}:`,
    `from ${'m'.repeat(long)} import ${'n, '.repeat(long / 3)}`,
    `import ${'i,'.repeat(long / 2)}`,
    `${'x , '.repeat(long / 4)}`,
    `# ${' '.repeat(long)}heading`,
    `${' '.repeat(long)}print(1)`,
    `${'\t'.repeat(long)}`
  ];
  for (const line of lines) {
    const description = describeCode(line);
    assert.ok(description.length <= 3 * 60, `${line.slice(0, 20)}…: ${description.length}`);
  }
  const many = Array.from({ length: 2000 }, (_, i) => `${'é'.repeat(300)}${i} = f(${'('.repeat(300)}`).join('\n');
  assert.ok(describeCode(many).length <= 3 * 60);
});

test('what code does is data for the front ends to word: at most three parts, each once', () => {
  assert.deepEqual(describeCodeParts('from collections import Counter\nfor v in values:\n    print(v)\nprint(1)\nprint(2)\nx = 1'), [
    { kind: 'imports-from', names: 'Counter', module: 'collections' },
    { kind: 'loops-over', over: 'values' },
    { kind: 'prints' }
  ]);
  assert.deepEqual(describeCodeParts('x == 1'), []);
});

test('a # line is a heading in markdown and a comment in code; a cell magic names the cell and says no more', () => {
  assert.equal(describeCode('# Results', 'markdown'), 'heading Results');
  assert.equal(describeCode('# load the data\ndf = read()', 'code'), 'comment load the data, assigns df');
  assert.equal(describeCode('%%bash\nls -l\nx = 1', 'code'), 'cell magic %%bash');
  assert.equal(describeCode('%%timeit -n 3\nsum(range(9))'), 'cell magic %%timeit');
  assert.equal(describeCode('%%bash is a magic', 'markdown'), '');
});
