import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { playToNotebook } from '../../src/apply/index.js';
import { compile } from '../../src/compiler/index.js';
import { stringifyScript } from '../../src/format/index.js';
import { fromRoot, UPDATE_FIXTURES } from '../helpers/paths.js';

const names = readdirSync(fromRoot('tutorials'))
  .filter(name => name.endsWith('.md'))
  .sort();

test('there are at least three tutorials', () => {
  assert.ok(names.length >= 3, names.join(', '));
});

for (const name of names) {
  const source = readFileSync(fromRoot('tutorials', name));

  test(`${name} compiles with no errors and no warnings`, () => {
    const { script, file } = compile(source, { path: name });
    assert.deepEqual(file.messages.map(String), []);
    assert.ok(script);
  });

  test(`${name}: the script is at most 3× the Markdown in bytes`, () => {
    const { script } = compile(source);
    assert.ok(script);
    const ratio = Buffer.byteLength(stringifyScript(script)) / source.length;
    assert.ok(ratio <= 3, `ratio ${ratio.toFixed(2)}`);
  });

  test(`${name}: the headless notebook equals the expected one`, () => {
    const { script } = compile(source);
    assert.ok(script);
    const actual = `${JSON.stringify(playToNotebook(script), null, 1)}\n`;
    const expectedPath = fromRoot('test', 'fixtures', 'notebooks', name.replace(/\.md$/, '.ipynb'));
    if (UPDATE_FIXTURES || !existsSync(expectedPath)) {
      assert.ok(UPDATE_FIXTURES, `missing ${expectedPath}: run with UPDATE_FIXTURES=1 and review it`);
      writeFileSync(expectedPath, actual);
    }
    assert.equal(actual, readFileSync(expectedPath, 'utf8'));
  });
}

test('the tutorials together use every directive', () => {
  const used = new Set<string>();
  for (const name of names) {
    const text = readFileSync(fromRoot('tutorials', name), 'utf8');
    for (const match of text.matchAll(/^:{2,}([a-z]+)(\{[^}]*\})?/gm)) {
      used.add(`${match[0].startsWith(':::') ? ':::' : '::'}${match[1]}`);
      for (const attribute of (match[2] ?? '').matchAll(/(\w+)=/g)) {
        used.add(`${match[1]}.${attribute[1]}`);
      }
    }
  }
  for (const form of [':::type', ':::replace', '::delete', '::run', ':::run', ':::pause', '::pause', ':::say', '::wait', '::cell', '::point']) {
    assert.ok(used.has(form), `no tutorial uses ${form}`);
  }
  for (const attribute of [
    'type.cell',
    'type.type',
    'type.after',
    'type.before',
    'type.at',
    'type.summary',
    'type.speed',
    'replace.find',
    'run.cell',
    'wait.s',
    'cell.placeholder',
    'pause.cell',
    'point.command'
  ]) {
    assert.ok(used.has(attribute), `no tutorial uses ${attribute}`);
  }
});
