import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failureDetails, jsonReport, MAX_DIFF_EDITS, outputDiff, summaryLine, totalsLine } from '../../../src/cli/test-report.js';
import type { RunFailure } from '../../../src/cli/tutorial-test.js';

const failure: RunFailure = {
  kind: 'output',
  line: 40,
  column: 1,
  cell: 'numbers',
  source: 'print(apples / friends)',
  expected: '2.4\n2 each\n',
  match: 'exact',
  actual: '2.5  \n2 each\n'
};

test('the diff is a unified diff of the normalised texts', () => {
  assert.equal(outputDiff('2.4\n2 each\n', '2.5  \n2 each'), '--- expected\n+++ actual\n@@ -1,2 +1,2 @@\n-2.4\n+2.5\n 2 each\n');
});

const numbered = (count: number, line: (index: number) => string): string => Array.from({ length: count }, (_, index) => line(index)).join('\n');

test('outputs too different for a diff get a summary: how many lines differ, and the first that does', () => {
  // 3,000 lines that all differ: the unbounded diff took 5 s here, and grows with the square.
  const text = outputDiff(
    numbered(3_000, index => `mean ${index}`),
    numbered(2_999, index => `mean ${index + 0.5}`)
  );
  assert.equal(
    text,
    '--- expected\n+++ actual\nthe outputs differ in 3000 of 3000 lines, too many for a diff; first difference at line 1:\n-mean 0\n+mean 0.5\n'
  );
  const shorter = outputDiff(
    numbered(3_000, index => `${index}`),
    `${numbered(2_000, index => `${index}`)}\n${numbered(999, index => `x${index}`)}`
  );
  assert.match(shorter, /differ in 1000 of 3000 lines, too many for a diff; first difference at line 2001:\n-2000\n\+x0\n$/);
  const past = outputDiff(
    numbered(1, () => 'a'),
    numbered(MAX_DIFF_EDITS + 1, index => `b${index}`)
  );
  assert.match(past, /first difference at line 1:\n-a\n\+b0\n$/);
  const missing = outputDiff(
    numbered(2 * MAX_DIFF_EDITS, index => `same ${index}`),
    numbered(4 * MAX_DIFF_EDITS, index => (index < 2 * MAX_DIFF_EDITS ? `same ${index}` : `more ${index}`))
  );
  assert.match(
    missing,
    /differ in 2000 of 4000 lines, too many for a diff; first difference at line 2001:\n- \(no line 2001: it has 2000 lines\)\n\+more 2000\n$/
  );
});

test('a summary quotes a long line cut short, and never splits a character', () => {
  const long = `${'x'.repeat(199)}😀${'y'.repeat(5_000)}`;
  const text = outputDiff(
    numbered(3_000, index => `${index}`),
    `${long}\n${numbered(2_999, index => `z${index}`)}`
  );
  assert.ok(text.includes(`\n+${'x'.repeat(199)}… (5201 characters)\n`), text);
});

test('a 20,000-line output that differs everywhere is summarised at once; few changes in it still get their diff', () => {
  const expected = numbered(20_000, index => `row ${index}`);
  let started = performance.now();
  const summary = outputDiff(
    expected,
    numbered(20_000, index => `row ${index}!`)
  );
  const summaryMs = performance.now() - started;
  assert.match(summary, /differ in 20000 of 20000 lines/);
  // The unbounded diff took 172 s.
  assert.ok(summaryMs < 5_000, `${Math.round(summaryMs)} ms`);
  started = performance.now();
  const diff = outputDiff(
    expected,
    numbered(20_000, index => (index % 100 === 50 ? `row ${index}!` : `row ${index}`))
  );
  assert.ok(diff.startsWith('--- expected\n+++ actual\n@@ -48,7 +48,7 @@\n'), diff.slice(0, 200));
  assert.equal(diff.split('\n').filter(line => line.startsWith('+row')).length, 200);
  assert.ok(performance.now() - started < 5_000);
});

test("--json carries the summary as the failure's diff", () => {
  const report = JSON.parse(
    jsonReport([
      {
        file: 'a.md',
        status: 'failed',
        ms: 1,
        failures: [{ ...failure, expected: numbered(3_000, String), actual: numbered(3_000, index => `-${index}`) }]
      }
    ])
  ) as { tutorials: [{ failures: [{ diff: string }] }] };
  assert.match(report.tutorials[0].failures[0].diff, /the outputs differ in 3000 of 3000 lines/);
});

test("a failure shows where, what, the diff and the cell's source", () => {
  const text = failureDetails('tutorials/a.md', failure);
  assert.match(text, /^tutorials\/a\.md:40:1: error: cell "numbers" printed other output than expected \(output-mismatch\)\n/);
  assert.match(text, /\n-2\.4\n\+2\.5\n/);
  assert.match(text, /\ncell source:\n {4}print\(apples \/ friends\)\n$/);
});

test("the kernel's text is shown, never obeyed: escape sequences are escaped", () => {
  const text = failureDetails('a.md', { ...failure, actual: '\u001b[2J\u001b]0;owned\u0007' });
  assert.ok(!text.includes('\u001b'), text);
  assert.match(text, /\\u001b\[2J/);
});

test('an unexpected exception names it and says how to expect it', () => {
  const text = failureDetails('a.md', {
    ...failure,
    kind: 'unexpected-error',
    expected: undefined,
    actual: '',
    raised: { name: 'ZeroDivisionError', value: 'division by zero' }
  });
  assert.match(
    text,
    /raised ZeroDivisionError: division by zero; if the tutorial means it, write `:::run\{error=ZeroDivisionError\}` \(unexpected-error\)/
  );
});

test('one line per tutorial, and the totals count errored tutorials as failed', () => {
  assert.equal(
    summaryLine({ file: 'a.md', status: 'passed', ms: 1234, runs: 4, compared: 2, failures: [] }),
    'PASS  a.md (4 runs, 2 compared, 0 failures, 1.2 s)'
  );
  assert.equal(summaryLine({ file: 'b.md', status: 'errored', ms: 50, error: 'the kernel is gone' }), 'ERROR b.md (0.1 s): the kernel is gone');
  assert.equal(
    totalsLine([
      { file: 'a', status: 'passed', ms: 0 },
      { file: 'b', status: 'failed', ms: 0 },
      { file: 'c', status: 'errored', ms: 0 }
    ]),
    '1 passed, 2 failed (1 errored)'
  );
});
