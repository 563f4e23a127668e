import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPath, MAX_JSON_DEPTH, MAX_PROBLEMS, parseScriptJson, stringifyScript, validateScript, type Script } from '../../../src/format/index.js';
import { oneCellScript } from '../../helpers/scripts.js';

function script(): Script {
  return oneCellScript([{ op: 'insert-cell', at: 0, cell: 'a', index: 0 }]);
}

/** 1-based line and column of the first occurrence of `needle` at or after `from`. */
function positionOf(text: string, needle: string, from = 0): { line: number; column: number } {
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, `${needle} is in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

test('100,000-deep arrays and objects are refused as too deep, at the bracket past the limit, without overflowing the stack', () => {
  for (const [open, close] of [
    ['[', ']'],
    ['{"a":', '}']
  ]) {
    const text = `{"version": 1, "title": ${open.repeat(100_000)}1${close.repeat(100_000)}}`;
    const { problems, script: valid } = parseScriptJson(text);
    assert.equal(valid, undefined);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].rule, 'too-deep');
    assert.match(problems[0].message, new RegExp(`deeper than ${MAX_JSON_DEPTH}`));
    // The script object is level 1, so the bracket that breaks the limit is the 64th opened inside it.
    assert.deepEqual({ line: problems[0].line, column: problems[0].column }, { line: 1, column: 25 + open.length * (MAX_JSON_DEPTH - 1) });
  }
});

test('an unclosed deep nesting is reported as too deep, not as a crash', () => {
  const { problems } = parseScriptJson('['.repeat(200_000));
  assert.equal(problems[0].rule, 'too-deep');
});

test('a deep value handed to validateScript is refused with its path, and so is one that contains itself', () => {
  let deep: unknown = 1;
  for (let i = 0; i < 100_000; i++) deep = [deep];
  const { problems } = validateScript({ ...script(), title: deep });
  assert.equal(problems[0].rule, 'too-deep');
  assert.deepEqual(problems[0].path.slice(0, 2), ['title', 0]);
  const cyclic = script() as unknown as Record<string, unknown>;
  cyclic.self = cyclic;
  assert.equal(validateScript(cyclic).problems[0].rule, 'too-deep');
});

test('a duplicate key is refused at its second occurrence, naming the key', () => {
  const text = '{\n  "version": 1,\n  "title": "T",\n  "title": "U"\n}';
  const { problems } = parseScriptJson(text);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].rule, 'duplicate-key');
  assert.match(problems[0].message, /"title"/);
  assert.deepEqual({ line: problems[0].line, column: problems[0].column }, { line: 4, column: 3 });
});

test('duplicate keys are found however they are spelled, and only within one object', () => {
  const text = JSON.stringify(script()).replace('"kernel":"python3"', '"kernel":"python3","k\\u0065rnel":"python3"');
  assert.equal(parseScriptJson(text).problems[0]?.rule, 'duplicate-key');
  // The same key in two sibling objects is fine.
  const twoCells = script();
  twoCells.cells.b = { name: 'b', type: 'code' };
  assert.deepEqual(parseScriptJson(JSON.stringify(twoCells)).problems, []);
});

test('JSON syntax errors are positioned where the text goes wrong, with what was expected', () => {
  const cases: Array<[string, number, number, RegExp]> = [
    ['{"version": 1,}', 1, 15, /expected a property name/],
    ['{"version": 01}', 1, 14, /number/],
    ['{"title": "a\nb"}', 1, 13, /line break in a string/],
    ['{"title": "a\u0007b"}', 1, 13, /control character U\+0007/],
    ['{"title": "\\q"}', 1, 12, /escape "\\q"/],
    ['{"title": "abc', 1, 11, /end of file in a string/],
    ['{"version": 1} x', 1, 16, /end of the file after the JSON value/],
    ['{"version" 1}', 1, 12, /expected ":"/],
    ['[1, 2', 1, 6, /Unexpected end of file, expected "," or "\]"/],
    ['', 1, 1, /Unexpected end of file, expected a value/],
    ['\r\n\r\n  nope', 3, 3, /Unexpected character "n", expected a value/]
  ];
  for (const [text, line, column, message] of cases) {
    const [problem] = parseScriptJson(text).problems;
    assert.equal(problem.rule, 'invalid-json', text);
    assert.match(problem.message, /^invalid JSON: /, text);
    assert.match(problem.message, message, text);
    assert.deepEqual({ line: problem.line, column: problem.column }, { line, column }, text);
  }
});

test('a byte-order mark before the JSON is accepted', () => {
  assert.deepEqual(parseScriptJson(`\ufeff${JSON.stringify(script())}`).problems, []);
  assert.deepEqual(parseScriptJson(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(JSON.stringify(script()))])).problems, []);
});

test('tens of thousands of problems: the first MAX_PROBLEMS are listed, each positioned at its own line in one pass, and a last one says there are more', () => {
  const big = script();
  const operations = big.steps[0].operations as unknown as Array<Record<string, unknown>>;
  for (let i = 0; i < 40_000; i++) operations.push({ op: 'run', at: 0, cell: 'a', colour: `red${i}` });
  const text = stringifyScript(big);
  const { problems } = parseScriptJson(text);
  assert.equal(problems.length, MAX_PROBLEMS + 1);
  assert.match(problems[MAX_PROBLEMS].message, /more problems than the 1000 listed/);
  const lines = text.split('\n');
  for (const index of [0, 1, 500, MAX_PROBLEMS - 1]) {
    const problem = problems[index];
    assert.equal(formatPath(problem.path), `steps[0].operations[${index + 1}].colour`);
    // Each operation is on a line of its own, after the insert-cell's line.
    const line = lines.indexOf(`        ${JSON.stringify(operations[index + 1])},`) + 1;
    assert.equal(problem.line, line);
    assert.equal(problem.column, positionOf(lines[line - 1], '"colour"').column);
  }
});

test('a far-away problem in a big file is positioned exactly', () => {
  const big = script();
  const operations = big.steps[0].operations as unknown as Array<Record<string, unknown>>;
  for (let i = 0; i < 100_000; i++) operations.push({ op: 'wait', at: 0, duration: 1 });
  operations.push({ op: 'wait', at: 0, duration: -1 });
  const text = stringifyScript(big);
  const [problem] = parseScriptJson(text).problems;
  assert.equal(formatPath(problem.path), 'steps[0].operations[100001].duration');
  assert.deepEqual({ line: problem.line, column: problem.column }, positionOf(text, '"duration":-1'));
});
