import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile } from '../../../src/compiler/index.js';
import { stringifyScript } from '../../../src/format/index.js';
import { fromRoot } from '../../helpers/paths.js';

test('a written script parses back to the same value, one operation per line', () => {
  const { script } = compile(readFileSync(fromRoot('tutorials', '02-functions-and-errors.md')));
  assert.ok(script);
  const text = stringifyScript(script);
  assert.deepEqual(JSON.parse(text), script);
  const operations = script.steps.reduce((n, step) => n + step.operations.length, 0);
  assert.equal(text.split('\n').filter(line => line.trimStart().startsWith('{"op":')).length, operations);
});
