import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
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

// The folders of src/lab (LAB_FOLDERS and LAB_RULES in scripts/layers.mjs).

test('a lab folder imports another only through its index.ts or lazy.ts, at the line of the import', () => {
  const { status, stderr } = checkTree({
    'lab/ui/step-list.ts': 'export const x = 1;\n',
    'lab/panel/player-panel.ts': "/**\n * A header comment of\n * several lines.\n */\nimport { x } from '../ui/step-list.js';\nexport const y = x;\n"
  });
  assert.equal(status, 1);
  assert.match(stderr, /lab\/panel\/player-panel\.ts:5: import lab\/ui through its index\.ts or lazy\.ts, not \.\.\/ui\/step-list\.js/);
});

test('a lab folder imports only the folders LAB_FOLDERS allows it', () => {
  const { status, stderr } = checkTree({
    'lab/panel/index.ts': 'export const panel = 1;\n',
    'lab/ui/index.ts': "\nimport { panel } from '../panel/index.js';\nexport const ui = panel;\n",
    'lab/misc/a.ts': 'export const a = 1;\n'
  });
  assert.equal(status, 1);
  assert.match(stderr, /lab\/ui\/index\.ts:2: lab\/ui may not import lab\/panel \(allowed: no other lab folder\)/);
  assert.match(stderr, /lab\/misc\/a\.ts: src\/lab\/misc is not in LAB_FOLDERS of scripts\/layers\.mjs/);
});

test('lab folders may not import each other in a cycle, type-only imports included', () => {
  const { status, stderr } = checkTree({
    'lab/panel/index.ts': "export { session } from '../session/index.js';\n",
    'lab/session/index.ts': "import type { Panel } from '../panel/index.js';\nexport const session = 1;\nexport type P = Panel;\n"
  });
  assert.equal(status, 1);
  assert.match(
    stderr,
    /lab folder cycle: panel → session → panel \(\S*lab\/panel\/index\.ts:1 imports lab\/session; \S*lab\/session\/index\.ts:1 imports lab\/panel\)/
  );
});

test('start-up never reaches a lazy.ts: only import() and type-only imports may name one', () => {
  const files = {
    'lab/index.ts':
      "import { open } from './open/index.js';\nimport type { Panel } from './panel/lazy.js';\nimport { type PlayerPanel } from './panel/lazy.js';\nexport { open, type Panel, type PlayerPanel };\n",
    'lab/open/index.ts': "export { open } from './opener.js';\n",
    'lab/open/opener.ts': "export const open = () => import('./lazy.js');\n",
    'lab/open/lazy.ts': "export { PlayerPanel } from '../panel/lazy.js';\n",
    'lab/panel/lazy.ts': 'export class PlayerPanel {}\nexport type Panel = PlayerPanel;\n'
  };
  assert.equal(checkTree(files).status, 0, checkTree(files).stderr);
  const { status, stderr } = checkTree({
    ...files,
    'lab/open/opener.ts': "\nimport { PlayerPanel } from '../panel/lazy.js';\nexport const open = () => new PlayerPanel();\n"
  });
  assert.equal(status, 1);
  assert.match(
    stderr,
    /lab\/open\/opener\.ts:2: src\/lab\/index\.ts loads \S*lab\/panel\/lazy\.ts at start-up \(by \S*lab\/index\.ts:1 → \S*lab\/open\/index\.ts:1 → here\); reach a lazy\.ts only with import\(\)/
  );
  assert.doesNotMatch(stderr, /loads \S*open\/lazy\.ts/);
});

test('tokens.ts and command-ids.ts import nothing of ours, and are all a folder may import from the root', () => {
  const { status, stderr } = checkTree({
    'lab/index.ts': 'export const plugins = [];\n',
    'lab/announce/index.ts': 'export class Announcer {}\n',
    'lab/tokens.ts': "import type { Announcer } from './announce/index.js';\nexport type INotecastAnnouncer = Announcer;\n",
    'lab/command-ids.ts': "export const CommandIDs = {};\n\nimport { plugins } from './index.js';\nexport { plugins };\n",
    'lab/ui/icon.ts': "import { plugins } from '../index.js';\nimport { CommandIDs } from '../command-ids.js';\nexport { plugins, CommandIDs };\n"
  });
  assert.equal(status, 1);
  assert.match(stderr, /lab\/tokens\.ts:1: src\/lab\/tokens\.ts imports nothing of ours/);
  assert.match(stderr, /lab\/command-ids\.ts:3: src\/lab\/command-ids\.ts imports nothing of ours/);
  assert.match(stderr, /lab\/ui\/icon\.ts:1: a lab folder imports only tokens\.ts and command-ids\.ts from the root of src\/lab, not \.\.\/index\.js/);
  assert.doesNotMatch(stderr, /icon\.ts:2/);
});

test("LAB_FOLDERS names every folder of src/lab, and the architecture page's table shows each with its imports", async () => {
  const { LAB_FOLDERS } = (await import(pathToFileURL(fromRoot('scripts', 'layers.mjs')).href)) as { LAB_FOLDERS: { name: string; imports: string[] }[] };
  const { layersMarkdown } = (await import(pathToFileURL(fromRoot('scripts', 'docs-layers.mjs')).href)) as { layersMarkdown: () => string };
  const folders = readdirSync(fromRoot('src', 'lab')).filter(name => statSync(fromRoot('src', 'lab', name)).isDirectory());
  assert.deepEqual(LAB_FOLDERS.map(folder => folder.name).sort(), folders.sort());
  const table = layersMarkdown().split('\n');
  for (const { name, imports } of LAB_FOLDERS) {
    const row = table.find(line => line.startsWith(`| \`src/lab/${name}\` |`));
    assert.ok(row, `no row for src/lab/${name}`);
    for (const other of imports) {
      assert.ok(row.endsWith(`|`) && row.split('|').at(-2)!.includes(`\`${other}\``), `src/lab/${name}'s row lacks ${other}`);
    }
  }
});
