import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCompactTutorial } from './generate.js';
import type { BenchRow } from './measure.js';

/** From lib/bench/ to the repository. */
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'bin', 'notecast.js');

/** The target: the compiler holds at most this many bytes per byte of Markdown. */
const TARGET = 20;

/** About 5 MB of each shape: half the Markdown size limit. */
const SIZE = 5_000_000;

const head = '---\ntitle: Memory\nkernel: python3\n---\n\n';

/** Read at the fastest pace (600 words a minute), so that 5 MB of narration in one step lasts under 24 hours (`too-long-step`). */
const fastHead = '---\ntitle: Memory\nkernel: python3\npace: 600\n---\n\n';

/**
 * The shapes a large tutorial takes, each about 5 MB: many short steps, one
 * step per cell, one step of many short containers, and the single blocks the section parser cannot cut (one
 * long typed code block, one long `:::say` container) and paragraphs as long
 * as they may be: of prose, with inline code on every line, and with a `<` on
 * every line (which the parser must take whole).
 */
const SHAPES: Array<{ name: string; make: () => string }> = [
  { name: 'short steps', make: () => generateCompactTutorial(Math.round(SIZE / 190)) },
  {
    name: 'a new cell each step',
    make: () => head + repeat(i => `# Step ${i}\n\nNew cell.\n\n:::type{cell=c${i}}\n\`\`\`python\nprint(${i})\n\`\`\`\n:::\n\n::run{cell=c${i}}\n`)
  },
  {
    // Inserted at once and said briefly, so that the step stays under 24 hours (`too-long-step`).
    name: 'one step of many :::type and :::say',
    make: () =>
      `${head}# One\n\nIntro.\n\n${repeat(i =>
        i % 3 === 2
          ? `:::say\nSaid ${i}.\n:::\n\n`
          : `:::type{cell=c${i} instant}\n\`\`\`python\nvalue_${i} = compute(${i})\nprint(value_${i})\nassert value_${i} is not None\n\`\`\`\n:::\n\n`
      )}`
  },
  {
    name: 'one long typed block',
    make: () => `${head}# One\n\nType it.\n\n:::type{cell=a speed=100}\n\`\`\`python\n${repeat(i => `x_${i} = compute(value_${i}, 42)\n`)}\`\`\`\n:::\n`
  },
  {
    name: 'one long :::say',
    make: () => `${fastHead}# One\n\nIntro.\n\n:::say\n${repeat(i => `Sentence ${i} of the narration, which goes on.\n${i % 5 === 4 ? '\n' : ''}`)}:::\n`
  },
  { name: 'paragraphs of 250 K characters', make: () => `${fastHead}# One\n\n${paragraphs(i => `Sentence ${i} of the narration, which goes on.\n`)}` },
  { name: 'paragraphs of 250 K with code', make: () => `${fastHead}# One\n\n${paragraphs(i => `Sentence \`${i}\` of the narration, which goes on.\n`)}` },
  {
    name: 'paragraphs of 250 K, not cut (a < on each line)',
    make: () => `${fastHead}# One\n\n${paragraphs(i => `Sentence ${i} < ${i + 1} of the narration.\n`)}`
  }
];

/** About 5 MB of paragraphs just under the longest allowed (`MAX_PARAGRAPH_CHARS`), a blank line between them. */
function paragraphs(line: (i: number) => string): string {
  return repeat(line, 250_000);
}

/** `line(0)`, `line(1)`, … until about 5 MB, with a blank line before a paragraph would pass `paragraphChars`. */
function repeat(line: (i: number) => string, paragraphChars = Infinity): string {
  const parts: string[] = [];
  let length = 0;
  let paragraph = 0;
  for (let i = 0; length < SIZE; i++) {
    const part = line(i);
    if (paragraph + part.length > paragraphChars) {
      parts.push('\n');
      paragraph = 0;
    }
    parts.push(part);
    length += part.length;
    paragraph += part.length;
  }
  return parts.join('');
}

/**
 * `notecast compile` on each shape in its own process, with V8's GC trace:
 * the most the heap held after a full collection (what compiling needs live,
 * which is what decides whether an input fits) per byte of Markdown, against
 * the target of 20. Peak RSS is larger (the collector runs lazily) and is in
 * the scaling section.
 */
export function benchMemory(): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'notecast-bench-memory-'));
  try {
    return SHAPES.map(({ name, make }) => {
      const markdown = make();
      const input = join(dir, 'input.md');
      writeFileSync(input, markdown);
      const result = spawnSync(process.execPath, ['--trace-gc', cli, 'compile', input, '-o', join(dir, 'output.json')], {
        encoding: 'utf8',
        maxBuffer: 1 << 26
      });
      const bytes = Buffer.byteLength(markdown);
      if (result.status !== 0) {
        return {
          measure: `compile, ${name}: live heap per input byte`,
          value: `exit ${result.status}: ${result.stderr.split('\n')[0]}`,
          target: `≤ ${TARGET}`,
          ok: false
        };
      }
      const live = Math.max(0, ...[...result.stdout.matchAll(/Mark-Compact[^\n]*?-> ([\d.]+) \(/g)].map(match => Number(match[1]) * 2 ** 20));
      const ratio = live / bytes;
      return {
        measure: `compile, ${name} (${(bytes / 2 ** 20).toFixed(1)} MiB): live heap after full GC per input byte`,
        value: live === 0 ? 'no full GC (under a few MB)' : ratio.toFixed(1),
        target: `≤ ${TARGET}`,
        ok: ratio <= TARGET
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
