import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeOutput, outputMatches, outputMatchProblem, validateScript, type Script } from '../../../src/format/index.js';

test('normalising drops trailing whitespace on each line and final newlines, and reads CRLF as LF', () => {
  assert.equal(normalizeOutput('a  \r\nb\t\n\n\n'), 'a\nb');
  assert.equal(normalizeOutput('  indented\n'), '  indented', 'leading whitespace counts');
  assert.equal(normalizeOutput('a\n\nb'), 'a\n\nb', 'blank lines inside count');
});

test('exact: the same text after normalising, and nothing else', () => {
  assert.ok(outputMatches('2.4\n2 each\n', '2.4   \n2 each'));
  assert.ok(!outputMatches('2.4', '2.40'));
  assert.ok(!outputMatches('a\nb', 'a\n\nb'));
  assert.ok(!outputMatches('a', ' a'));
  assert.ok(outputMatches('', '\n\n'), 'an empty block expects no output');
  assert.ok(!outputMatches('', 'something'));
});

test('contains: the expected text anywhere in the output', () => {
  assert.ok(outputMatches('mean 26.5', 'rows 6\nmean 26.5\nmedian 27', 'contains'));
  assert.ok(outputMatches('6\nmean', 'rows 6\nmean 26.5', 'contains'), 'across lines');
  assert.ok(!outputMatches('mean 27', 'mean 26.5', 'contains'));
});

test('regex: a regular expression searched in the output; anchors anchor', () => {
  assert.ok(outputMatches('mean \\d+\\.\\d+', 'rows 6\nmean 26.5', 'regex'));
  assert.ok(!outputMatches('^mean', 'rows 6\nmean 26.5', 'regex'), '^ is the start of the output');
  assert.ok(outputMatches('^rows \\d[\\s\\S]*5$', 'rows 6\nmean 26.5\n', 'regex'));
  assert.ok(!outputMatches('(', '(', 'regex'), 'a pattern that does not compile matches nothing');
  assert.match(outputMatchProblem('total (', 'regex') ?? '', /Invalid regular expression/);
  assert.equal(outputMatchProblem('total (', 'contains'), undefined, 'only regex can be wrong');
});

test('ellipsis: `...` stands for any text, the rest is exact', () => {
  assert.ok(outputMatches('<object at 0x...>', '<object at 0x7f3a2c>', 'ellipsis'));
  assert.ok(outputMatches('first\n...\nlast', 'first\n2\n3\nlast', 'ellipsis'), 'across lines');
  assert.ok(outputMatches('a...b...c', 'abc', 'ellipsis'), 'matching nothing');
  assert.ok(outputMatches('...', 'anything at all', 'ellipsis'));
  assert.ok(!outputMatches('a...c', 'abd', 'ellipsis'), 'the end must match');
  assert.ok(!outputMatches('x...c', 'abc', 'ellipsis'), 'the start must match');
  assert.ok(!outputMatches('ab...bc', 'abc', 'ellipsis'), 'start and end may not overlap');
  assert.ok(!outputMatches('a...b...b...c', 'abc', 'ellipsis'), 'each piece needs its own text');
  assert.ok(!outputMatches('a...c...b', 'abc', 'ellipsis'), 'pieces out of order');
  assert.ok(outputMatches('no wildcard', 'no wildcard', 'ellipsis'));
  assert.ok(!outputMatches('no wildcard', 'no wildcard!', 'ellipsis'));
  assert.ok(!outputMatches('a...b', 'a...c', 'exact'), 'in exact mode `...` is three dots');
});

test('validation refuses `match` without `expect` and a regex that does not compile', () => {
  const script = (run: object): Script => ({
    version: 1,
    title: 't',
    kernel: 'python3',
    cells: { a: { name: 'a', type: 'code' } },
    steps: [
      {
        title: 's',
        narration: '',
        narrationMs: 0,
        operations: [
          { op: 'insert-cell', at: 0, cell: 'a', index: 0 },
          { op: 'run', at: 0, cell: 'a', ...run }
        ]
      }
    ]
  });
  assert.deepEqual(validateScript(script({ expect: 'x', match: 'regex', error: 'ValueError' })).problems, []);
  const messages = (run: object): string[] => validateScript(script(run)).problems.map(problem => problem.message);
  assert.ok(messages({ match: 'contains' }).some(message => message.includes('no `expect`')));
  assert.ok(messages({ expect: '(', match: 'regex' }).some(message => message.includes('not a regular expression')));
  assert.ok(messages({ expect: 'x', match: 'fuzzy' }).length > 0, 'an unknown mode');
  assert.ok(messages({ error: '' }).length > 0, 'an empty error name');
});
