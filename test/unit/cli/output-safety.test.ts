import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  linkSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  closeSync,
  statSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
  lstatSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { commands } from '../../../src/cli/index.js';
import { writeFileAtomically } from '../../../src/cli/node-write.js';
import type { Script } from '../../../src/format/index.js';
import { fromRoot } from '../../helpers/paths.js';
import { BIN, runBin, runCli } from './run-cli.js';
import { fileIdFile, ystoreFile } from './sqlite-files.js';

const source = fromRoot('tutorials', '01-python-basics.md');
const original = readFileSync(source);
const WRITERS = [['compile'], ['notebook'], ['transcript'], ['transcript', '--format', 'html'], ['timeline'], ['captions'], ['bake']];

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'notecast-output-'));
  copyFileSync(source, join(dir, 'tutorial.md'));
  return dir;
}

test('-o naming the input, directly, through a symlink or a hard link, exits 2 and leaves it untouched', async () => {
  const dir = freshDir();
  const input = join(dir, 'tutorial.md');
  symlinkSync(input, join(dir, 'link.md'));
  linkSync(input, join(dir, 'hard.md'));
  for (const writer of WRITERS) {
    for (const output of [input, join(dir, 'link.md'), join(dir, 'hard.md'), join(dir, '.', 'tutorial.md')]) {
      const result = await runCli(...writer, input, '-o', output);
      assert.equal(result.code, 2, `${writer.join(' ')} -o ${output}: ${result.stderr}`);
      assert.match(result.stderr, /is the same file as the input .*choose another -o path/);
      assert.equal(result.stdout, '');
      assert.deepEqual(readFileSync(input), original, `${writer.join(' ')} -o ${output} kept the tutorial`);
    }
  }
  // The input named through the link, the output directly.
  assert.equal((await runCli('compile', join(dir, 'link.md'), '-o', input)).code, 2);
  assert.deepEqual(readdirSync(dir).sort(), ['hard.md', 'link.md', 'tutorial.md'], 'no file was created');
});

test('-o naming the file on stdin is refused too', () => {
  const dir = freshDir();
  const input = join(dir, 'tutorial.md');
  const fd = openSync(input, 'r');
  try {
    const result = runBin(['compile', '-', '-o', input], { stdio: [fd, 'pipe', 'pipe'] });
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /is the same file as the input stdin/);
  } finally {
    closeSync(fd);
  }
  assert.deepEqual(readFileSync(input), original);
});

test('an existing -o is left as it was when the input has errors', async () => {
  const dir = freshDir();
  const broken = join(dir, 'broken.md');
  writeFileSync(broken, '# One\n\n::rnu\n');
  const output = join(dir, 'out.json');
  writeFileSync(output, 'previous');
  for (const writer of WRITERS) {
    assert.equal((await runCli(...writer, broken, '-o', output)).code, 1);
    assert.equal(readFileSync(output, 'utf8'), 'previous');
  }
});

test('a failed write leaves the previous -o whole and no temporary file behind', () => {
  const dir = freshDir();
  const output = join(dir, 'out.json');
  writeFileSync(output, 'previous');
  // The script of the tutorial is over 2 KiB; the file size limit stops the write half way.
  const result = spawnSync('bash', ['-c', 'ulimit -f 2 && exec "$0" "$@"', process.execPath, BIN, 'compile', join(dir, 'tutorial.md'), '-o', output], {
    encoding: 'utf8'
  });
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /out\.json: error: cannot write the file: the file would be larger than allowed .*; nothing was written\n$/);
  assert.equal(readFileSync(output, 'utf8'), 'previous');
  assert.deepEqual(readdirSync(dir).sort(), ['out.json', 'tutorial.md']);
});

test('-o is replaced all at once: a reader of the previous file never sees a half-written one', async () => {
  const dir = freshDir();
  const output = join(dir, 'out.json');
  writeFileSync(output, 'previous');
  chmodSync(output, 0o600);
  const reader = openSync(output, 'r');
  try {
    assert.equal((await runCli('compile', join(dir, 'tutorial.md'), '-o', output)).code, 0);
    const buffer = Buffer.alloc(64);
    const bytes = readSync(reader, buffer, 0, buffer.length, 0);
    assert.equal(buffer.subarray(0, bytes).toString(), 'previous', 'the open file was replaced, not rewritten in place');
  } finally {
    closeSync(reader);
  }
  assert.equal((JSON.parse(readFileSync(output, 'utf8')) as Script).title, 'Python basics');
  assert.equal(statSync(output).mode & 0o777, 0o600, 'the file keeps its permissions');
  assert.deepEqual(readdirSync(dir).sort(), ['out.json', 'tutorial.md']);
});

test('-o through a symlink replaces the file it points to and keeps the link', async () => {
  const dir = freshDir();
  const target = join(dir, 'target.json');
  writeFileSync(target, 'previous');
  symlinkSync(target, join(dir, 'out.json'));
  assert.equal((await runCli('compile', join(dir, 'tutorial.md'), '-o', join(dir, 'out.json'))).code, 0);
  assert.ok(lstatSync(join(dir, 'out.json')).isSymbolicLink());
  assert.equal((JSON.parse(readFileSync(target, 'utf8')) as Script).version, 1);
});

test('-o on a device or a named pipe writes through it; a pipe nothing reads, a directory or a missing folder fail with a message', async () => {
  const dir = freshDir();
  await writeFileAtomically('/dev/null', 'discarded');
  const result = await runCli('compile', join(dir, 'tutorial.md'), '-o', dir);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /: error: cannot write the file: it is a directory; nothing was written\n$/);
  assert.deepEqual(readdirSync(dir), ['tutorial.md']);
  const fifo = join(dir, 'pipe.json');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
  const unread = await runCli('compile', join(dir, 'tutorial.md'), '-o', fifo);
  assert.equal(unread.code, 1, 'a FIFO that nothing reads is an error, not a hang');
  assert.match(unread.stderr, /pipe\.json: error: cannot write the file: it is a named pipe that nothing reads/);
  // With a reader, the output goes through whole.
  const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
  let received = '';
  reader.stdout.setEncoding('utf8').on('data', (text: string) => (received += text));
  const closed = new Promise(resolve => reader.on('close', resolve));
  // Wait until cat has the FIFO open: until then, a writer still finds no reader.
  let written;
  let tries = 0;
  do {
    await new Promise(resolve => setTimeout(resolve, 20));
    written = await runCli('compile', join(dir, 'tutorial.md'), '-o', fifo);
  } while (written.code === 1 && /nothing reads/.test(written.stderr) && ++tries < 500);
  assert.equal(written.code, 0, written.stderr);
  await closed;
  assert.equal(received, (await runCli('compile', join(dir, 'tutorial.md'))).stdout);
  const nowhere = await runCli('compile', join(dir, 'tutorial.md'), '-o', join(dir, 'absent', 'out.json'));
  assert.equal(nowhere.code, 1);
  assert.match(nowhere.stderr, /out\.json: error: cannot write the file: its folder does not exist; nothing was written\n$/);
});

test('every command that writes -o refuses it over each file an option names, and names the option', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'notecast-input-options-'));
  const store = join(dir, 'store.db');
  writeFileSync(store, await ystoreFile([{ fileId: 'id', path: 'lesson.ipynb', source: 'x = 1', openedAt: 1_700_000_000 }]));
  const fileIds = join(dir, 'file_id_manager.db');
  writeFileSync(fileIds, await fileIdFile([{ id: 'id', path: join(dir, 'lesson.ipynb'), ino: 1 }]));
  // What each command needs besides the option under test, and a real file for each input option.
  const rest: Record<string, string[]> = { record: ['--path', 'lesson.ipynb', '--from-ystore', store] };
  const inputFile: Record<string, string> = { 'from-ystore': store, 'fileid-db': fileIds };
  const writers = commands.filter(command => Object.hasOwn(command.options, 'output'));
  const pairs = writers.flatMap(command => (command.inputOptions ?? []).map(option => [command, option] as const));
  assert.ok(pairs.length >= 2, 'record names its inputs with options');
  for (const [command, option] of pairs) {
    const file = inputFile[option];
    assert.ok(file, `a test file for ${command.name} --${option}`);
    const before = readFileSync(file);
    const result = await runCli(command.name, ...(rest[command.name] ?? []), `--${option}`, file, '-o', file);
    assert.equal(result.code, 2, `${command.name} --${option} FILE -o FILE: ${result.stderr}`);
    assert.match(result.stderr, new RegExp(`is the same file as the input of --${option} `));
    assert.deepEqual(readFileSync(file), before, `${command.name} --${option} left the file as it was`);
  }
});
