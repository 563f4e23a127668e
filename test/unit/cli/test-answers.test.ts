import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { answersFor, readAnswers, unknownTutorialsWarning } from '../../../src/cli/answers-file.js';
import { nodeIO } from '../../../src/cli/node-io.js';
import { answersAtPauses, type Answer } from '../../../src/cli/pause-answers.js';
import { testTutorial } from '../../../src/cli/tutorial-test.js';
import { compile } from '../../../src/compiler/index.js';
import { runCli } from './run-cli.js';

const code = (text: string, line?: number): Answer => ({ code: text, ...(line === undefined ? {} : { line }) });

test('answers go to the pause on their line, or without one to the pause at their place in the list', () => {
  const byPause = answersAtPauses([10, 20, 30], [code('a'), code('b', 30), code('c'), code('d', 10)]);
  assert.deepEqual(byPause, [[code('a'), code('d', 10)], [], [code('b', 30), code('c')]]);
});

test('an answer past the last pause fails the tutorial, naming it: a typo in the answers file never passes silently', () => {
  const result = answersAtPauses([10], [code('print(1)'), code('print(2)'), code('x = 3')]);
  assert.ok(!Array.isArray(result));
  assert.equal(
    result.problem,
    'answer 2 (`print(2)`), answer 3 (`x = 3`) would never run: without "line", answer N runs at the tutorial\'s pause N, and it has 1 pause on line 10; give each the "line" of its pause, or remove them from the answers file'
  );
  const none = answersAtPauses([], [code('print(1)')]);
  assert.ok(
    !Array.isArray(none) && none.problem.includes('answer 1 (`print(1)`) would never run') && none.problem.includes('it has no pause'),
    JSON.stringify(none)
  );
});

test('an answer on a line with no pause fails the tutorial, and long lists are cut short', () => {
  const result = answersAtPauses([5, 9], [code('a', 7)]);
  assert.ok(!Array.isArray(result));
  assert.equal(result.problem, 'the answers name line 7, where the tutorial has no pause (its pauses are on line 5, 9); fix "line" in the answers file');
  const many = answersAtPauses(
    [1],
    Array.from({ length: 100_000 }, (_, index) => code('x', index + 2))
  );
  assert.ok(!Array.isArray(many));
  assert.match(many.problem, /^the answers name line 2, 3, 4, 5, 6 and 99995 more, where/);
});

test('assigning 200,000 answers to 100,000 pauses takes linear time', () => {
  const pauses = Array.from({ length: 100_000 }, (_, index) => index * 3 + 1);
  const answers = [...pauses.map((_, index) => code(`print(${index})`)), ...pauses.map(line => code('pass', line))];
  const started = performance.now();
  const byPause = answersAtPauses(pauses, answers);
  const ms = performance.now() - started;
  assert.ok(Array.isArray(byPause));
  assert.equal(byPause[99_999].length, 2);
  assert.equal(byPause[99_999][0].code, 'print(99999)');
  // Quadratic (an indexOf per answer per pause) takes hours here.
  assert.ok(ms < 5_000, `${Math.round(ms)} ms`);
});

test('a tutorial with more answers than pauses errors before any code runs, naming the extra answer', async () => {
  const { script } = compile('---\ntitle: t\n---\n\n# Step\n\n:::pause\nYour turn.\n:::\n');
  assert.ok(script);
  const kernel = {
    execute: () => Promise.reject(new Error('no code may run when an answer cannot'))
  };
  const outcome = await testTutorial(script, kernel, { timeoutMs: 1_000, answers: [code('print(1)'), code('print(2)')] });
  assert.equal(outcome.status, 'errored');
  assert.match(outcome.error ?? '', /^answer 2 \(`print\(2\)`\) would never run/);
});

test('answers to a tutorial that is not tested are named in a warning, with the closest tutorial', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'notecast-answers-'));
  try {
    const path = join(dir, 'answers.json');
    await writeFile(path, JSON.stringify({ 'tutorials/01-intro.md': [], '02-function.md': [{ code: 'x' }], 'zzz.md': [] }));
    const answers = await readAnswers(nodeIO, path);
    const files = ['tutorials/01-intro.md', 'tutorials/02-functions.md'];
    assert.deepEqual(answersFor(answers, files[0]), []);
    assert.equal(answersFor(answers, files[1]), undefined);
    assert.equal(
      unknownTutorialsWarning(answers, files),
      `${path}: warning: the answers to "02-function.md" (did you mean "02-functions.md"?), "zzz.md" are not run: no tutorial given has that name; a key is a tutorial as given on the command line or its file name\n`
    );
    assert.equal(unknownTutorialsWarning(answers, [...files, 'a/02-function.md', 'zzz.md']), undefined, 'a file name matches in any folder');

    // Through the command: the warning comes first, before anything is started.
    const { code: exit, stderr } = await runCli('test', '--jupyter', join(dir, 'no-jupyter'), '--answers', path, ...files);
    assert.equal(exit, 2);
    assert.match(stderr, /warning: the answers to "02-function\.md" \(did you mean "02-functions\.md"\?\)/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('an answer whose regex RE2 refuses is a usage error naming the answer', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'notecast-answers-'));
  try {
    const path = join(dir, 'answers.json');
    await writeFile(path, JSON.stringify({ 'a.md': [{ code: 'print(1)', expect: '(\\d)\\1', match: 'regex' }] }));
    const { code: exit, stderr } = await runCli('test', '--answers', path, 'a.md');
    assert.equal(exit, 2);
    assert.match(stderr, /answer 1 to "a\.md": "expect" is not a regular expression \(invalid escape sequence: `\\1`; `match=regex` takes RE2 syntax/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
