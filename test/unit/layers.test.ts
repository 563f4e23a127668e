import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fromRoot } from '../helpers/paths.js';

function checkTree(files: Record<string, string>): { status: number | null; stderr: string } {
  const src = join(mkdtempSync(join(tmpdir(), 'notecast-layers-')), 'src');
  for (const [path, code] of Object.entries(files)) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), code);
  }
  const result = spawnSync(process.execPath, [fromRoot('scripts', 'check-layers.mjs'), src], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

test('the project source keeps its layers', () => {
  const result = spawnSync(process.execPath, [fromRoot('scripts', 'check-layers.mjs'), fromRoot('src')], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

test('the layer check rejects a forbidden import', () => {
  const { status, stderr } = checkTree({
    'player/index.ts': "export * from '../apply/index.js';\n",
    'apply/index.ts': 'export const x = 1;\n'
  });
  assert.equal(status, 1);
  assert.match(stderr, /player may not import apply/);
});

test('the layer check rejects @jupyterlab outside lab and reaching past an index', () => {
  const { status, stderr } = checkTree({
    'compiler/index.ts': "import { x } from '../format/script.js';\nimport '@jupyterlab/application';\n",
    'format/script.ts': 'export const x = 1;\n',
    'format/index.ts': "export * from './script.js';\n"
  });
  assert.equal(status, 1);
  assert.match(stderr, /import format through its index\.ts/);
  assert.match(stderr, /only src\/lab may import @jupyterlab\/application/);
});

test('the layer check rejects an import cycle', () => {
  const { status, stderr } = checkTree({
    'format/a.ts': "import './b.js';\n",
    'format/b.ts': "import './a.js';\n",
    'format/index.ts': "export * from './a.js';\n"
  });
  assert.equal(status, 1);
  assert.match(stderr, /import cycle: .*a\.ts → .*b\.ts → .*a\.ts/);
});

test('the web module may import the compiler only with import(), so pages load it on demand', () => {
  const files = {
    'compiler/index.ts': 'export const compile = 1;\n',
    'web/index.ts': "export const load = () => import('../compiler/index.js');\n"
  };
  assert.equal(checkTree(files).status, 0, checkTree(files).stderr);
  const { status, stderr } = checkTree({ ...files, 'web/index.ts': "import { compile } from '../compiler/index.js';\nexport { compile };\n" });
  assert.equal(status, 1);
  assert.match(stderr, /web may import compiler only with import\(\)/);
});
