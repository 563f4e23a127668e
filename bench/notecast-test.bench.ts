/**
 * What `notecast test` adds over the kernel's own work, on the three
 * tutorials: a real Jupyter server and ipykernel from the venv. In-process,
 * each tutorial is played with its kernel already started, so the time not
 * spent waiting for `execute` is what playback, comparison and messages cost;
 * then the real command in a process of its own, against the sum of what it
 * cannot avoid (the server's and the kernels' start-up, the kernel's runs).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { answersFor, readAnswers } from '../src/cli/answers-file.js';
import { KernelClient, startJupyterServer } from '../src/cli/kernel/index.js';
import { loadScript } from '../src/cli/script-input.js';
import { nodeIO } from '../src/cli/node-io.js';
import { answersAtPauses } from '../src/cli/pause-answers.js';
import { MAX_DIFF_MS, outputDiff } from '../src/cli/test-report.js';
import { testTutorial } from '../src/cli/tutorial-test.js';
import { outputMatches } from '../src/format/index.js';
import { JUPYTER, REPO_ROOT } from '../test/e2e/jupyter-server.js';
import { TUTORIAL_FILES } from '../test/e2e/notecast.js';
import type { BenchRow } from './measure.js';

/** The target: under this many ms per run on top of the kernel. */
const PER_RUN_MS = 100;

export async function benchNotecastTest(): Promise<BenchRow[]> {
  const hostile = await benchHostileInput();
  const serverStarted = performance.now();
  const server = await startJupyterServer(JUPYTER, 60_000);
  const serverMs = performance.now() - serverStarted;
  let kernelStartMs = 0;
  let kernelMs = 0;
  let playMs = 0;
  let runs = 0;
  let worstPerRun = 0;
  try {
    for (const file of TUTORIAL_FILES) {
      const { script } = await loadScript(nodeIO, join(REPO_ROOT, file));
      if (!script) {
        throw new Error(`${file} does not compile`);
      }
      const kernelStarted = performance.now();
      const kernel = await KernelClient.start(server, script.kernel, 60_000);
      kernelStartMs += performance.now() - kernelStarted;
      try {
        const outcome = await testTutorial(script, kernel, { timeoutMs: 60_000 });
        if (outcome.status !== 'passed') {
          throw new Error(`${file} did not pass: ${outcome.error ?? `${outcome.failures.length} failure(s)`}`);
        }
        kernelMs += outcome.kernelMs;
        playMs += outcome.ms;
        runs += outcome.runs;
        worstPerRun = Math.max(worstPerRun, (outcome.ms - outcome.kernelMs) / outcome.runs);
      } finally {
        await kernel.shutdown();
      }
    }
  } finally {
    await server.stop();
  }
  const addedPerRun = (playMs - kernelMs) / runs;
  const commandMs = await timeCommand();
  const unavoidable = serverMs + kernelStartMs + kernelMs;
  const commandAddedPerRun = (commandMs - unavoidable) / runs;
  return [
    { measure: 'Jupyter server start-up', value: `${serverMs.toFixed(0)} ms` },
    { measure: `kernel start-up (${TUTORIAL_FILES.length} tutorials, one kernel each)`, value: `${kernelStartMs.toFixed(0)} ms` },
    { measure: `kernel execution (${runs} runs, round trips included)`, value: `${kernelMs.toFixed(0)} ms` },
    {
      measure: 'added per run in-process (headless playback, comparison)',
      value: `${addedPerRun.toFixed(1)} ms (worst tutorial ${worstPerRun.toFixed(1)} ms)`,
      target: `< ${PER_RUN_MS} ms`,
      ok: worstPerRun < PER_RUN_MS
    },
    {
      measure: '`notecast test tutorials/*.md` as a process, wall time',
      value: `${commandMs.toFixed(0)} ms`,
      target: `< start-ups + kernel + ${PER_RUN_MS} ms/run = ${(unavoidable + PER_RUN_MS * runs).toFixed(0)} ms`,
      ok: commandMs < unavoidable + PER_RUN_MS * runs
    },
    { measure: 'the process: added per run over start-ups and kernel', value: `${commandAddedPerRun.toFixed(1)} ms (Node start-up included)` },
    ...hostile
  ];
}

/** Hostile input, no kernel needed: what once took minutes (a backtracking regex, a quadratic diff or answer lookup). */
async function benchHostileInput(): Promise<BenchRow[]> {
  const timed = async (fn: () => unknown): Promise<number> => {
    const started = performance.now();
    await fn();
    return performance.now() - started;
  };
  const regexMs = await timed(() => outputMatches('^(a+)+$', `${'a'.repeat(1_000_000)}b`, 'regex'));
  const rows = (suffix: string): string => Array.from({ length: 20_000 }, (_, index) => `row ${index}${suffix}`).join('\n');
  const expected = rows('');
  const actual = rows('!');
  const diffMs = await timed(() => outputDiff(expected, actual));
  const dir = await mkdtemp(join(tmpdir(), 'notecast-bench-answers-'));
  let answersMs: number;
  try {
    const pauses = Array.from({ length: 100_000 }, (_, index) => 3 * index + 1);
    // Without a line, answer N goes to pause N; then one more answer per pause, by its line.
    const list = [...pauses.map((_, index) => ({ code: `print(${index})`, expect: `${index}` })), ...pauses.map(line => ({ line, code: 'pass' }))];
    await writeFile(join(dir, 'answers.json'), JSON.stringify({ 't.md': list }));
    answersMs = await timed(async () => {
      const answers = await readAnswers(nodeIO, join(dir, 'answers.json'));
      const assigned = answersAtPauses(pauses, answersFor(answers, 't.md') ?? []);
      if (!Array.isArray(assigned)) {
        throw new Error(assigned.problem);
      }
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return [
    {
      measure: '`match=regex` `^(a+)+$` over 1,000,001 characters (a backtracking engine: days)',
      value: `${regexMs.toFixed(0)} ms`,
      target: '< 1000 ms',
      ok: regexMs < 1000
    },
    {
      measure: 'report of two 20,000-line outputs that differ everywhere (an unbounded diff: minutes)',
      value: `${diffMs.toFixed(0)} ms`,
      target: `< ${2 * MAX_DIFF_MS} ms`,
      ok: diffMs < 2 * MAX_DIFF_MS
    },
    {
      measure: '--answers: 200,000 answers read and given to 100,000 pauses',
      value: `${answersMs.toFixed(0)} ms`,
      target: '< 3000 ms',
      ok: answersMs < 3000
    }
  ];
}

/** The real command's wall time on the tutorials, from spawn to exit. */
function timeCommand(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'notecast.js'), 'test', '--jupyter', JUPYTER, ...TUTORIAL_FILES], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe']
    });
    let stderr = '';
    child.stderr.on('data', chunk => (stderr += String(chunk)));
    child.once('error', reject);
    child.once('exit', code => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`notecast test exited ${code}: ${stderr}`))));
  });
}
