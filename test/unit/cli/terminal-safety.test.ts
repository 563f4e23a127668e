import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatDiagnostic } from '../../../src/cli/index.js';
import { streamWriter } from '../../../src/cli/terminal-stream.js';
import { formatBytes, INPUT_LIMITS, type Script } from '../../../src/format/index.js';
import { fromRoot } from '../../helpers/paths.js';
import { BIN, RAW_CONTROL, runCli, STACK_FRAME } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'notecast-terminal-'));
const tutorial = fromRoot('tutorials', '01-python-basics.md');
const ESC = '\u001b';

/** A tutorial whose script and transcript are about 500 KB: far more than a pipe holds, so writing them meets the closed pipe. */
function bigTutorial(): string {
  const path = join(dir, 'big.md');
  const steps = Array.from({ length: 200 }, (_, i) => `# Step ${i}\n\n${'Narration long enough to fill the pipe. '.repeat(60)}\n`);
  writeFileSync(path, `---\ntitle: Big\n---\n\n${steps.join('\n')}`);
  return path;
}

test('stdout closed early (| head -c 10) ends quietly: no EPIPE, no stack trace', async () => {
  const path = bigTutorial();
  for (const command of ['compile', 'transcript']) {
    const child = spawn(process.execPath, [BIN, command, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    let received = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received >= 10) {
        child.stdout.destroy();
      }
    });
    const code = await new Promise<number | null>(resolve => child.on('close', resolve));
    assert.doesNotMatch(stderr, STACK_FRAME, `${command}: ${stderr}`);
    assert.doesNotMatch(stderr, /EPIPE|internal error/, `${command}: ${stderr}`);
    assert.equal(code, 0, `${command}: ${stderr}`);
  }
});

test('what the user typed is echoed escaped and bounded: commands, options, values, file names', async () => {
  const cases = [
    [`${ESC}[2J${ESC}[Hchecked 1 file: 0 errors`],
    ['x'.repeat(100_000)],
    ['compile', tutorial, `--${ESC}]0;owned${ESC}\\`],
    ['transcript', tutorial, '--format', `${ESC}[31mhtml`],
    ['timeline', tutorial, '--speed', `${ESC}[2J`.repeat(10_000)],
    ['check', join(dir, `${ESC}[2J${'long'.repeat(1000)}.md`)],
    ['check', join(dir, `${ESC}[31mmissing\n/fake.md:1:1: error: forged`)]
  ];
  for (const argv of cases) {
    const { code, stderr } = await runCli(...argv);
    assert.ok(code === 1 || code === 2, `${code}`);
    assert.doesNotMatch(stderr, RAW_CONTROL, JSON.stringify(stderr.slice(0, 200)));
    assert.ok(stderr.length < 2000, `the message stays short (${stderr.length} characters)`);
    assert.doesNotMatch(stderr, /^\/fake\.md/m, 'a file name cannot start a line of its own');
  }
});

test('a file named with escapes keeps them escaped in every FILE:LINE:COLUMN message', async () => {
  const path = join(dir, `${ESC}[31mred.md`);
  writeFileSync(path, '# One\n\n::rnu\n');
  const { code, stderr } = await runCli('check', path);
  assert.equal(code, 1);
  assert.doesNotMatch(stderr, RAW_CONTROL);
  assert.match(stderr, /\\u001b\[31mred\.md:3:1: error: /);
});

test('a script whose keys and text hold escape sequences cannot paint the terminal', async () => {
  const script = JSON.parse((await runCli('compile', tutorial)).stdout) as Script & Record<string, unknown>;
  script[`${ESC}[2J${ESC}[Hchecked 1 file: 0 errors`] = 1;
  script.steps[0].title = `${ESC}[31m`.repeat(100);
  const path = join(dir, 'painted.json');
  writeFileSync(path, JSON.stringify(script));
  const { code, stderr } = await runCli('check', path);
  assert.equal(code, 1);
  assert.doesNotMatch(stderr, RAW_CONTROL);
});

test('a mistyped command, option or format suggests the closest one', async () => {
  assert.match((await runCli('nbook', tutorial)).stderr, /unknown command "nbook"; did you mean `notebook`\?/);
  assert.match((await runCli('chekc', tutorial)).stderr, /did you mean `check`\?/);
  assert.match((await runCli('compile', tutorial, '--ouput', 'x.json')).stderr, /unknown option "--ouput" for compile; did you mean `--output`\?/);
  assert.match((await runCli('transcript', tutorial, '--format', 'htm')).stderr, /unknown --format "htm"; did you mean `html`\?/);
  assert.doesNotMatch((await runCli('frobnicate')).stderr, /did you mean/);
});

test('options missing their value or given one they do not take are usage errors', async () => {
  const missing = await runCli('compile', tutorial, '-o');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /option "-o" needs a value/);
  const swallowed = await runCli('timeline', tutorial, '-o', '--json');
  assert.equal(swallowed.code, 2);
  assert.match(swallowed.stderr, /"--json" after it looks like another option; write --output=--json/);
  const empty = await runCli('compile', tutorial, '-o', '');
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /option "-o" needs a value/);
  assert.equal((await runCli('check', '')).code, 2, 'an empty file name is a usage mistake');
  const flag = await runCli('timeline', tutorial, '--json=yes');
  assert.equal(flag.code, 2);
  assert.match(flag.stderr, /option "--json" takes no value/);
});

test('a diagnostic is always one line, its control characters shown escaped', () => {
  const line = formatDiagnostic({
    file: 'a.md',
    line: 1,
    column: 1,
    severity: 'error',
    message: `bad\nb.md:9:9: error: forged${ESC}[2J\u202e`,
    ruleId: 'x'
  });
  assert.equal(line.split('\n').length, 1);
  assert.doesNotMatch(line, RAW_CONTROL);
  assert.match(line, /bad\\nb\.md/);
});

/** A stand-in for process.stdout: records writes and can fail like a closed pipe. */
function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const listeners: Array<(error: NodeJS.ErrnoException) => void> = [];
  const stream = {
    isTTY,
    write: (text: string) => void written.push(text),
    on: (_event: string, listener: (error: NodeJS.ErrnoException) => void) => void listeners.push(listener),
    fail: (code: string) => listeners.forEach(listener => listener(Object.assign(new Error(code), { code })))
  };
  return { stream, written };
}

test('on a terminal, output shows control characters escaped; redirected, it stays byte for byte', () => {
  const tty = fakeStream(true);
  streamWriter(tty.stream as unknown as NodeJS.WriteStream, () => assert.fail())(`say ${ESC}[2J\tok\n`);
  assert.deepEqual(tty.written, ['say \\u001b[2J\tok\n']);
  const pipe = fakeStream(false);
  streamWriter(pipe.stream as unknown as NodeJS.WriteStream, () => assert.fail())(`say ${ESC}[2J\n`);
  assert.deepEqual(pipe.written, [`say ${ESC}[2J\n`]);
});

test('after a closed pipe nothing more is written; another write failure is reported', () => {
  const closed = fakeStream(false);
  const failures: string[] = [];
  const write = streamWriter(closed.stream as unknown as NodeJS.WriteStream, error => failures.push(String(error.code)));
  write('one');
  closed.stream.fail('EPIPE');
  write('two');
  assert.deepEqual(closed.written, ['one']);
  assert.equal(failures.length, 0);
  const full = fakeStream(false);
  const writeFull = streamWriter(full.stream as unknown as NodeJS.WriteStream, error => failures.push(String(error.code)));
  writeFull('one');
  full.stream.fail('ENOSPC');
  assert.deepEqual(failures, ['ENOSPC']);
});

test('help names stdin and the size limits', async () => {
  const { stdout } = await runCli('--help');
  assert.match(stdout, /FILE may be - to read stdin/);
  assert.match(stdout, /10 MiB \(Markdown\) or 50 MiB \(\.json\)/);
  // The command's reference page in the documentation site.
  const reference = readFileSync(fromRoot('docs', 'reference', 'cli.md'), 'utf8');
  for (const limit of Object.values(INPUT_LIMITS)) {
    assert.ok(reference.includes(formatBytes(limit)), `docs/reference/cli.md documents the ${formatBytes(limit)} limit`);
  }
});
