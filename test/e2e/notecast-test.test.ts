/**
 * `notecast test` end to end: the real command (bin/notecast.js in a child
 * process) starting a real Jupyter server from the project's venv and a real
 * ipykernel, on tutorials written here for each way a test can end.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { startJupyterServer as startOwnServer } from '../../src/cli/kernel/index.js';
import { JUPYTER, REPO_ROOT, sleep } from './jupyter-server.js';

const NOTECAST = join(REPO_ROOT, 'bin', 'notecast.js');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dir: string;

before(async () => {
  assert.ok(existsSync(JUPYTER), `${JUPYTER} not found: run \`make setup\` first (or set NOTECAST_JUPYTER)`);
  dir = await mkdtemp(join(tmpdir(), 'notecast-test-e2e-'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A tutorial file in the test's folder: front matter, one step, then `body`. */
async function tutorial(name: string, body: string, kernel = 'python3'): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `---\ntitle: ${name}\nkernel: ${kernel}\n---\n\n# Step\n\n${body.trim()}\n`);
  return name;
}

/** `:::type` of `code` into cell `cell`. */
function type(cell: string, code: string): string {
  return `:::type{cell=${cell}}\n\`\`\`python\n${code}\n\`\`\`\n:::\n`;
}

/** `:::run` expecting `output`, with optional attributes. */
function run(output: string, attributes = ''): string {
  return `:::run${attributes ? `{${attributes}}` : ''}\n\`\`\`text\n${output}\n\`\`\`\n:::\n`;
}

/** The line of the `nth` run directive (from 1) in a tutorial of the test's folder, counted from its text. */
function runLine(name: string, nth = 1): number {
  const lines = readFileSync(join(dir, name), 'utf8').split('\n');
  const runs = lines.flatMap((line, index) => (/^:{2,3}run\b/.test(line) ? [index + 1] : []));
  return runs[nth - 1];
}

/** `text` as a regular expression matching it literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The child while it runs: its pid and what it wrote to stderr so far. */
interface Running {
  pid: number;
  stderr(): string;
}

function notecast(args: string[], onSpawn?: (running: Running) => void): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NOTECAST, 'test', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += String(chunk)));
    child.stderr.on('data', chunk => (stderr += String(chunk)));
    child.once('error', reject);
    child.once('exit', code => resolve({ code, stdout, stderr }));
    if (child.pid !== undefined) onSpawn?.({ pid: child.pid, stderr: () => stderr });
  });
}

const testIn = (args: string[], onSpawn?: (running: Running) => void): Promise<Finished> => notecast(['--jupyter', JUPYTER, ...args], onSpawn);

const PASSING = [type('a', 'print("hello")\nprint(6 * 7)'), run('hello\n42'), type('b', 'x = 1'), '::run', type('c', '{"x": 1}'), run("{'x': 1}")].join(
  '\n'
);

test(
  'a tutorial whose runs print what they expect passes, and exit 0 (with --jupyter a path relative to the current folder)',
  { timeout: 120_000 },
  async () => {
    const file = await tutorial('passing.md', PASSING);
    const { code, stdout, stderr } = await notecast(['--jupyter', relative(dir, JUPYTER), file]);
    assert.equal(code, 0, stdout + stderr);
    assert.match(stdout, /^PASS {2}passing\.md \(3 runs, 2 compared, 0 failures, \d+\.\d s\)$/m);
    assert.match(stdout, /\n1 passed, 0 failed\n$/);
  }
);

test('a wrong expected output fails with its position, a unified diff and the cell source', { timeout: 120_000 }, async () => {
  const file = await tutorial('wrong.md', [type('a', 'print("hello")\nprint("world")'), run('hello\nthere')].join('\n'));
  const { code, stdout } = await testIn([file]);
  assert.equal(code, 1, stdout);
  assert.match(stdout, /^FAIL {2}wrong\.md /m);
  assert.ok(stdout.includes(`\nwrong.md:${runLine(file)}:1: error: cell "a" printed other output than expected (output-mismatch)\n`), stdout);
  assert.ok(stdout.includes('--- expected\n+++ actual\n@@ -1,2 +1,2 @@\n hello\n-there\n+world\n'), stdout);
  assert.ok(stdout.includes('cell source:\n    print("hello")\n    print("world")\n'), stdout);
  assert.match(stdout, /\n0 passed, 1 failed\n$/);
});

test('an unexpected exception fails the run that raised it, and later runs are still checked', { timeout: 120_000 }, async () => {
  const file = await tutorial('raises.md', [type('a', '1 / 0'), '::run', type('b', 'print("after")'), run('before')].join('\n'));
  const { code, stdout } = await testIn([file]);
  assert.equal(code, 1, stdout);
  assert.match(
    stdout,
    new RegExp(
      `^raises\\.md:${runLine(file)}:1: error: cell "a" raised ZeroDivisionError: division by zero; .*${literal('`:::run{error=ZeroDivisionError}` (unexpected-error)')}$`,
      'm'
    )
  );
  assert.ok(stdout.includes(`\nraises.md:${runLine(file, 2)}:1: error: cell "b" printed other output than expected`), stdout);
});

test('an expected exception passes; a missing or different one fails', { timeout: 120_000 }, async () => {
  const good = await tutorial(
    'expected-error.md',
    [type('a', 'print("dividing")\n1 / 0'), run('dividing', 'error=ZeroDivisionError'), type('b', '[][1]'), '::run{error=IndexError}'].join('\n')
  );
  const passed = await testIn([good]);
  assert.equal(passed.code, 0, passed.stdout);
  const bad = await tutorial('wrong-error.md', [type('a', '1 / 0'), '::run{error=KeyError}', type('b', 'x = 1'), '::run{error=KeyError}'].join('\n'));
  const failed = await testIn([bad]);
  assert.equal(failed.code, 1, failed.stdout);
  assert.ok(
    failed.stdout.includes(`wrong-error.md:${runLine(bad)}:1: error: cell "a" was expected to raise KeyError but raised ZeroDivisionError`),
    failed.stdout
  );
  assert.ok(
    failed.stdout.includes(
      `wrong-error.md:${runLine(bad, 2)}:1: error: cell "b" was expected to raise KeyError (error=KeyError) but raised nothing (missing-error)`
    ),
    failed.stdout
  );
});

test('a kernel killed mid-run fails its tutorial with a clear message, and the next tutorial still runs', { timeout: 120_000 }, async () => {
  const killed = await tutorial(
    'killed.md',
    [type('a', 'import os, signal\nos.kill(os.getpid(), signal.SIGKILL)'), '::run', type('b', 'print(1)'), run('1')].join('\n')
  );
  const next = await tutorial('next.md', PASSING);
  const { code, stdout } = await testIn([killed, next]);
  assert.equal(code, 1, stdout);
  assert.match(
    stdout,
    new RegExp(`^ERROR killed\\.md \\(.*\\): the kernel is gone: it died .*, at the run of cell "a" \\(line ${runLine(killed)}\\)$`, 'm')
  );
  assert.match(stdout, /^PASS {2}next\.md /m);
  assert.match(stdout, /\n1 passed, 1 failed \(1 errored\)\n$/);
});

test('a kernel that hangs past --timeout fails its tutorial, and the next one still runs', { timeout: 120_000 }, async () => {
  const hangs = await tutorial('hangs.md', [type('a', 'import time\ntime.sleep(120)'), '::run'].join('\n'));
  const next = await tutorial('after-hang.md', PASSING);
  const started = Date.now();
  const { code, stdout } = await testIn(['--timeout', '2', hangs, next]);
  assert.equal(code, 1, stdout);
  assert.match(stdout, /^ERROR hangs\.md \(.*\): the kernel did not finish within 2 s \(--timeout\), at the run of cell "a"/m);
  assert.match(stdout, /^PASS {2}after-hang\.md /m);
  assert.ok(Date.now() - started < 60_000, 'the hang did not run to its end');
});

test('two tutorials: the first fails, the second still runs and passes', { timeout: 120_000 }, async () => {
  const first = await tutorial('first.md', [type('a', 'print(2 + 2)'), run('5')].join('\n'));
  const second = await tutorial('second.md', PASSING);
  const { code, stdout } = await testIn([first, second]);
  assert.equal(code, 1, stdout);
  const lines = stdout.split('\n');
  assert.match(lines[0], /^FAIL {2}first\.md /);
  assert.match(lines[1], /^PASS {2}second\.md /);
  assert.ok(stdout.includes(`\nfirst.md:${runLine(first)}:1: error: cell "a" printed other output`), stdout);
  assert.match(stdout, /\n1 passed, 1 failed\n$/);
});

test('a missing kernel spec says which kernels there are and what to install, and exits 2', { timeout: 120_000 }, async () => {
  const file = await tutorial('no-kernel.md', [type('a', 'print(1)'), run('1')].join('\n'), 'nosuchkernel');
  const { code, stdout } = await testIn([file]);
  assert.equal(code, 2, stdout);
  assert.match(
    stdout,
    /^ERROR no-kernel\.md .*no kernel named "nosuchkernel" on the Jupyter server \(it has .*"python3".*\): install that kernel .*pip install ipykernel/m
  );
});

test('--answers runs model answers at the pauses and compares them; an answer for no pause errors', { timeout: 120_000 }, async () => {
  const exercise = [
    type('a', 'def double(x):\n    return 2 * x'),
    '::run',
    ':::pause\nCall `double` on a number of your own.\n:::\n',
    type('b', 'print(double(4))'),
    run('8')
  ].join('\n');
  const wrong = await tutorial('exercise.md', exercise);
  const stray = await tutorial('stray.md', exercise);
  const pauseLine = readFileSync(join(dir, wrong), 'utf8').split('\n').indexOf(':::pause') + 1;
  await writeFile(
    join(dir, 'answers.json'),
    JSON.stringify({
      'exercise.md': [{ line: pauseLine, code: 'print(double(21))', expect: '43' }],
      'stray.md': [{ line: 1, code: 'print(1)' }]
    })
  );
  const { code, stdout } = await testIn(['--answers', 'answers.json', wrong, stray]);
  assert.equal(code, 1, stdout);
  assert.ok(
    stdout.includes(`\nexercise.md:${pauseLine}:1: error: the answer to this pause printed other output than expected (output-mismatch)\n`),
    stdout
  );
  assert.ok(stdout.includes('-43\n+42\n'), stdout);
  assert.ok(stdout.includes('answer:\n    print(double(21))\n'), stdout);
  assert.match(
    stdout,
    new RegExp(`^ERROR stray\\.md .*the answers name line 1, where the tutorial has no pause \\(its pauses are on line ${pauseLine}\\)`, 'm')
  );
});

test(
  '--answers: an answer that would never run errors its tutorial, and answers to no tutorial given are warned about',
  { timeout: 120_000 },
  async () => {
    const exercise = [type('a', 'x = 1'), '::run', ':::pause\nSet `x` to 2.\n:::\n', type('b', 'print(x)'), run('1', 'match=contains')].join('\n');
    const name = await tutorial('one-pause.md', exercise);
    await writeFile(
      join(dir, 'extra-answers.json'),
      JSON.stringify({
        'one-pause.md': [{ code: 'y = 2' }, { code: 'print(x)', expect: '2' }],
        'one-paus.md': [{ code: 'print(3)' }]
      })
    );
    const { code, stdout, stderr } = await testIn(['--answers', 'extra-answers.json', name]);
    assert.equal(code, 1, stdout);
    assert.match(
      stdout,
      /^ERROR one-pause\.md .*: answer 2 \(`print\(x\)`\) would never run: without "line", answer N runs at the tutorial's pause N, and it has 1 pause on line \d+/m
    );
    assert.match(stdout, /\n0 passed, 1 failed \(1 errored\)\n$/);
    assert.match(stderr, /extra-answers\.json: warning: the answers to "one-paus\.md" \(did you mean "one-pause\.md"\?\) are not run/);
  }
);

test('hostile outputs: a backtracking regex and 20,000 lines that all differ fail in seconds', { timeout: 120_000 }, async () => {
  const body = [
    type('a', 'print("a" * 100_000 + "b")'),
    run('^(a+)+$', 'match=regex'),
    type('b', 'for i in range(20_000):\n    print(f"row {i}!")'),
    run(Array.from({ length: 20_000 }, (_, index) => `row ${index}`).join('\n'))
  ].join('\n');
  const name = await tutorial('hostile-output.md', body);
  const started = performance.now();
  const { code, stdout } = await testIn(['--timeout', '5', name]);
  const seconds = (performance.now() - started) / 1000;
  assert.equal(code, 1, stdout);
  assert.match(stdout, /^FAIL {2}hostile-output\.md \(2 runs, 2 compared, 2 failures, /m);
  assert.match(stdout, new RegExp(`\\nhostile-output\\.md:${runLine(name)}:1: error: cell "a" printed other output than expected \\(match=regex\\)`));
  assert.ok(
    stdout.includes('the outputs differ in 20000 of 20000 lines, too many for a diff; first difference at line 1:\n-row 0\n+row 0!\n'),
    stdout.slice(0, 2_000)
  );
  // A backtracking engine would still be matching the first run; the diff took minutes unbounded.
  assert.ok(seconds < 60, `${seconds.toFixed(1)} s`);
});

test('no Jupyter to start says what to install, and exits 2', { timeout: 30_000 }, async () => {
  const file = await tutorial('any.md', PASSING);
  const { code, stderr } = await notecast(['--jupyter', join(dir, 'no-such-jupyter'), file]);
  assert.equal(code, 2);
  assert.match(stderr, /no-such-jupyter does not exist; install Jupyter and a kernel \(for Python: `pip install jupyter-server ipykernel`\)/);
});

test('--json reports each tutorial and failure for tools; --server and --token use a server that runs already', { timeout: 120_000 }, async () => {
  const server = await startOwnServer(JUPYTER, 60_000);
  try {
    const good = await tutorial('json-good.md', PASSING);
    const bad = await tutorial('json-bad.md', [type('a', 'print("x")'), run('y', 'match=contains')].join('\n'));
    const { code, stdout } = await notecast(['--server', server.url, '--token', server.token, '--json', good, bad]);
    assert.equal(code, 1, stdout);
    const report = JSON.parse(stdout) as {
      passed: number;
      failed: number;
      tutorials: Array<{ file: string; status: string; runs: number; failures: Array<{ line: number; rule: string; diff: string; match: string }> }>;
    };
    assert.equal(report.passed, 1);
    assert.equal(report.failed, 1);
    assert.deepEqual(
      report.tutorials.map(t => [t.file, t.status, t.runs]),
      [
        ['json-good.md', 'passed', 3],
        ['json-bad.md', 'failed', 1]
      ]
    );
    const [failure] = report.tutorials[1].failures;
    assert.equal(failure.line, runLine(bad));
    assert.equal(failure.rule, 'output-mismatch');
    assert.equal(failure.match, 'contains');
    assert.ok(failure.diff.includes('-y\n+x\n'), failure.diff);
  } finally {
    await server.stop();
  }
});

test('a long tutorial says where it is; Ctrl-C stops the kernel and the Jupyter server', { timeout: 120_000 }, async () => {
  const file = await tutorial('long.md', [type('a', 'import time\ntime.sleep(60)'), '::run'].join('\n'));
  let running: Running | undefined;
  const finished = testIn([file], child => (running = child));
  const cli = running!.pid;
  // Wait until the server has a kernel: the CLI's child is the server, the server's child the kernel.
  let serverPid: number | undefined;
  let kernelPid: number | undefined;
  for (let i = 0; i < 300 && kernelPid === undefined; i++) {
    await sleep(100);
    serverPid = children(cli)[0];
    kernelPid = serverPid === undefined ? undefined : children(serverPid)[0];
  }
  assert.ok(serverPid !== undefined && kernelPid !== undefined, 'a server and a kernel started');
  for (let i = 0; i < 200 && !running!.stderr().includes('long.md: run 1 of 1'); i++) await sleep(100);
  assert.match(running!.stderr(), /^notecast: long\.md: run 1 of 1 \(step 1 of 1\), \d+ s$/m, 'a progress line');
  process.kill(cli, 'SIGINT');
  const { code, stderr } = await finished;
  assert.equal(code, 130, stderr);
  assert.match(stderr, /interrupted: stopping the kernel and the Jupyter server/);
  assert.ok(!alive(serverPid), 'the server is gone');
  for (let i = 0; i < 50 && alive(kernelPid); i++) await sleep(100);
  assert.ok(!alive(kernelPid), 'the kernel is gone');
});

/** A process's children (Linux /proc). */
function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}
