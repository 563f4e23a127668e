import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fromRoot, ROOT } from '../../helpers/paths.js';

type Entry = string | { types: string; default: string };
interface PackageJson {
  name: string;
  main: string;
  types: string;
  exports: Record<string, Entry>;
  files: string[];
  jupyterlab: { extension: string };
}

const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as PackageJson;
const MARK = 'notecast-test: refused';

/**
 * Imports `specifier` in a fresh Node process whose module resolver refuses
 * `@jupyterlab/*`, and `@lumino/*` imported by our code, from inside the package (so the name
 * resolves through its own `exports`, as for a user who installed it).
 */
function importInNode(specifier: string): { status: number | null; stdout: string; stderr: string } {
  // @jupyter/ydoc itself uses @lumino/coreutils (DOM-free); our own code imports no @lumino at all.
  const ours = pathToFileURL(fromRoot('lib/')).href;
  const hook = `export async function resolve(specifier, context, next) {
    const fromOurs = context.parentURL?.startsWith(${JSON.stringify(ours)});
    if (/^@jupyterlab\\//.test(specifier) || (fromOurs && /^@lumino\\//.test(specifier))) {
      throw new Error('${MARK} ' + specifier + ' from ' + context.parentURL);
    }
    return next(specifier, context);
  }`;
  const program = `import { register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
    const loaded = await import(${JSON.stringify(specifier)});
    console.log(JSON.stringify(Object.keys(loaded).sort()));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '--eval', program], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const librarySubpaths = Object.keys(pkg.exports).filter(key => typeof pkg.exports[key] !== 'string' && key !== './lab');

test('"." is the DOM-free library, and the plugins are "./lab"', () => {
  assert.deepEqual(pkg.exports['.'], { types: './lib/src/index.d.ts', default: './lib/src/index.js' });
  assert.equal(`./${pkg.main}`, './lib/src/index.js');
  assert.equal(`./${pkg.types}`, './lib/src/index.d.ts');
  assert.deepEqual(pkg.exports['./lab'], { types: './lib/src/lab/index.d.ts', default: './lib/src/lab/index.js' });
  assert.deepEqual(librarySubpaths, ['.', './format', './compiler', './player', './apply', './session', './recorder']);
});

test('every entry point exists, with its types beside it, and is in the published files', () => {
  for (const [subpath, entry] of Object.entries(pkg.exports)) {
    for (const target of typeof entry === 'string' ? [entry] : [entry.types, entry.default]) {
      assert.ok(existsSync(fromRoot(target)), `${subpath}: ${target} is missing (run npm run build:lib)`);
    }
    if (typeof entry !== 'string') {
      assert.equal(entry.types, entry.default.replace(/\.js$/, '.d.ts'), `${subpath}: types next to the code`);
      assert.match(entry.default, /^\.\/lib\/src\/.*\.js$/, `${subpath}: covered by files "lib/src/**/*.{d.ts,js,…}"`);
    }
  }
});

for (const subpath of librarySubpaths) {
  const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
  test(`${specifier} loads in plain Node without any @jupyterlab module`, async () => {
    const run = importInNode(specifier);
    assert.equal(run.status, 0, run.stderr);
    const names = JSON.parse(run.stdout) as string[];
    const module = subpath === '.' ? '../../../src/index.js' : `../../../src/${subpath.slice(2)}/index.js`;
    assert.deepEqual(names, Object.keys((await import(module)) as object).sort());
    assert.ok(names.length > 0);
  });
}

test('the library entry holds every public name of format, compiler, player, apply and session', async () => {
  const root = Object.keys(await import('../../../src/index.js'));
  for (const module of ['format', 'compiler', 'player', 'apply', 'session']) {
    for (const name of Object.keys((await import(`../../../src/${module}/index.js`)) as object)) {
      assert.ok(root.includes(name), `${name} (from ${module}) is missing from "."`);
    }
  }
});

test('the JupyterLab plugins are what the resolver refuses in Node (the check above can fail)', () => {
  const run = importInNode(`${pkg.name}/lab`);
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, new RegExp(`${MARK} @(jupyterlab|lumino)/`));
});

test('the JupyterLab build finds the plugins: jupyterlab.extension is the "./lab" entry', () => {
  const lab = pkg.exports['./lab'] as { default: string };
  assert.equal(`./${pkg.jupyterlab.extension}`, lab.default);
  assert.match(readFileSync(fromRoot(pkg.jupyterlab.extension), 'utf8'), /export default \[/);
});

test('internals stay private: no public entry exports them, and deep imports are refused', async () => {
  const internal = ['hashString', 'seededRandom', 'filterPrematureAccessWarnings', 'recordLateness', 'summarizeLateness'];
  for (const module of [
    '../../../src/index.js',
    '../../../src/format/index.js',
    '../../../src/player/index.js',
    '../../../src/apply/index.js',
    '../../../src/session/index.js'
  ]) {
    const names = Object.keys((await import(module)) as object);
    assert.deepEqual(
      internal.filter(name => names.includes(name)),
      [],
      module
    );
  }
  const deep = importInNode(`${pkg.name}/lib/src/format/keystrokes.js`);
  assert.notEqual(deep.status, 0);
  assert.match(deep.stderr, /ERR_PACKAGE_PATH_NOT_EXPORTED/);
});
