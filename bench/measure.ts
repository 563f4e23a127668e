import { performance } from 'node:perf_hooks';

/** Median wall time in ms of `fn` over `runs` runs, after `warmup` unmeasured ones. */
export function medianMs(fn: () => unknown, runs = 15, warmup = 3): number {
  for (let i = 0; i < warmup; i++) {
    fn();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Median times of two functions measured alternately, so a load change on the
 * machine during the run affects both sides of the ratio alike.
 */
export function pairedMedianMs(a: () => unknown, b: () => unknown, runs = 11, warmup = 2): [number, number] {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [side, fn] of [a, b].entries()) {
      const start = performance.now();
      fn();
      times[side].push(performance.now() - start);
    }
  }
  return times.map(list => list.sort((x, y) => x - y)[Math.floor(list.length / 2)]) as [number, number];
}

export interface BenchRow {
  measure: string;
  value: string;
  target?: string;
  ok?: boolean;
}

export function printTable(title: string, rows: BenchRow[]): void {
  const cells = rows.map(row => [row.measure, row.value, row.target ?? '', row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED']);
  const header = ['measure', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map(c => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(`|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) {
    console.log(line(c));
  }
}
