import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cellInfo,
  INPUT_LIMITS,
  formatPath,
  MAX_TIME_MS,
  NotebookState,
  parseScriptJson,
  stringifyScript,
  validateScript,
  type Script
} from '../../../src/format/index.js';
import { oneCellScript } from '../../helpers/scripts.js';

function script(): Script {
  return oneCellScript([
    { op: 'insert-cell', at: 0, cell: 'a', index: 0 },
    { op: 'type', at: 10, cell: 'a', offset: 0, text: 'x = 1', duration: 100 },
    { op: 'run', at: 200, cell: 'a' }
  ]);
}

test('a well-formed script validates and is returned', () => {
  const result = validateScript(script());
  assert.deepEqual(result.problems, []);
  assert.equal(result.script?.title, 'T');
});

test('schema problems carry the exact path', () => {
  const bad = script() as unknown as { steps: Array<{ operations: Array<Record<string, unknown>> }> };
  bad.steps[0].operations[1].offset = -1;
  bad.steps[0].operations[2].colour = 'red';
  const { problems, script: valid } = validateScript(bad);
  assert.equal(valid, undefined);
  assert.deepEqual(
    problems.map(p => formatPath(p.path)),
    ['steps[0].operations[1].offset', 'steps[0].operations[2].colour']
  );
});

test('an unknown operation kind names the allowed ones', () => {
  const bad = script() as unknown as { steps: Array<{ operations: Array<Record<string, unknown>> }> };
  bad.steps[0].operations[0].op = 'explode';
  const { problems } = validateScript(bad);
  assert.equal(formatPath(problems[0].path), 'steps[0].operations[0].op');
  assert.match(problems[0].message, /"insert-cell", "type"/);
});

test('replaying finds edits on cells that do not exist and offsets out of range', () => {
  const bad = script();
  bad.steps[0].operations[1] = { op: 'type', at: 10, cell: 'a', offset: 9, text: 'x', duration: 1 };
  bad.steps[0].operations.push({ op: 'delete-cell', at: 300, cell: 'zzz' });
  const { problems } = validateScript(bad);
  assert.deepEqual(
    problems.map(p => [formatPath(p.path), p.message]),
    [
      ['steps[0].operations[1].cell', 'offset 9 is past the end of cell "a" (length 0)'],
      ['steps[0].operations[3].cell', 'cell "zzz" does not exist at this point']
    ]
  );
});

test('operations out of time order are rejected', () => {
  const bad = script();
  bad.steps[0].operations[2].at = 5;
  assert.match(validateScript(bad).problems[0].message, /before the operation before it/);
});

test('a newer format version says to upgrade', () => {
  const { problems } = validateScript({ ...script(), version: 7 });
  assert.match(problems[0].message, /newer than this Notecast understands \(1\); upgrade/);
  // A version that is no version number is a schema problem, not a newer format.
  assert.deepEqual(
    parseScriptJson(JSON.stringify(script()).replace('"version":1', '"version":1e400')).problems.map(p => p.message),
    ['must be 1']
  );
});

test('JSON problems are positioned at the offending property', () => {
  const text = JSON.stringify({ ...script(), title: 42 }, null, 2);
  const { problems } = parseScriptJson(text);
  const line = text.split('\n').findIndex(l => l.includes('"title"')) + 1;
  assert.equal(problems[0].line, line);
  assert.equal(problems[0].column, 3);
  assert.match(problems[0].message, /must be string/);
});

test('JSON syntax errors are positioned', () => {
  const { problems } = parseScriptJson('{\n  "version": 1,\n  "title": oops\n}');
  assert.equal(problems[0].line, 3);
  assert.equal(problems[0].column, 12);
  assert.match(problems[0].message, /^invalid JSON: /);
});

test('a script of 30,000 cells, each added at the top and then edited, validates in time linear in its cells', () => {
  // Every lookup used to scan the notebook from its end: this took many seconds, growing with the square of the cells.
  const big: Script = { version: 1, title: 'T', kernel: 'python3', cells: {}, steps: [] };
  const operations: Script['steps'][number]['operations'] = [];
  for (let i = 0; i < 30_000; i++) {
    big.cells[`c${i}`] = { name: `c${i}`, type: 'code' };
    operations.push(
      { op: 'insert-cell', at: 0, cell: `c${i}`, index: 0 },
      { op: 'type', at: 0, cell: `c${i}`, offset: 0, text: 'x', duration: 0 },
      { op: 'run', at: 0, cell: `c${i}` }
    );
  }
  operations.push(
    { op: 'delete-text', at: 0, cell: 'c0', offset: 0, length: 1 },
    { op: 'delete-cell', at: 0, cell: 'c5' },
    { op: 'run', at: 0, cell: 'c5' }
  );
  big.steps.push({ title: 'S', narration: '', narrationMs: 0, operations });
  assert.deepEqual(
    validateScript(big).problems.map(p => [formatPath(p.path), p.message]),
    [['steps[0].operations[90002].cell', 'cell "c5" does not exist at this point']]
  );
});

test('cells named like Object.prototype members are cells only when declared', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    const bad = script();
    bad.steps[0].operations = [
      { op: 'insert-cell', at: 0, cell: name, index: 0 },
      { op: 'run', at: 1, cell: name }
    ];
    const { problems } = validateScript(bad);
    assert.deepEqual(
      problems.map(p => p.message),
      [`cell "${name}" is not declared in "cells"`, `cell "${name}" does not exist at this point`],
      name
    );
    // Declared (JSON.parse makes even "__proto__" an own key), it is an ordinary cell, and survives a round trip.
    const text = JSON.stringify(bad).replace('"cells":{', `"cells":{"${name}":{"name":"${name}","type":"markdown"},`);
    const parsed = parseScriptJson(text);
    assert.deepEqual(parsed.problems, [], name);
    const again = parseScriptJson(stringifyScript(parsed.script!));
    assert.deepEqual(again.problems, [], name);
    assert.ok(Object.hasOwn(again.script!.cells, name), name);
    assert.equal(again.script!.cells[name].type, 'markdown', name);
  }
});

test('offsets and lengths that split a surrogate pair are refused, so no U+FFFD can reach the notebook', () => {
  const withEmoji = (operation: Script['steps'][number]['operations'][number]) => {
    const s = script();
    s.steps[0].operations = [
      { op: 'insert-cell', at: 0, cell: 'a', index: 0 },
      { op: 'type', at: 0, cell: 'a', offset: 0, text: 'a🎉b', duration: 0 },
      operation
    ];
    return validateScript(s).problems.map(p => p.message);
  };
  assert.match(withEmoji({ op: 'type', at: 0, cell: 'a', offset: 2, text: 'x', duration: 0 }).join(), /offset 2 of cell "a" is inside a character/);
  assert.match(withEmoji({ op: 'delete-text', at: 0, cell: 'a', offset: 2, length: 2 }).join(), /starts inside a character/);
  assert.match(withEmoji({ op: 'delete-text', at: 0, cell: 'a', offset: 0, length: 2 }).join(), /ends inside a character/);
  assert.match(withEmoji({ op: 'type', at: 0, cell: 'a', offset: 0, text: 'x\ud83c', duration: 0 }).join(), /holds half of a surrogate pair/);
  // Between characters, all is well.
  assert.deepEqual(withEmoji({ op: 'delete-text', at: 0, cell: 'a', offset: 1, length: 2 }), []);
  assert.deepEqual(withEmoji({ op: 'type', at: 0, cell: 'a', offset: 3, text: '🎉', duration: 0 }), []);
});

test('times and counts are bounded: a 1e400 or a year is refused by the schema, a script of many long steps is not', () => {
  for (const [field, value] of [
    // eslint-disable-next-line no-loss-of-precision -- 1e400 is Infinity on purpose: the schema must refuse it
    ['at', 1e400],
    ['at', MAX_TIME_MS + 1],
    ['duration', 2 ** 53],
    ['offset', 1e12],
    ['index', 1e9]
  ] as const) {
    const bad = script() as unknown as { steps: Array<{ operations: Array<Record<string, unknown>> }> };
    const operation = field === 'index' ? bad.steps[0].operations[0] : bad.steps[0].operations[1];
    operation[field] = value;
    const { problems } = validateScript(bad);
    assert.ok(
      problems.some(p => p.path.at(-1) === field && /must be at most/.test(p.message)),
      `${field}=${value}: ${JSON.stringify(problems)}`
    );
  }
  const long = script();
  long.steps = Array.from({ length: 8 }, (_, i) => ({ title: `S${i}`, narration: '', narrationMs: MAX_TIME_MS, operations: [] }));
  assert.deepEqual(validateScript(long).problems, []);
});

test('messages quote keys, cell names and paths safely: on one line, control characters escaped, bounded', () => {
  const escape = '\u001b[2K\u001b[1Gchecked 1 file: 0 errors';
  const bad = script() as unknown as Record<string, unknown>;
  bad[escape + 'x'.repeat(10_000)] = 1;
  const [extra] = validateScript(bad).problems;
  const shown = `${formatPath(extra.path)} ${extra.message}`;
  // eslint-disable-next-line no-control-regex -- the escape character is what must not be printed
  assert.doesNotMatch(shown, /\u001b/);
  assert.ok(shown.length < 200, shown);
  const named = script();
  named.steps[0].operations.push({ op: 'run', at: 300, cell: `${escape}\n${'y'.repeat(10_000)}` });
  for (const problem of validateScript(named).problems) {
    // eslint-disable-next-line no-control-regex -- no control character at all may be printed
    assert.doesNotMatch(`${formatPath(problem.path)} ${problem.message}`, /[\u0000-\u001f]/);
    assert.ok(problem.message.length < 300, problem.message);
  }
  // The replay names a bad cell safely too (it passes the schema only through NotebookState directly).
  const state = new NotebookState();
  const message = state.apply({ op: 'delete-cell', at: 0, cell: escape }, { cells: {} })!;
  // eslint-disable-next-line no-control-regex -- the escape character is what must not be printed
  assert.doesNotMatch(message, /\u001b/);
});

test('a key that looks like a number is named as a key in paths, and odd keys are quoted', () => {
  const bad = script() as unknown as { cells: Record<string, unknown> };
  bad.cells['7'] = { name: 'seven', type: 'code', colour: 1 };
  bad.cells['a b'] = { name: 'ab', type: 'code' };
  const paths = validateScript(bad).problems.map(p => formatPath(p.path));
  assert.ok(paths.includes('cells.7.colour') || paths.includes('cells."7".colour'), paths.join());
  assert.ok(paths.includes('cells."a b"'), paths.join());
  const run = script();
  run.steps[0].operations.push({ op: 'run', at: 300, cell: 'a b' });
  assert.match(validateScript(run).problems.find(p => formatPath(p.path) === 'steps[0].operations[3].cell')!.message, /is not a valid cell id/);
});

test('script bytes must be UTF-8: a bad byte is refused at its line and column', () => {
  const text = JSON.stringify(script(), null, 2);
  const bytes = new TextEncoder().encode(text.replace('"T"', '"Tü"'));
  const at = bytes.indexOf(0xc3);
  const broken = bytes.slice();
  broken[at + 1] = 0x28;
  const { problems } = parseScriptJson(broken);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].rule, 'not-utf8');
  assert.match(problems[0].message, /Unexpected byte 0xc3, expected UTF-8 text/);
  const line = text.split('\n').findIndex(l => l.includes('"title"'));
  assert.deepEqual({ line: problems[0].line, column: problems[0].column }, { line: line + 1, column: text.split('\n')[line].indexOf('T"') + 2 });
  // Valid bytes read like the text.
  assert.deepEqual(parseScriptJson(bytes).problems, []);
  assert.equal(parseScriptJson(bytes).script?.title, 'Tü');
});

test('cellInfo finds declared cells only, never Object.prototype members', () => {
  const { cells } = script();
  assert.equal(cellInfo({ cells }, 'a')?.type, 'code');
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    assert.equal(cellInfo({ cells }, name), undefined, name);
  }
  const declared = JSON.parse('{"__proto__": {"name": "p", "type": "raw"}}') as Script['cells'];
  assert.equal(cellInfo({ cells: declared }, '__proto__')?.type, 'raw');
});

test('a script past the JSON size limit is refused at 1:1 before it is read, as bytes or as text', () => {
  const big = new Uint8Array(INPUT_LIMITS.json + 1).fill(0x20);
  const [problem] = parseScriptJson(big).problems;
  assert.equal(problem.rule, 'too-large');
  assert.equal(`${problem.line}:${problem.column}`, '1:1');
  assert.match(problem.message, /expected at most 50 MiB for a \.json script/);
  assert.equal(parseScriptJson(' '.repeat(INPUT_LIMITS.json + 1)).problems[0].rule, 'too-large');
});
