#!/usr/bin/env node
// Fails when the module layering of src/ is broken: an import cycle, a module
// importing one it may not (the rules are data in scripts/layers.mjs, shown on the
// documentation's architecture page), code
// outside src/lab importing @jupyterlab/* or @lumino/*, or a module reaching
// past another module's index.ts. (That only src/lab uses the DOM is checked
// by compiling the other modules without the DOM library: tsconfig.core.json.)
// Inside src/lab it checks the folders the same way (checkLabFolders below).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALLOWED, DYNAMIC_ONLY, LAB_ALLOWED, LAB_SELF_CONTAINED } from './layers.mjs';

export { ALLOWED, MODULES, RULES } from './layers.mjs';

export { DYNAMIC_ONLY } from './layers.mjs';

function walk(dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The code without its comments, each block comment's line breaks kept so that line numbers stay right. */
function stripComments(code) {
  return code.replace(/\/\*[\s\S]*?\*\//g, comment => comment.replace(/[^\n]/g, '')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

export function checkLayers(srcDir) {
  const problems = [];
  const files = walk(srcDir);
  const graph = new Map();
  /** Each file's relative imports: target file, specifier, file:line, dynamic, type-only. */
  const allImports = new Map();
  for (const file of files) {
    const module = relative(srcDir, file).split(sep)[0];
    if (!(module in ALLOWED)) {
      problems.push(`${relative(process.cwd(), file)}: src/${module} is not in scripts/layers.mjs; add it with what it owns and may import`);
    }
    const code = stripComments(readFileSync(file, 'utf8'));
    const edges = [];
    const imports = [];
    const specifiers = [
      ...code.matchAll(/(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)
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
        imports.push({ target, spec, where, dynamic: match[2] !== undefined, typeOnly: isTypeOnly(match[0]) });
      } else if (module !== 'lab' && (spec.startsWith('@jupyterlab/') || spec.startsWith('@lumino/'))) {
        problems.push(`${where}: only src/lab may import ${spec}`);
      }
    }
    graph.set(file, edges);
    allImports.set(file, imports);
  }
  problems.push(...checkLabFolders(srcDir, allImports));
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

/** `import type {…}` and `export type {…}`, or braces of `type` names only: nothing is emitted for it. */
function isTypeOnly(statement) {
  if (/^(import|export)\s+type\s/.test(statement)) {
    return true;
  }
  const names = /\{([^}]*)\}/
    .exec(statement)?.[1]
    .split(',')
    .map(name => name.trim())
    .filter(Boolean);
  return names !== undefined && names.length > 0 && /^import\s*\{/.test(statement) && names.every(name => name.startsWith('type '));
}

/** Where a file sits in src/lab: its folder ('' at the root) and its name inside it; undefined outside src/lab. */
function labPlace(srcDir, file) {
  const parts = relative(join(srcDir, 'lab'), file).split(sep);
  if (parts[0] === '..' || parts[0] === '') {
    return undefined;
  }
  return parts.length === 1 ? { folder: '', name: parts[0] } : { folder: parts[0], name: parts.slice(1).join('/') };
}

/**
 * The rules of src/lab's folders (LAB_RULES in scripts/layers.mjs): another folder only through
 * its index.ts or lazy.ts and only as LAB_FOLDERS allows, no cycle between folders, start-up
 * never reaching a lazy.ts, and tokens.ts and command-ids.ts importing nothing of ours.
 */
export function checkLabFolders(srcDir, allImports) {
  const problems = [];
  const unknown = new Set();
  /** folder → folder → the file:line of the first import between them. */
  const folderEdges = new Map();
  for (const [file, imports] of allImports) {
    const from = labPlace(srcDir, file);
    if (!from) {
      continue;
    }
    if (from.folder !== '' && !(from.folder in LAB_ALLOWED) && !unknown.has(from.folder)) {
      unknown.add(from.folder);
      problems.push(
        `${relative(process.cwd(), file)}: src/lab/${from.folder} is not in LAB_FOLDERS of scripts/layers.mjs; add it with what it owns and may import`
      );
    }
    for (const { target, spec, where } of imports) {
      if (from.folder === '' && LAB_SELF_CONTAINED.includes(from.name)) {
        problems.push(`${where}: src/lab/${from.name} imports nothing of ours, so that other extensions can build on it; not ${spec}`);
        continue;
      }
      const to = labPlace(srcDir, target);
      if (!to || to.folder === from.folder) {
        continue;
      }
      if (to.folder === '') {
        if (!LAB_SELF_CONTAINED.includes(to.name)) {
          problems.push(`${where}: a lab folder imports only ${LAB_SELF_CONTAINED.join(' and ')} from the root of src/lab, not ${spec}`);
        }
        continue;
      }
      if (to.name !== 'index.ts' && to.name !== 'lazy.ts') {
        problems.push(`${where}: import lab/${to.folder} through its index.ts or lazy.ts, not ${spec}`);
      }
      if (from.folder === '') {
        continue;
      }
      const allowed = LAB_ALLOWED[from.folder];
      if (allowed && !allowed.includes(to.folder)) {
        problems.push(`${where}: lab/${from.folder} may not import lab/${to.folder} (allowed: ${allowed.join(', ') || 'no other lab folder'})`);
      }
      const edges = folderEdges.get(from.folder) ?? new Map();
      folderEdges.set(from.folder, edges);
      if (!edges.has(to.folder)) {
        edges.set(to.folder, where);
      }
    }
  }
  problems.push(...folderCycles(folderEdges), ...startupReachingLazy(srcDir, allImports));
  return problems;
}

/** Cycles between lab folders, each named with the file:line of every import on it. */
function folderCycles(folderEdges) {
  const problems = [];
  const state = new Map();
  const stack = [];
  const visit = folder => {
    state.set(folder, 'open');
    stack.push(folder);
    for (const next of (folderEdges.get(folder) ?? new Map()).keys()) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next)).concat(next);
        const steps = cycle.slice(1).map((to, i) => `${folderEdges.get(cycle[i]).get(to)} imports lab/${to}`);
        problems.push(`lab folder cycle: ${cycle.join(' → ')} (${steps.join('; ')})`);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(folder, 'done');
  };
  for (const folder of [...folderEdges.keys()].sort()) {
    if (!state.has(folder)) {
      visit(folder);
    }
  }
  return problems;
}

/** What src/lab/index.ts loads at start-up, statically and not type-only, must not reach a lazy.ts. */
function startupReachingLazy(srcDir, allImports) {
  const entry = join(srcDir, 'lab', 'index.ts');
  if (!allImports.has(entry)) {
    return [];
  }
  const problems = [];
  /** file → the import (file:line, and the file it is in) that first loaded it at start-up. */
  const loadedBy = new Map([[entry, undefined]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift();
    for (const { target, where, dynamic, typeOnly } of allImports.get(file) ?? []) {
      if (dynamic || typeOnly || loadedBy.has(target) || !allImports.has(target)) {
        continue;
      }
      loadedBy.set(target, { where, from: file });
      if (labPlace(srcDir, target)?.name !== 'lazy.ts') {
        queue.push(target);
        continue;
      }
      const chain = [];
      for (let step = loadedBy.get(file); step !== undefined; step = loadedBy.get(step.from)) {
        chain.unshift(step.where);
      }
      const path = chain.length ? ` (by ${chain.join(' → ')} → here)` : '';
      problems.push(
        `${where}: src/lab/index.ts loads ${relative(process.cwd(), target)} at start-up${path}; reach a lazy.ts only with import(), or import type`
      );
    }
  }
  return problems;
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
