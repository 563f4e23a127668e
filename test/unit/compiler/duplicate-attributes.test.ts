import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../../../src/compiler/index.js';

/**
 * The Markdown parser keeps only the last of an attribute written twice, so
 * `:::type{cell=a cell=b}` would silently type into `b`: it is an error at
 * the second, and the directive is not compiled.
 */
const HEAD = '---\ntitle: Twice\n---\n\n# One\n\n';

function messages(body: string) {
  const { script, file } = compile(HEAD + body, { path: 'twice.md' });
  return { script, messages: file.messages.map(m => ({ ruleId: m.ruleId, line: m.line, column: m.column, reason: m.reason })) };
}

test('an attribute written twice is an error at the second, quoting both', () => {
  const { script, messages: found } = messages(':::type{cell=a cell=b}\n```\nx\n```\n:::\n');
  assert.equal(script, undefined);
  assert.deepEqual(
    found.map(({ ruleId, line, column }) => ({ ruleId, line, column })),
    [{ ruleId: 'duplicate-attribute', line: 7, column: 16 }]
  );
  assert.match(found[0].reason, /`cell` written twice on `:::type` \(`cell=a`, then `cell=b`\)/);
});

test('find= twice, a flag twice, and the same value twice are errors too; a third is not reported again', () => {
  const cases: Array<[string, number]> = [
    [':::type{cell=a}\n```\nx\n```\n:::\n\n:::replace{cell=a find="x" find=\'x\'}\n```\ny\n```\n:::\n', 28],
    [':::type{cell=a instant instant}\n```\nx\n```\n:::\n', 24],
    [':::type{cell=a cell=a cell=a}\n```\nx\n```\n:::\n', 16]
  ];
  for (const [body, column] of cases) {
    const { script, messages: found } = messages(body);
    assert.equal(script, undefined, body);
    const duplicates = found.filter(m => m.ruleId === 'duplicate-attribute');
    assert.deepEqual(
      duplicates.map(m => m.column),
      [column],
      body
    );
    assert.deepEqual(
      found.filter(m => m.ruleId !== 'duplicate-attribute'),
      [],
      `${body}: only the duplicate is reported`
    );
  }
});

test('attributes written once each still compile', () => {
  const { script, messages: found } = messages(':::type{cell=a speed=20 summary="cell=a twice"}\n```\nx\n```\n:::\n');
  assert.deepEqual(found, []);
  assert.ok(script);
});
