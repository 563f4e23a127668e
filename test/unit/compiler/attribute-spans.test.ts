import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributeSpans } from '../../../src/compiler/directive-syntax.js';

const spans = (line: string) => Object.fromEntries([...attributeSpans(line)].map(([key, span]) => [key, line.slice(span.start, span.end)]));

test('each attribute is found where it is written, value included', () => {
  assert.deepEqual(spans(':::type{cell=a  speed=fast summary="a } b"}'), { cell: 'cell=a', speed: 'speed=fast', summary: 'summary="a } b"' });
});

test('a label with braces is not taken for the attributes', () => {
  assert.deepEqual(spans(':::type[see {x}]{cell=b find=\'q "1"\'}'), { cell: 'cell=b', find: 'find=\'q "1"\'' });
});

test('bare words, `#id` and `.class` have places; a name written twice is at its last place', () => {
  const line = '::run{#x .y cell=a flag cell = b}';
  assert.deepEqual(spans(line), { id: '#x', class: '.y', cell: 'cell = b', flag: 'flag' });
});

test('a directive without attributes has none', () => {
  assert.deepEqual(spans('::run'), {});
  assert.deepEqual(spans(':::say[label]'), {});
});

test('a name written twice or more says where its first two are; classes, which the parser joins, do not', () => {
  const line = ':::type{cell=a speed=9 cell="b c" cell=d .x .y}';
  const found = attributeSpans(line);
  const repeated = found.get('cell')?.repeated;
  assert.deepEqual(repeated && [line.slice(repeated.first.start, repeated.first.end), line.slice(repeated.second.start, repeated.second.end)], [
    'cell=a',
    'cell="b c"'
  ]);
  assert.equal(found.get('speed')?.repeated, undefined);
  assert.equal(found.get('class')?.repeated, undefined);
});
