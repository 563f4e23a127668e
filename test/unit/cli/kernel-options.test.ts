import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { reportProgress } from '../../../src/cli/run-progress.js';
import type { CliIO } from '../../../src/cli/io.js';
import { fromRoot } from '../../helpers/paths.js';
import { runCli } from './run-cli.js';

const TUTORIAL = fromRoot('tutorials', '01-python-basics.md');

test('test and bake refuse --server without --token, and --server with --jupyter, before touching a server', async () => {
  for (const command of ['test', 'bake']) {
    const lone = await runCli(command, TUTORIAL, '--server', 'http://localhost:1');
    assert.equal(lone.code, 2, command);
    assert.match(lone.stderr, new RegExp(`--server and --token go together: notecast ${command}`), command);
    const both = await runCli(command, TUTORIAL, '--server', 'http://localhost:1', '--token', 't', '--jupyter', 'jupyter');
    assert.equal(both.code, 2, command);
    assert.match(both.stderr, /give --jupyter \(a server to start\) or --server \(one that runs\), not both/, command);
  }
});

test('a long run says at each interval which run and step it is at, and stops when told', async () => {
  const lines: string[] = [];
  const io = { stderr: (text: string) => void lines.push(text) } as CliIO;
  const progress = reportProgress(io, 'intro.md', 4, performance.now(), 10);
  progress.onRun(2, 7, 3);
  await sleep(35);
  progress.stop();
  assert.ok(lines.length >= 1, `${lines.length} lines`);
  assert.match(lines[0], /^notecast: intro\.md: run 2 of 7 \(step 3 of 4\), \d+ s\n$/);
  const said = lines.length;
  await sleep(40);
  assert.equal(lines.length, said, 'nothing after stop()');
});
