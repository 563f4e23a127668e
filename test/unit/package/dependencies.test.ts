import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { fromRoot, ROOT } from '../../helpers/paths.js';

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as PackageJson;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === 'fixtures' ? [] : sources(path);
    }
    return /\.(ts|mts|mjs|js)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The npm package a bare specifier loads: `@scope/name` or `name`; types-only modules map to their `@types` package. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) {
    return undefined;
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return name === 'mdast' || name === 'unist' ? `@types/${name}` : name;
}

/** Every package imported by the files under `dirs`, with one place each is imported from. */
function imported(dirs: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of dirs.flatMap(dir => sources(fromRoot(dir)))) {
    // TypeScript's own import scanner: static, type-only, dynamic and side-effect imports.
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const name = packageOf(fileName);
      if (name && !found.has(name)) {
        found.set(name, relative(ROOT, file));
      }
    }
  }
  return found;
}

test('every package src/ imports is a declared dependency (not a dev dependency)', () => {
  const missing = [...imported(['src'])].filter(([name]) => !(name in pkg.dependencies)).map(([name, where]) => `${name} (imported by ${where})`);
  assert.deepEqual(missing, [], 'add these to "dependencies" (exact, or a caret range for what JupyterLab provides)');
});

test('every dependency is imported by src/', () => {
  const used = imported(['src']);
  assert.deepEqual(
    Object.keys(pkg.dependencies).filter(name => !used.has(name)),
    [],
    'drop these from "dependencies"'
  );
});

test('tests, benchmarks and scripts import only declared packages', () => {
  const declared = { ...pkg.dependencies, ...pkg.devDependencies };
  const missing = [...imported(['test', 'bench', 'scripts'])]
    .filter(([name]) => !(name in declared))
    .map(([name, where]) => `${name} (imported by ${where})`);
  assert.deepEqual(missing, []);
});

/**
 * What JupyterLab (and Notebook 7) itself provides to a prebuilt extension at run time: its
 * singleton packages. Declared as ranges (`^4.6.4`), as the extension template does, or the
 * extension is "not compatible with the current JupyterLab" as soon as a user has a newer patch
 * release; the lockfile still pins what we build and test with.
 */
const PROVIDED_BY_JUPYTERLAB = /^(@jupyterlab\/|@jupyter\/|@jupyter-notebook\/|@lumino\/|@lezer\/(common|highlight)$|yjs$)/;

test('what JupyterLab provides is a caret range from the locked version; everything else is pinned exactly', () => {
  const lock = JSON.parse(readFileSync(fromRoot('package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const wrong = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).flatMap(([name, declared]) => {
    const locked = lock.packages[`node_modules/${name}`]?.version ?? '';
    if (name in pkg.dependencies && PROVIDED_BY_JUPYTERLAB.test(name)) {
      const range = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(declared);
      const [major, minor, patch] = locked.split('.').map(Number);
      const admits =
        range !== null && Number(range[1]) === major && (minor > Number(range[2]) || (minor === Number(range[2]) && patch >= Number(range[3])));
      return admits ? [] : [`${name}: "${declared}" should be a caret range that admits the locked ${locked}`];
    }
    return /^\d+\.\d+\.\d+$/.test(declared) ? [] : [`${name}: "${declared}" should be an exact version`];
  });
  assert.deepEqual(wrong, []);
});

test('the lockfile holds exactly the declared versions', () => {
  const lock = JSON.parse(readFileSync(fromRoot('package-lock.json'), 'utf8')) as {
    packages: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
  };
  assert.deepEqual(lock.packages[''].dependencies, pkg.dependencies);
  assert.deepEqual(lock.packages[''].devDependencies, pkg.devDependencies);
});
