/**
 * The web player's download sizes, gzipped, from the build's own record (build/web/meta.json,
 * esbuild's metafile): the player chunk and what it imports, the compiler (loaded only for a
 * Markdown `src`), each highlighter language, the stylesheet. Target: the first view of a baked
 * .json tutorial in Python loads at most 150 KB gzipped, and no compiler.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromRoot } from '../test/helpers/paths.js';
import type { BenchRow } from './measure.js';

interface Metafile {
  outputs: Record<string, { entryPoint?: string; imports: Array<{ path: string; kind: string }> }>;
}

/** The first view's budget, gzipped. */
export const FIRST_VIEW_BUDGET = 150 * 1024;

export function benchWeb(): BenchRow[] {
  const dir = fromRoot('build', 'web');
  const metaPath = join(dir, 'meta.json');
  if (!existsSync(metaPath)) {
    return [{ measure: 'build/web/meta.json', value: 'missing: run `make web`', target: 'built', ok: false }];
  }
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Metafile;
  const root = fromRoot();
  const gzipped = (output: string) => gzipSync(readFileSync(join(root, output)), { level: 9 }).length;
  /** An output and everything it imports statically: what loading it downloads. */
  const closure = (output: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(output)) return seen;
    seen.add(output);
    for (const imported of meta.outputs[output]?.imports ?? []) {
      if (imported.kind === 'import-statement' && meta.outputs[imported.path]) closure(imported.path, seen);
    }
    return seen;
  };
  const size = (outputs: Iterable<string>) => [...outputs].reduce((sum, output) => sum + gzipped(output), 0);
  const find = (test: (entryPoint: string) => boolean) =>
    Object.entries(meta.outputs).find(([path, output]) => path.endsWith('.js') && output.entryPoint !== undefined && test(output.entryPoint))?.[0];
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

  const player = find(entry => entry.endsWith('src/web/index.ts'));
  const compiler = find(entry => entry.endsWith('src/compiler/index.ts'));
  const languages = Object.entries(meta.outputs).filter(([path, output]) => path.endsWith('.js') && /@lezer\/[a-z]+\//.test(output.entryPoint ?? ''));
  if (!player) return [{ measure: 'player chunk', value: 'not found in meta.json', ok: false }];
  const core = closure(player);
  const css = gzipSync(readFileSync(join(dir, 'notecast-player.css')), { level: 9 }).length;
  const python = languages.find(([, output]) => output.entryPoint?.includes('@lezer/python'));
  const pythonOnly = python ? [...closure(python[0])].filter(path => !core.has(path)) : [];
  const firstView = size(core) + size(pythonOnly) + css;
  const rows: BenchRow[] = [
    { measure: 'player (entry and the chunks it imports)', value: kb(size(core)) },
    { measure: 'stylesheet', value: kb(css) }
  ];
  if (compiler) {
    rows.push({ measure: 'compiler, on demand (for a Markdown src)', value: kb(size([...closure(compiler)].filter(path => !core.has(path)))) });
  }
  for (const [path, output] of languages) {
    const name = /@lezer\/([a-z]+)\//.exec(output.entryPoint ?? '')![1];
    rows.push({ measure: `highlighter: ${name}, on demand`, value: kb(size([...closure(path)].filter(chunk => !core.has(chunk)))) });
  }
  rows.push(
    {
      measure: 'first view of a baked Python tutorial (.json): player, stylesheet, Python grammar',
      value: kb(firstView),
      target: `≤ ${kb(FIRST_VIEW_BUDGET)}`,
      ok: firstView <= FIRST_VIEW_BUDGET
    },
    {
      measure: 'compiler in the first view of a .json',
      value: compiler && core.has(compiler) ? 'yes' : 'no',
      target: 'no',
      ok: !(compiler && core.has(compiler))
    }
  );
  return rows;
}
