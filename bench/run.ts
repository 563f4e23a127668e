import { filterPrematureAccessWarnings } from '../src/apply/index.js';
import { benchCompiler } from './compiler.bench.js';
import { printTable, type BenchRow } from './measure.js';
import { benchKeystrokes, benchLateness, benchSeeking } from './player.bench.js';

/**
 * `make bench`: every benchmark, measured in this one run, printed as tables
 * of values and ratios. Exits non-zero when a target is missed.
 */
const sections: Array<[string, () => BenchRow[] | Promise<BenchRow[]>]> = [
  ['Compiler (generated 1,000-step tutorial)', () => benchCompiler(1000)],
  ['JupyterLab extension (Chromium, real server)', async () => (await import('./lab.bench.js')).benchLab()],
  ['Seeking (generated 1,000-step tutorial)', () => benchSeeking(1000)],
  ['Applying keystrokes', () => benchKeystrokes()],
  ['Playback timing on the real clock', () => benchLateness()]
];

filterPrematureAccessWarnings();
let missed = 0;
for (const [title, run] of sections) {
  const rows = await run();
  printTable(title, rows);
  missed += rows.filter(row => row.ok === false).length;
}
console.log(missed ? `\n${missed} target(s) missed` : '\nall targets met');
process.exitCode = missed ? 1 : 0;
