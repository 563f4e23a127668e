/**
 * The reference pages that list what the code defines list all of it: every command id, every
 * setting, and every module of src/ in the layer rules the architecture page is generated from.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CommandIDs } from '../../../src/lab/command-ids.js';
import { fromRoot } from '../../helpers/paths.js';

const page = (path: string) => readFileSync(fromRoot('docs', ...path.split('/')), 'utf8');

test('the command ids page lists every command id, and no other', () => {
  const listed = [...page('reference/command-ids.md').matchAll(/^\| `(notecast:[a-z-]+)`/gm)].map(match => match[1]).sort();
  assert.deepEqual(listed, Object.values(CommandIDs).sort());
});

test('the settings page lists every setting of the schema', () => {
  const schema = JSON.parse(readFileSync(fromRoot('schema', 'plugin.json'), 'utf8')) as { properties: Record<string, unknown> };
  const listed = [...page('reference/settings-and-shortcuts.md').matchAll(/^\| `(\w+)` \|/gm)].map(match => match[1]).sort();
  assert.deepEqual(listed, Object.keys(schema.properties).sort());
});

test('the layer rules name every module of src/, and the generated table shows each with its imports', async () => {
  const { MODULES } = (await import(pathToFileURL(fromRoot('scripts', 'layers.mjs')).href)) as { MODULES: { name: string; imports: string[] }[] };
  const { layersMarkdown } = (await import(pathToFileURL(fromRoot('scripts', 'docs-layers.mjs')).href)) as { layersMarkdown: () => string };
  const folders = readdirSync(fromRoot('src')).filter(name => statSync(fromRoot('src', name)).isDirectory());
  assert.deepEqual(
    MODULES.map(module => module.name)
      .filter(name => name !== 'index.ts')
      .sort(),
    folders.sort()
  );
  const table = layersMarkdown();
  for (const { name, imports } of MODULES) {
    const row = table.split('\n').find(line => line.startsWith(`| \`src/${name}\` |`));
    assert.ok(row, `no row for ${name}`);
    for (const other of imports) {
      assert.ok(row.includes(`\`${other}\``), `${name}'s row lacks ${other}`);
    }
  }
  assert.match(page('explanation/architecture.md'), /```\{include\} \.\.\/_generated\/layers\.md/);
});
