import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { INotebookContent } from '@jupyterlab/nbformat';
import type { Timeline } from '../../../src/cli/timeline.js';
import type { Script } from '../../../src/format/index.js';
import { fromRoot } from '../../helpers/paths.js';
import { runCli as run } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'notecast-cli-'));
const tutorial = fromRoot('tutorials', '01-python-basics.md');
const broken = join(dir, 'broken.md');
writeFileSync(broken, '---\ntitle: Broken\n---\n\n# One\n\n::rnu\n');

test('compile writes the script to stdout and exits 0', async () => {
  const { code, stdout, stderr } = await run('compile', tutorial);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.equal((JSON.parse(stdout) as Script).title, 'Python basics');
});

test('compile -o writes the file', async () => {
  const out = join(dir, 'out.json');
  assert.equal((await run('compile', tutorial, '-o', out)).code, 0);
  assert.equal((JSON.parse(readFileSync(out, 'utf8')) as Script).version, 1);
});

test('an input with errors exits 1 with FILE:LINE:COLUMN messages and no output', async () => {
  const { code, stdout, stderr } = await run('compile', broken);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.equal(
    stderr,
    `${broken}:7:1: error: Unknown directive \`::rnu\`; did you mean \`::run\`? (known: type, replace, cell, delete, run, pause, say, wait, point) (unknown-directive)\n`
  );
});

test('check reports every file and exits 1 if any has an error', async () => {
  const good = await run('check', tutorial);
  assert.equal(good.code, 0);
  assert.equal(good.stderr, 'checked 1 file: 0 errors, 0 warnings\n');
  const mixed = await run('check', tutorial, broken);
  assert.equal(mixed.code, 1);
  assert.match(mixed.stderr, /broken\.md:7:1: error: .*\nchecked 2 files: 1 error, 0 warnings\n$/);
});

test('check validates compiled scripts with positioned errors', async () => {
  const script = JSON.parse((await run('compile', tutorial)).stdout) as Script;
  (script.steps[1].operations[1] as { cell: string }).cell = 'missing';
  const path = join(dir, 'bad.json');
  writeFileSync(path, JSON.stringify(script, null, 2));
  const { code, stderr } = await run('check', path);
  assert.equal(code, 1);
  assert.match(stderr, /bad\.json:\d+:\d+: error: steps\[1\]\.operations\[1\]\.cell cell "missing" does not exist at this point \(invalid-script\)/);
});

test('notebook writes nbformat 4 with the tutorial cells and no outputs', async () => {
  const { code, stdout } = await run('notebook', tutorial);
  assert.equal(code, 0);
  const notebook = JSON.parse(stdout) as INotebookContent;
  assert.equal(notebook.nbformat, 4);
  assert.equal(notebook.metadata.kernelspec?.name, 'python3');
  assert.deepEqual(
    notebook.cells.map(cell => cell.id),
    ['hello', 'numbers', 'meetings', 'loop']
  );
  assert.ok(notebook.cells.every(cell => (cell.outputs as unknown[]).length === 0));
});

test('notebook accepts a compiled script as well as Markdown', async () => {
  const json = join(dir, 'script.json');
  await run('compile', tutorial, '-o', json);
  assert.equal((await run('notebook', json)).stdout, (await run('notebook', tutorial)).stdout);
});

test('transcript renders markdown, html and text', async () => {
  assert.match((await run('transcript', tutorial)).stdout, /^# Python basics\n/);
  assert.match((await run('transcript', tutorial, '--format', 'html')).stdout, /^<!doctype html>/);
  assert.match((await run('transcript', tutorial, '--format=text')).stdout, /^Python basics\n=+\n/);
});

test('wrong usage exits 2 and says what to do', async () => {
  for (const argv of [
    [],
    ['frobnicate'],
    ['compile'],
    ['compile', 'a.md', 'b.md'],
    ['compile', '--bogus', 'a.md'],
    ['transcript', tutorial, '--format', 'pdf']
  ]) {
    const { code, stderr } = await run(...argv);
    assert.equal(code, 2, argv.join(' '));
    assert.ok(stderr.length > 0);
  }
});

test('a missing file exits 1 with a plain message', async () => {
  const { code, stderr } = await run('compile', join(dir, 'nope.md'));
  assert.equal(code, 1);
  assert.match(stderr, /nope\.md: error: cannot read the file: no such file\n/);
});

test('the installed bin never prints a stack trace', () => {
  const bin = fromRoot('bin', 'notecast.js');
  for (const args of [
    ['compile', join(dir, 'nope.md')],
    ['check', dir],
    ['compile', broken]
  ]) {
    const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.ok(!/\n\s+at /.test(result.stderr), result.stderr);
  }
  const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
  assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }).version);
});

test('timeline shows each step, what is said, and the waits, and scales with speed', async () => {
  const text = await run('timeline', tutorial);
  assert.equal(text.code, 0, text.stderr);
  assert.match(
    text.stdout,
    /^Python basics: timeline at 1× speed\n\nStep 1 {2}0:00\.0 {2}\(0:\d\d\.\d\) {2}Welcome\n {4}0:00\.0 {2}says: Step 1 of 6: Welcome\. This tutorial/
  );
  assert.match(text.stdout, /waits for the kernel to run cell 1\n {4}\d:\d\d\.\d {2}says: Cell 1 ran\n/);
  assert.match(text.stdout, /says at once: Your turn: Add a fourth meeting.*\n {4}\d:\d\d\.\d {2}waits for the learner\n/);
  assert.match(text.stdout, /Total: \d:\d\d\.\d, plus 4 waits for the kernel and 1 for the learner\n$/);
  assert.ok(!/Typing .*\n.*Typing/.test(text.stdout.split('Step 3')[0].split('Step 2')[1]), 'one summary per block, never keystrokes');
  const slow = JSON.parse((await run('timeline', tutorial, '--json')).stdout) as Timeline;
  const fast = JSON.parse((await run('timeline', tutorial, '--json', '--speed', '2')).stdout) as Timeline;
  assert.equal(slow.steps.length, 6);
  assert.ok(Math.abs(fast.total * 2 - slow.total) < 50, `2× speed halves the time (${slow.total} vs ${fast.total})`);
  assert.equal((await run('timeline', tutorial, '--speed', '9')).code, 2);
});

test('timeline lists `::wait`, and its JSON gives each event its kind and source line, in order', async () => {
  const file = join(dir, 'waits.md');
  writeFileSync(
    file,
    '---\ntitle: T\n---\n\n# One\n\nHello.\n\n:::type{cell=a}\n```python\na = 1\n```\n:::\n\n::wait{s=1.5}\n\n::run\n\n:::pause\nTry it.\n:::\n'
  );
  const text = await run('timeline', file);
  assert.match(text.stdout, /says: Typing 1 line into cell 1: assigns a\n {4}0:03\.3 {2}waits 1\.5 s\n {4}0:04\.8 {2}waits for the kernel/);
  const timeline = JSON.parse((await run('timeline', file, '--json')).stdout) as Timeline;
  assert.deepEqual(
    timeline.steps[0].events.map(event => [event.kind, event.line]),
    [
      ['step-started', 5],
      ['typing', 9],
      ['wait', 15],
      ['waits-for-kernel', 17],
      ['ran', 17],
      ['your-turn', 19],
      ['waits-for-learner', 19],
      ['finished', undefined]
    ]
  );
});
