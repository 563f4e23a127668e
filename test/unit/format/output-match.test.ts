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
  assert.match(outputMatchProblem('total (', 'regex') ?? '', /^missing closing \): `total \(`; `match=regex` takes RE2 syntax/);
  assert.equal(outputMatchProblem('total (', 'contains'), undefined, 'only regex can be wrong');
});

test('regex: RE2 syntax, refused at compile time where it has no backreferences or lookaround', () => {
  assert.match(outputMatchProblem('total(?= \\d)', 'regex') ?? '', /`\(\?=`.*no backreferences and no lookaround/);
  assert.match(outputMatchProblem('(?<!-)\\d', 'regex') ?? '', /no backreferences and no lookaround/);
  assert.match(outputMatchProblem('(\\w+) \\1', 'regex') ?? '', /invalid escape sequence: `\\1`/);
  assert.match(outputMatchProblem('\\u00e9', 'regex') ?? '', /invalid escape sequence: `\\u`/, 'RE2 writes it \\x{e9}');
  assert.equal(outputMatchProblem('caf\\x{e9} (?P<n>\\d+) [[:alpha:]]+ \\p{Greek}?', 'regex'), undefined);
  assert.ok(outputMatches('caf\\x{e9} \\d+', 'café 42', 'regex'));
  assert.ok(outputMatches('^.$', '😀', 'regex'), 'a character is a code point, not a UTF-16 unit');
  assert.ok(!outputMatches('(?=x)', 'x', 'regex'), 'a pattern RE2 refuses matches nothing');
  const long = 'a'.repeat(100) + '\x1b[31m';
  assert.ok((outputMatchProblem(`${long}(?=`, 'regex') ?? '').length < 200, "the author's text in the reason is shortened");
  assert.ok(!(outputMatchProblem(`\x1b[31m(?=`, 'regex') ?? '').includes('\x1b'), 'and escaped');
});

test('regex: time linear in the output, even for a pattern that backtracks catastrophically', () => {
  // A backtracking engine tries 2^n ways: 26 letters take JavaScript's RegExp 5 s, 40 would take days,
  // with the event loop blocked (no timeout, no Ctrl-C) all along.
  const short = performance.now();
  assert.ok(!outputMatches('^(a+)+$', `${'a'.repeat(26)}b`, 'regex'));
  assert.ok(performance.now() - short < 500, `27 characters took ${Math.round(performance.now() - short)} ms`);
  const output = `${'a'.repeat(1_000_000)}b`;
  const started = performance.now();
  assert.ok(!outputMatches('^(a+)+$', output, 'regex'));
  assert.ok(!outputMatches('^(a|aa)*$', output, 'regex'));
  assert.ok(outputMatches('^(a+)+b$', output, 'regex'));
  const ms = performance.now() - started;
  assert.ok(ms < 2_000, `three matches over 1,000,001 characters took ${Math.round(ms)} ms`);
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
