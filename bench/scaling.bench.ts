import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { stringifyScript } from '../src/format/index.js';
import { generateCompactTutorial, generateScript } from './generate.js';
import { generateHistory, ystoreOf } from './generate-history.js';
import type { BenchRow } from './measure.js';

/** From lib/bench/ to the repository. */
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'bin', 'notecast.js');
const peakHook = fileURLToPath(new URL('./report-peak-rss.js', import.meta.url));

const COMMANDS = ['compile', 'check', 'notebook', 'timeline', 'record'] as const;

/** The notebook whose history `record` reads. */
const NOTEBOOK = 'lesson.ipynb';
type Command = (typeof COMMANDS)[number];

/** The target: time per step at any size at most this many times the 1k run's. */
const LINEAR = 1.2;

interface Input {
  steps: number;
  markdown: string;
  script: string;
  ystore: string;
}

interface Run {
  /** Wall time in ms, the command line's start-up taken off; undefined if it timed out or failed. */
  ms?: number;
  /** Peak RSS in bytes. */
  rss?: number;
  failure?: string;
}

/**
 * `notecast` on generated tutorials of 1k, 10k and 50k steps, each command in
 * its own process through the real entry (`node bin/notecast.js`): time per
 * step as a ratio to the 1k run (target ≤ 1.2×: near linear), and peak memory
 * (RSS above a bare `node`) per input byte. `compile` reads the Markdown (`generateCompactTutorial`,
 * so 50k steps fit the 10 MiB limit); the
 * others read the script (`generateScript`: the compiled 1k tutorial
 * repeated, so their inputs do not wait on the compiler); `record` reads a
 * YStore holding a history of as many stretches of work a minute apart
 * (`generateHistory`), each a step of the tutorial it writes. The larger sizes
 * run once each, so their ratios err high on a busy machine. A run longer than
 * `BENCH_SCALING_TIMEOUT` seconds (default 60) is stopped and counts as missed.
 */
export async function benchScaling(sizes = [1000, 10_000, 50_000]): Promise<BenchRow[]> {
  const timeoutMs = Number(process.env.BENCH_SCALING_TIMEOUT ?? 60) * 1000;
  const dir = mkdtempSync(join(tmpdir(), 'notecast-bench-'));
  try {
    const inputs: Input[] = [];
    for (const steps of sizes) {
      const markdown = join(dir, `tutorial-${steps}.md`);
      const script = join(dir, `script-${steps}.json`);
      const ystore = join(dir, `ystore-${steps}.db`);
      writeFileSync(markdown, generateCompactTutorial(steps));
      writeFileSync(script, stringifyScript(generateScript(steps)));
      writeFileSync(ystore, await ystoreOf(generateHistory(steps, NOTEBOOK)));
      inputs.push({ steps, markdown, script, ystore });
    }
    const tiny: Input = { steps: 1, markdown: join(dir, 'tiny.md'), script: join(dir, 'tiny.json'), ystore: join(dir, 'tiny.db') };
    writeFileSync(tiny.markdown, generateCompactTutorial(1));
    writeFileSync(tiny.script, stringifyScript(generateScript(1)));
    writeFileSync(tiny.ystore, await ystoreOf(generateHistory(1, NOTEBOOK)));
    const bareRss = median([0, 1, 2].map(() => measure(['-e', '0'], dir, timeoutMs, false).rss ?? 0));

    const rows: BenchRow[] = [
      {
        measure: `inputs at ${sizes.map(label).join(' / ')} steps`,
        value: `Markdown ${inputs.map(input => size(input.markdown)).join(' / ')}; script ${inputs.map(input => size(input.script)).join(' / ')}; YStore ${inputs.map(input => size(input.ystore)).join(' / ')}`
      }
    ];
    const startups: string[] = [];
    for (const command of COMMANDS) {
      const inputFor = (input: Input) => (command === 'compile' ? input.markdown : command === 'record' ? input.ystore : input.script);
      // What the command pays before its input matters (node, its modules):
      // the same command on a one-step tutorial, taken off every run. It and
      // the smallest size, the ratios' base, are measured alternately five
      // times and the fastest run kept: on a busy machine that is the
      // steadiest estimate of the work itself.
      const startup: Run[] = [];
      const smallest: Run[] = [];
      const argsAt = (input: Input) => argsFor(command, inputFor(input), join(dir, `out-${command}-${input.steps}`));
      for (let round = 0; round < 5; round++) {
        startup.push(measure(argsAt(tiny), dir, timeoutMs));
        smallest.push(measure(argsAt(inputs[0]), dir, timeoutMs));
      }
      const startupMs = Math.min(...startup.map(run => run.ms ?? Infinity));
      startups.push(`${command} ${startupMs.toFixed(0)} ms`);
      const runs = inputs.map((input, index) => {
        const measured = index === 0 ? smallest : [measure(argsAt(input), dir, timeoutMs)];
        const bytes = statSync(inputFor(input)).size;
        const failed = measured.find(run => run.failure);
        if (failed) {
          return { ...failed, bytes, steps: input.steps };
        }
        return {
          ms: Math.max(1, Math.min(...measured.map(run => run.ms!)) - startupMs),
          rss: Math.min(...measured.map(run => run.rss ?? 0)),
          bytes,
          steps: input.steps
        };
      });
      const base = runs[0];
      const ratios = runs.slice(1).map(run => (run.ms !== undefined && base.ms !== undefined ? run.ms / run.steps / (base.ms / base.steps) : undefined));
      rows.push(
        {
          measure: `${command}: time at ${sizes.map(label).join(' / ')} steps`,
          value: runs.map(run => (run.ms === undefined ? run.failure! : seconds(run.ms))).join(' / ')
        },
        {
          measure: `${command}: time per step ÷ at ${label(sizes[0])} (${sizes.slice(1).map(label).join(', ')})`,
          value: ratios.map(ratio => (ratio === undefined ? '—' : `${ratio.toFixed(2)}×`)).join(', '),
          target: `≤ ${LINEAR}×`,
          ok: ratios.every(ratio => ratio !== undefined && ratio <= LINEAR)
        },
        {
          measure: `${command}: peak RSS above bare node per input byte`,
          value: runs.map(run => (run.rss === undefined ? '—' : `${(Math.max(0, run.rss - bareRss) / run.bytes).toFixed(1)}`)).join(' / ')
        }
      );
    }
    rows.splice(1, 0, { measure: 'start-up taken off each run (the command on a 1-step tutorial)', value: startups.join(', ') });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function argsFor(command: Command, input: string, output: string): string[] {
  switch (command) {
    case 'compile':
      return ['compile', input, '-o', `${output}.json`];
    case 'check':
      return ['check', input];
    case 'notebook':
      return ['notebook', input, '-o', `${output}.ipynb`];
    case 'timeline':
      return ['timeline', input, '-o', `${output}.txt`];
    case 'record':
      return ['record', '--from-ystore', input, '--path', NOTEBOOK, '-o', `${output}.md`];
  }
}

/** One run in a fresh process: its wall time and peak RSS. `viaCli: false` runs bare `node` with `args`. */
function measure(args: string[], dir: string, timeoutMs: number, viaCli = true): Run {
  const rssFile = join(dir, 'peak-rss');
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', peakHook, ...(viaCli ? [cli] : []), ...args], {
    env: { ...process.env, NOTECAST_PEAK_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 26
  });
  const ms = performance.now() - start;
  if (result.error || result.signal) {
    return { failure: `> ${(timeoutMs / 1000).toFixed(0)} s (stopped)` };
  }
  if (result.status !== 0) {
    const message = result.stderr.toString().trim().split('\n').slice(0, 1).join('');
    return { failure: `exit ${result.status}: ${message.slice(0, 60)}` };
  }
  return { ms, rss: Number(readFileSync(rssFile, 'utf8')) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const label = (steps: number) => (steps >= 1000 ? `${steps / 1000}k` : String(steps));
const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`);
const size = (file: string) => {
  const bytes = statSync(file).size;
  return bytes < 1 << 20 ? `${(bytes / 1024).toFixed(0)} KiB` : `${(bytes / (1 << 20)).toFixed(1)} MiB`;
};
