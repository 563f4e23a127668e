#!/usr/bin/env node
// Fails when the module layering of src/ is broken: an import cycle, a module
// importing one it may not (the rules are data in scripts/layers.mjs, shown on the
// documentation's architecture page), code
// outside src/lab importing @jupyterlab/* or @lumino/*, or a module reaching
// past another module's index.ts. (That only src/lab uses the DOM is checked
// by compiling the other modules without the DOM library: tsconfig.core.json.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALLOWED, DYNAMIC_ONLY } from './layers.mjs';

export { ALLOWED, MODULES, RULES } from './layers.mjs';

export { DYNAMIC_ONLY } from './layers.mjs';

function walk(dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function stripComments(code) {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

export function checkLayers(srcDir) {
  const problems = [];
  const files = walk(srcDir);
  const graph = new Map();
  for (const file of files) {
    const module = relative(srcDir, file).split(sep)[0];
    if (!(module in ALLOWED)) {
      problems.push(`${relative(process.cwd(), file)}: src/${module} is not in scripts/layers.mjs; add it with what it owns and may import`);
    }
    const code = stripComments(readFileSync(file, 'utf8'));
    const edges = [];
    const specifiers = [
      ...code.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)
    ];
    for (const match of specifiers) {
      const spec = match[1] ?? match[2] ?? match[3];
      const line = code.slice(0, match.index).split('\n').length;
      const where = `${relative(process.cwd(), file)}:${line}`;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        const targetModule = relative(srcDir, target).split(sep)[0];
        if (targetModule !== module) {
          if (!(ALLOWED[module] ?? []).includes(targetModule)) {
            problems.push(`${where}: ${module} may not import ${targetModule} (allowed: ${(ALLOWED[module] ?? []).join(', ') || 'nothing of ours'})`);
          }
          if (match[2] === undefined && (DYNAMIC_ONLY[module] ?? []).includes(targetModule)) {
            problems.push(`${where}: ${module} may import ${targetModule} only with import(), so it loads on demand`);
          }
          if (relative(join(srcDir, targetModule), target) !== 'index.ts') {
            problems.push(`${where}: import ${targetModule} through its index.ts, not ${spec}`);
          }
        }
        edges.push(target);
      } else if (module !== 'lab' && (spec.startsWith('@jupyterlab/') || spec.startsWith('@lumino/'))) {
        problems.push(`${where}: only src/lab may import ${spec}`);
      }
    }
    graph.set(file, edges);
  }
  // Cycles, by depth-first search over files.
  const state = new Map();
  const stack = [];
  const visit = file => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) {
        continue;
      }
      if (state.get(next) === 'open') {
        const cycle = stack
          .slice(stack.indexOf(next))
          .concat(next)
          .map(f => relative(process.cwd(), f));
        problems.push(`import cycle: ${cycle.join(' → ')}`);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) {
    if (!state.has(file)) {
      visit(file);
    }
  }
  return { files: files.length, problems };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const srcDir = resolve(process.argv[2] ?? 'src');
  const { files, problems } = checkLayers(srcDir);
  for (const problem of problems) {
    console.error(problem);
  }
  console.error(`check-layers: ${files} files, ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  process.exitCode = problems.length ? 1 : 0;
}
