/**
 * `notecast bake` end to end: the real command (bin/notecast.js in a child
 * process) starting a real Jupyter server from the project's venv and a real
 * ipykernel, baking a tutorial whose runs print, return a value, show HTML,
 * a PNG and an SVG, and raise an expected error.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { parseScriptJson, type BakedOutput, type RunOperation } from '../../src/format/index.js';
import { JUPYTER, REPO_ROOT, sleep } from './jupyter-server.js';

const NOTECAST = join(REPO_ROOT, 'bin', 'notecast.js');
/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

const TUTORIAL = `---
title: Everything a cell shows
kernel: python3
---

# Outputs

:::type{cell=printing}
\`\`\`python
print("hello")
6 * 7
\`\`\`
:::

:::run
\`\`\`text
hello
42
\`\`\`
:::

:::type{cell=pictures}
\`\`\`python
import base64
from IPython.display import HTML, Image, display
display(HTML("<table><tr><td>1</td></tr></table>"))
display(Image(data=base64.b64decode("${PNG}")))
\`\`\`
:::

:::run{alt="A single red pixel"}
:::

:::type{cell=drawing}
\`\`\`python
from IPython.display import SVG
SVG('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><circle r="4"/></svg>')
\`\`\`
:::

:::run
:::

:::type{cell=failing}
\`\`\`python
import sys
sys.stderr.write("about to fail\\n")
int("seven")
\`\`\`
:::

:::run{error=ValueError}
:::
`;

let dir: string;

before(async () => {
  assert.ok(existsSync(JUPYTER), `${JUPYTER} not found: run \`make setup\` first (or set NOTECAST_JUPYTER)`);
  dir = await mkdtemp(join(tmpdir(), 'notecast-bake-e2e-'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

function notecast(
  args: string[],
  onSpawn?: (pid: number, stderr: () => string) => void
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NOTECAST, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += String(chunk)));
    child.stderr.on('data', chunk => (stderr += String(chunk)));
    child.once('error', reject);
    child.once('exit', code => resolve({ code, stdout, stderr }));
    if (child.pid !== undefined) onSpawn?.(child.pid, () => stderr);
  });
}

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

/** The line of the run directive after `cell`'s `:::type`. */
function runLineOf(text: string, cell: string): number {
  const lines = text.split('\n');
  const typed = lines.findIndex(line => line === `:::type{cell=${cell}}`);
  return lines.findIndex((line, index) => index > typed && line.startsWith(':::run')) + 1;
}

test('bake stores what the kernel showed in each run, sanitised and bounded, and the script validates', { timeout: 180_000 }, async () => {
  await writeFile(join(dir, 'lesson.md'), TUTORIAL);
  // `--jupyter` relative to where the command runs, as a user types it.
  const result = await notecast(['bake', 'lesson.md', '--jupyter', relative(dir, JUPYTER), '-o', 'lesson.json']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /baked lesson\.md: 4 runs, .* in lesson\.json/);

  const validation = parseScriptJson(readFileSync(join(dir, 'lesson.json')));
  assert.deepEqual(validation.problems, []);
  const runs = new Map<string, BakedOutput[] | undefined>();
  for (const step of validation.script?.steps ?? []) {
    for (const operation of step.operations.filter((op): op is RunOperation => op.op === 'run')) {
      runs.set(operation.cell, operation.outputs);
    }
  }
  assert.deepEqual(runs.get('printing'), [
    { type: 'stream', name: 'stdout', text: 'hello\n' },
    { type: 'text', text: '42' }
  ]);
  assert.deepEqual(runs.get('pictures'), [
    { type: 'html', html: '<table><tr><td>1</td></tr></table>', text: '<IPython.core.display.HTML object>' },
    { type: 'image', mime: 'image/png', data: PNG, text: '<IPython.core.display.Image object>' }
  ]);
  assert.deepEqual(runs.get('drawing'), [
    {
      type: 'image',
      mime: 'image/svg+xml',
      data: '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
      text: '<IPython.core.display.SVG object>'
    }
  ]);
  const failing = runs.get('failing') ?? [];
  assert.deepEqual(failing[0], { type: 'stream', name: 'stderr', text: 'about to fail\n' });
  const error = failing[1];
  assert.equal(error?.type, 'error');
  assert.equal(error.type === 'error' && error.ename, 'ValueError');
  assert.equal(error.type === 'error' && error.evalue, `invalid literal for int() with base 10: 'seven'`);
  assert.match((error.type === 'error' && error.traceback) || '', /int\("seven"\)/);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch((error.type === 'error' && error.traceback) || '', /\u001b/);

  // The SVG without alt= is named at its run's line; the picture with alt= is not.
  const drawing = runLineOf(TUTORIAL, 'drawing');
  assert.match(result.stderr, new RegExp(`^lesson\\.md:${drawing}:1: warning: this run shows an image but has no alt=.*\\(bake-image-alt\\)$`, 'm'));
  assert.match(result.stderr, new RegExp(`^lesson\\.md:${drawing}:1: warning: an SVG image lost what could run code.*\\(bake-output\\)$`, 'm'));
  assert.equal(result.stderr.match(/bake-image-alt/g)?.length, 1);
});

test('a run that raises what the tutorial does not expect stops the bake: exit 1, the line named, nothing written', { timeout: 180_000 }, async () => {
  const text = TUTORIAL.replace(':::run{error=ValueError}', ':::run');
  await writeFile(join(dir, 'broken.md'), text);
  const result = await notecast(['bake', 'broken.md', '--jupyter', JUPYTER, '-o', 'broken.json']);
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, new RegExp(`^broken\\.md:${runLineOf(text, 'failing')}:1: error: cell "failing" raised ValueError`, 'm'));
  assert.match(result.stderr, /nothing was written/);
  assert.equal(existsSync(join(dir, 'broken.json')), false);
});

test('bake never writes over its input', async () => {
  await writeFile(join(dir, 'same.md'), TUTORIAL);
  const result = await notecast(['bake', 'same.md', '--jupyter', JUPYTER, '-o', 'same.md']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /is the same file as the input/);
  assert.equal(readFileSync(join(dir, 'same.md'), 'utf8'), TUTORIAL);
});

test('a long bake says where it is; Ctrl-C stops the kernel and the Jupyter server and writes nothing', { timeout: 120_000 }, async () => {
  await writeFile(
    join(dir, 'long.md'),
    '---\ntitle: Long\nkernel: python3\n---\n\n# Step\n\n:::type{cell=a}\n```python\nimport time\ntime.sleep(60)\n```\n:::\n\n::run\n'
  );
  let cli: number | undefined;
  let stderr: () => string = () => '';
  const finished = notecast(['bake', 'long.md', '--jupyter', JUPYTER, '-o', 'long.json'], (pid, text) => {
    cli = pid;
    stderr = text;
  });
  let serverPid: number | undefined;
  let kernelPid: number | undefined;
  for (let i = 0; i < 300 && kernelPid === undefined; i++) {
    await sleep(100);
    serverPid = children(cli!)[0];
    kernelPid = serverPid === undefined ? undefined : children(serverPid)[0];
  }
  assert.ok(serverPid !== undefined && kernelPid !== undefined, 'a server and a kernel started');
  for (let i = 0; i < 200 && !stderr().includes('long.md: run 1 of 1'); i++) await sleep(100);
  assert.match(stderr(), /^notecast: long\.md: run 1 of 1 \(step 1 of 1\), \d+ s$/m, 'a progress line');
  process.kill(cli!, 'SIGINT');
  const result = await finished;
  assert.equal(result.code, 130, result.stderr);
  assert.match(result.stderr, /interrupted: stopping the kernel and the Jupyter server .*nothing was written/);
  assert.ok(!alive(serverPid), 'the server is gone');
  for (let i = 0; i < 50 && alive(kernelPid); i++) await sleep(100);
  assert.ok(!alive(kernelPid), 'the kernel is gone');
  assert.equal(existsSync(join(dir, 'long.json')), false);
});
