import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failureDetails, outputDiff, summaryLine, totalsLine } from '../../../src/cli/test-report.js';
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
