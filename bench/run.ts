import { filterPrematureAccessWarnings } from '../src/cli/yjs-warnings.js';
import { benchCompiler } from './compiler.bench.js';
import { benchHtmlExport } from './html-export.bench.js';
import { printTable, type BenchRow } from './measure.js';
import { benchMemory } from './memory.bench.js';
import { benchKeystrokes, benchLateness, benchSeeking } from './player.bench.js';
import { benchRecorder } from './recorder.bench.js';
import { benchScaling } from './scaling.bench.js';
import { benchWeb } from './web.bench.js';

/**
 * `make bench`: every benchmark, measured in this one run, printed as tables
 * of values and ratios. Exits non-zero when a target is missed.
 * `node lib/bench/run.js NAME…` runs only the sections named (for example
 * `scaling seeking`, which need no JupyterLab); `--list` lists them.
 */
const sections: Array<[string, string, () => BenchRow[] | Promise<BenchRow[]>]> = [
  ['compiler', 'Compiler (generated 1,000-step tutorial)', () => benchCompiler(1000)],
  ['lab', 'JupyterLab extension (Chromium, real server)', async () => (await import('./lab.bench.js')).benchLab()],
  ['seeking', 'Seeking (generated 1,000-step tutorial)', () => benchSeeking(1000)],
  ['keystrokes', 'Applying keystrokes', () => benchKeystrokes()],
  ['lateness', 'Playback timing on the real clock', () => benchLateness()],
  ['scaling', 'Scaling of the command line (generated tutorials, one process per run)', () => benchScaling()],
  ['recorder', 'Recording (a 100-cell notebook; a 10,000-update history)', () => benchRecorder()],
  ['notecast-test', '`notecast test` over its kernel (the tutorials)', async () => (await import('./notecast-test.bench.js')).benchNotecastTest()],
  ['html-export', '`notecast html`: one-file pages against a screencast of the same playback', () => benchHtmlExport()],
  ['web', 'Web player download sizes, gzipped (build/web)', () => benchWeb()],
  ['memory', 'Compile memory by shape (about 5 MB each, one process per run)', () => benchMemory()],
  [
    'classroom',
    'Classroom: a teacher broadcasting to 30, 100 and 300 followers (real jupyter-collaboration server, Yjs clients in Node)',
    async () => (await import('./classroom.bench.js')).benchClassroom()
  ]
];

const names = process.argv.slice(2);
if (names.includes('--list')) {
  console.log(sections.map(([name, title]) => `${name.padEnd(12)}${title}`).join('\n'));
  process.exit(0);
}
const unknown = names.filter(name => !sections.some(([known]) => known === name));
if (unknown.length) {
  console.error(`Unknown bench section ${unknown.map(name => `"${name}"`).join(', ')}, expected one of: ${sections.map(([name]) => name).join(', ')}`);
  process.exit(2);
}

filterPrematureAccessWarnings();
let missed = 0;
for (const [name, title, run] of sections) {
  if (names.length && !names.includes(name)) {
    continue;
  }
  const rows = await run();
  printTable(title, rows);
  missed += rows.filter(row => row.ok === false).length;
}
console.log(missed ? `\n${missed} target(s) missed` : '\nall targets met');
process.exitCode = missed ? 1 : 0;
