import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { INPUT_LIMITS } from '../../../src/format/index.js';
import { fromRoot } from '../../helpers/paths.js';
import { runBin, runCli, STACK_FRAME } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'notecast-input-'));
const tutorial = fromRoot('tutorials', '01-python-basics.md');

/** Refused at once: exit 1, one plain message naming the kind of file, no hang (spawnSync's timeout would give no status). */
function assertRefused(args: string[], kind: RegExp): void {
  const result = runBin(args, { timeout: 15_000 });
  assert.equal(result.code, 1, `${args.join(' ')}: ${result.stderr}`);
  assert.match(result.stderr, kind);
  assert.match(result.stderr, /not a regular file/);
  assert.doesNotMatch(result.stderr, STACK_FRAME);
}

test('a FIFO with no writer is refused at once instead of hanging', () => {
  const fifo = join(dir, 'tutorial.md');
  const made = spawnSync('mkfifo', [fifo]);
  assert.equal(made.status, 0, 'mkfifo is available');
  for (const command of ['check', 'compile', 'notebook']) {
    assertRefused([command, fifo], /named pipe \(FIFO\)/);
  }
});

test('/dev/zero, /dev/urandom, a directory and a socket are refused before any byte is read', async () => {
  assertRefused(['check', '/dev/zero'], /character device/);
  assertRefused(['compile', '/dev/urandom'], /character device/);
  assertRefused(['notebook', '/dev/zero'], /character device/);
  assertRefused(['check', dir], /directory/);
  const socketPath = join(dir, 'socket.md');
  const server = createServer();
  await new Promise<void>(resolve => server.listen(socketPath, resolve));
  try {
    // In-process: the child would be fine too, but the server must stay up while it runs.
    const result = await runCli('check', socketPath);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /socket\.md: error: cannot read the file: it is a socket, not a regular file/);
  } finally {
    server.close();
  }
});

test('check - reads a tutorial or a script from stdin, named <stdin> in messages', () => {
  const markdown = runBin(['check', '-'], { input: readFileSync(tutorial) });
  assert.equal(markdown.code, 0, markdown.stderr);
  const script = runBin(['compile', tutorial]).stdout;
  const notebook = runBin(['notebook', '-'], { input: script });
  assert.equal(notebook.code, 0, notebook.stderr);
  assert.equal(notebook.stdout, runBin(['notebook', tutorial]).stdout, 'a script on stdin is told from Markdown by its first character');
  const broken = runBin(['check', '-'], { input: '# One\n\n::rnu\n' });
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /^<stdin>:3:1: error: .*\(unknown-directive\)$/m);
  assert.equal(runBin(['check', '-', '-'], { input: '' }).code, 2, 'stdin can be read once');
});

test('stdin that never ends stops at the size limit with a positioned message', () => {
  const zero = openSync('/dev/zero', 'r');
  try {
    const result = runBin(['check', '-'], { stdio: [zero, 'pipe', 'pipe'], timeout: 60_000 });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^<stdin>:1:1: error: Unexpected input of more than 50 MiB, .*\(too-large\)\n/);
  } finally {
    closeSync(zero);
  }
});

test('an input over the size limit gets a positioned message with its size, the limit and what to do', async () => {
  // Sparse files: their size is refused from fstat, without reading them.
  const markdown = join(dir, 'huge.md');
  writeFileSync(markdown, '');
  truncateSync(markdown, INPUT_LIMITS.markdown + 1);
  const markdownResult = await runCli('check', markdown, tutorial);
  assert.equal(markdownResult.code, 1);
  assert.match(
    markdownResult.stderr,
    /^.*huge\.md:1:1: error: Unexpected input of 10,485,761 bytes \(10\.0 MiB\), expected at most 10 MiB for a Markdown tutorial: split .* \(too-large\)\nchecked 2 files: 1 error, 0 warnings\n$/
  );
  const json = join(dir, 'huge.json');
  writeFileSync(json, '');
  truncateSync(json, INPUT_LIMITS.json + 1);
  const jsonResult = await runCli('notebook', json);
  assert.equal(jsonResult.code, 1);
  assert.equal(jsonResult.stdout, '');
  assert.match(
    jsonResult.stderr,
    /huge\.json:1:1: error: Unexpected input of 52,428,801 bytes \(50\.0 MiB\), expected at most 50 MiB for a \.json script: .* \(too-large\)\n/
  );
  // Just under the limit is read (and fails for what it holds, not its size).
  truncateSync(markdown, 1024);
  assert.match((await runCli('check', markdown)).stderr, /huge\.md:1:1: error: Unexpected NUL character/);
});

test('invalid UTF-8 in a .json script is a positioned not-utf8 error, like Markdown', async () => {
  const path = join(dir, 'latin1.json');
  // A real U+FFFD on line 1 is valid and does not count; the bad byte is on line 2.
  writeFileSync(path, Buffer.concat([Buffer.from('{"title": "\ufffd",\n "x": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]));
  const result = await runCli('check', path);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /latin1\.json:2:11: error: Unexpected byte 0xe9, expected UTF-8 text: save the file as UTF-8 \(not-utf8\)\n/);
});

test('check reports an unreadable file and goes on with the others', async () => {
  const result = await runCli('check', dir, tutorial, '/dev/zero');
  assert.equal(result.code, 1);
  assert.match(result.stderr, /directory, not a regular file.*\n.*character device, not a regular file.*\nchecked 3 files: 2 errors, 0 warnings\n$/);
});
