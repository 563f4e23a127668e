import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPath, parseScriptJson, validateScript, type Script } from '../../../src/format/index.js';

function script(): Script {
  return {
    version: 1,
    title: 'T',
    kernel: 'python3',
    cells: { a: { name: 'a', type: 'code' } },
    steps: [
      {
        title: 'S',
        narration: '',
        narrationMs: 0,
        operations: [
          { op: 'insert-cell', at: 0, cell: 'a', index: 0 },
          { op: 'type', at: 10, cell: 'a', offset: 0, text: 'x = 1', duration: 100 },
          { op: 'run', at: 200, cell: 'a' }
        ]
      }
    ]
  };
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
