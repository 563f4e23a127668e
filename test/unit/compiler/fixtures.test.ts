import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { formatDiagnostic, fromCompilerMessage } from '../../../src/cli/diagnostic.js';
import { compile } from '../../../src/compiler/index.js';
import { stringifyScript, validateScript } from '../../../src/format/index.js';
import { fromRoot, UPDATE_FIXTURES } from '../../helpers/paths.js';

/**
 * Each folder in test/fixtures/compiler holds `input.md` and what compiling
 * it must give: `output.json` (the script) and/or `messages.txt` (the
 * diagnostics, one per line). `UPDATE_FIXTURES=1` rewrites them; review the
 * diff before committing.
 */
const root = fromRoot('test', 'fixtures', 'compiler');

for (const name of readdirSync(root).sort()) {
  test(`compiler fixture: ${name}`, () => {
    const dir = `${root}/${name}`;
    const input = readFileSync(`${dir}/input.md`);
    const result = compile(input, { path: 'input.md' });
    const messages = result.file.messages.map(m => formatDiagnostic(fromCompilerMessage('input.md', m))).join('\n');
    const output = result.script ? stringifyScript(result.script) : undefined;
    if (result.script) {
      assert.deepEqual(validateScript(result.script).problems, [], 'the compiled script is valid');
    }
    assert.ok(!messages.includes('internal-error'), messages);
    if (UPDATE_FIXTURES) {
      write(`${dir}/messages.txt`, messages ? `${messages}\n` : undefined);
      write(`${dir}/output.json`, output);
      return;
    }
    assert.equal(messages ? `${messages}\n` : undefined, read(`${dir}/messages.txt`), 'messages');
    assert.equal(output, read(`${dir}/output.json`), 'script');
  });
}

function read(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function write(path: string, text: string | undefined): void {
  if (text === undefined) {
    rmSync(path, { force: true });
  } else {
    writeFileSync(path, text);
  }
}
