/**
 * `notecast check --lab URL`: the `::point` commands of a tutorial checked
 * against a real, running JupyterLab (a Jupyter server from the test venv,
 * with this extension installed): an extension's command that the compiler
 * cannot know is found there, a typo is still a warning, and a server that
 * refuses is a clear error.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startJupyterServer, type StartedServer } from '../../src/cli/kernel/index.js';
import { JUPYTER, REPO_ROOT } from './jupyter-server.js';

const NOTECAST = join(REPO_ROOT, 'bin', 'notecast.js');
let server: StartedServer;
let dir: string;

before(async () => {
  assert.ok(existsSync(JUPYTER), `${JUPYTER} not found: run \`make setup\` first (or set NOTECAST_JUPYTER)`);
  server = await startJupyterServer(JUPYTER, 60_000);
  dir = await mkdtemp(join(tmpdir(), 'notecast-check-lab-'));
});

after(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

function check(...args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [NOTECAST, 'check', ...args], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

test("an extension's command is found in the running JupyterLab; a mistyped one is still a warning, at its command=", { timeout: 60_000 }, async () => {
  const path = join(dir, 'points.md');
  await writeFile(path, '---\ntitle: Points\n---\n\n# One\n\n::point{command=notecast:toggle-play}\n\n::point{command=notebook:run-cel}\n');
  const offline = check(path);
  assert.match(offline.stderr, /points\.md:7:9: warning: Unknown JupyterLab command `notecast:toggle-play`/);
  const online = check(path, '--lab', server.url, '--token', server.token);
  assert.equal(online.status, 0, online.stderr);
  assert.doesNotMatch(online.stderr, /notecast:toggle-play/);
  assert.match(
    online.stderr,
    /points\.md:9:9: warning: Unknown command `notebook:run-cel` on `::point` in the JupyterLab at .*; did you mean `notebook:run-cell`\? \(unknown-command\)/
  );
  assert.match(online.stderr, /checked 1 file: 0 errors, 1 warning/);
});

test('a JupyterLab that refuses (no token) is an error that says what to give', { timeout: 30_000 }, () => {
  const result = check(join(REPO_ROOT, 'tutorials', '01-python-basics.md'), '--lab', server.url);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /cannot read the commands of the JupyterLab at .*answered 403 \(give its token with --token\)/);
});

test('the URL Jupyter prints, token and all, works as --lab and no message shows the token', { timeout: 60_000 }, async () => {
  const path = join(dir, 'printed-url.md');
  await writeFile(path, '---\ntitle: Points\n---\n\n# One\n\n::point{command=notecast:toggle-play}\n\n::point{command=notebook:run-cel}\n');
  const printed = `${server.url}/lab?token=${server.token}`;
  const result = check(path, '--lab', printed);
  assert.equal(result.status, 0, result.stderr);
  assert.doesNotMatch(result.stderr, /notecast:toggle-play/, "the extension's command was found with the URL's token");
  assert.match(result.stderr, /Unknown command `notebook:run-cel` on `::point` in the JupyterLab at /);
  assert.ok(!result.stderr.includes(server.token), `no message shows the token:\n${result.stderr}`);
  // A wrong token in the URL: refused, and the message shows neither token.
  const wrong = check(path, '--lab', `${server.url}/lab?token=not-${server.token}`);
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /answered 403/);
  assert.ok(!wrong.stderr.includes(server.token), wrong.stderr);
});
