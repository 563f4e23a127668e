import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../../../src/compiler/index.js';
import { stringifyScript, validateScript, type Script } from '../../../src/format/index.js';

/**
 * Inputs written to hurt: each must be answered with a positioned message
 * (or a script), quickly, and never with an internal error.
 */
const HEAD = '---\ntitle: Hostile\n---\n\n# One\n\n';

function messagesOf(markdown: string) {
  const result = compile(markdown, { path: 'hostile.md' });
  for (const message of result.file.messages) {
    assert.notEqual(message.ruleId, 'internal-error', message.reason);
  }
  return result;
}

test('cells named like Object members survive a JSON round trip and validate', () => {
  const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
  const body = names.map(name => `:::type{cell=${name} type=markdown}\n\`\`\`markdown\n${name}\n\`\`\`\n:::\n`).join('\n');
  const { script, file } = messagesOf(HEAD + body);
  assert.ok(script, file.messages.map(m => m.reason).join('\n'));
  const parsed = JSON.parse(stringifyScript(script)) as Script;
  assert.deepEqual(Object.keys(parsed.cells), names);
  for (const name of names) {
    assert.equal((Object.getOwnPropertyDescriptor(parsed.cells, name)?.value as Script['cells'][string] | undefined)?.type, 'markdown');
  }
  assert.deepEqual(validateScript(parsed).problems, []);
});

test('an attribute named like an Object member is an unknown attribute', () => {
  for (const key of ['constructor', 'toString', 'hasOwnProperty']) {
    const { script, file } = messagesOf(`${HEAD}::run{${key}=x}\n`);
    assert.equal(script, undefined);
    assert.deepEqual(
      file.messages.map(m => m.ruleId),
      ['unknown-attribute'],
      key
    );
  }
});

const DEEP: Array<[string, string, string]> = [
  ['2,000 nested quotes', '>'.repeat(2000) + ' deep\n', 'too-deep'],
  ['2,000 nested quotes with spaces', '> '.repeat(2000) + 'deep\n', 'too-deep'],
  ['2,000 list markers on one line', '- '.repeat(2000) + 'deep\n', 'too-deep'],
  ['300-deep indented list', Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n') + '\n', 'too-deep'],
  ['4,000 nested containers', '::::say\n'.repeat(4000) + 'deep\n', 'too-deep'],
  ['4,000 nested containers, longest first', Array.from({ length: 4000 }, (_, i) => `${':'.repeat(4003 - i)}say`).join('\n') + '\ndeep\n', 'too-deep'],
  ['5,000 nested emphasis', '*a '.repeat(5000) + 'x' + ' b*'.repeat(5000) + '\n', 'too-many-marks'],
  ['a run of 20,000 stars around a word', '*'.repeat(20000) + 'x' + '*'.repeat(20000) + '\n', 'too-many-marks'],
  ['5,000 nested images', '![a '.repeat(5000) + 'x' + '](u)'.repeat(5000) + '\n', 'too-many-marks'],
  ['a paragraph of 300 K characters', 'A line of prose with a < in it.\n'.repeat(10_000), 'too-long-paragraph']
];

for (const [what, body, ruleId] of DEEP) {
  test(`${what}: a positioned \`${ruleId}\` error, before the parser takes its time`, () => {
    const { script, file } = messagesOf(HEAD + body);
    assert.equal(script, undefined);
    assert.equal(file.messages.length, 1);
    const [message] = file.messages;
    assert.equal(message.ruleId, ruleId);
    assert.ok(message.line! >= 7, `line ${message.line}`);
    assert.ok(message.column! >= 1);
  });
}

test('nesting a real tutorial uses is far from the limit, also in deeply indented fenced code', () => {
  const code = Array.from({ length: 60 }, (_, i) => `${'    '.repeat(i)}if x${i}:`).join('\n');
  const list = Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1} with *emphasis* and [a link](u)`).join('\n');
  const { script, file } = messagesOf(`${HEAD}${list}\n\n> quoted\n> > twice\n\n:::type{cell=a}\n\`\`\`python\n${code}\n\`\`\`\n:::\n`);
  assert.ok(script, file.messages.map(m => `${m.line}:${m.column} ${m.reason}`).join('\n'));
});

test('20,000 front-matter keys are each warned about, in one pass', () => {
  const keys = Array.from({ length: 20000 }, (_, i) => `key${i}: v`).join('\n');
  const { script, file } = messagesOf(`---\ntitle: T\n${keys}\n---\n\n# One\n\nHi.\n`);
  assert.ok(script);
  assert.equal(file.messages.length, 20000);
  assert.equal(file.messages[19999].line, 20002);
});

test('a duplicate front-matter key is reported at the second one', () => {
  const { script, file } = messagesOf('---\ntitle: A\nspeed: 20\ntitle: B\n---\n\n# One\n\nHi.\n');
  assert.equal(script, undefined);
  assert.deepEqual(
    file.messages.map(m => [m.line, m.ruleId]),
    [[4, 'invalid-front-matter']]
  );
});

test('front-matter text is kept as written; tagged values are warned about and read as written', () => {
  const { script, file } = messagesOf('---\ntitle: 1.50\nkernel: 007\ndescription: !!binary aGk=\nspeed: !!str 20\n---\n\n# One\n\nHi.\n');
  assert.ok(script, file.messages.map(m => m.reason).join('\n'));
  assert.equal(script.title, '1.50');
  assert.equal(script.kernel, '007');
  assert.equal(script.description, 'aGk=');
  assert.deepEqual(
    file.messages.map(m => [m.line, m.ruleId]),
    [
      [4, 'dropped-tag'],
      [5, 'dropped-tag']
    ]
  );
});

test('messages quote long or hostile names briefly and without raw control characters', () => {
  const name = `x${'\u001b[2J'.repeat(10000)}`;
  const { file } = messagesOf(`${HEAD}::${name}\n\n::run{cell=a ${'b'.repeat(100000)}=1}\n`);
  assert.ok(file.messages.length >= 1);
  for (const message of file.messages) {
    assert.ok(message.reason.length < 400, message.reason.slice(0, 100));
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(message.reason, /[\u0000-\u0008\u000b-\u001f\u007f]/);
  }
});

test('a line that looks like a directive inside fenced code is typed, not reported', () => {
  const { script, file } = messagesOf(`${HEAD}:::type{cell=a type=markdown}\n\`\`\`\`markdown\n::run {cell=a}\n:::\n\`\`\`\`\n:::\n`);
  assert.ok(script, file.messages.map(m => m.reason).join('\n'));
});

test('typing time of a long block counts every keystroke, in time that grows with its length', () => {
  // Grapheme segmentation of one 300 KB string takes many seconds; a chunk at a time it takes milliseconds.
  const code = `${':'.repeat(299_990)}é👍🏽\n${'x'.repeat(10)}`;
  const { script, file } = messagesOf(`${HEAD}:::type{cell=a speed=100}\n\`\`\`\n${code}\n\`\`\`\n:::\n`);
  assert.ok(script, file.messages.map(m => m.reason).join('\n'));
  const typed = script.steps[0].operations.find(operation => operation.op === 'type');
  assert.equal(typed?.op === 'type' ? typed.duration : undefined, Math.round(((299_990 + 2 + 1 + 10) / 100) * 1000));
});

test('a tutorial handed in as a string with half of a surrogate pair is refused where the half stands', () => {
  const result = messagesOf(`${HEAD}:::type{cell=a}\n\`\`\`python\nx = "\ud83c"\n\`\`\`\n:::\n`);
  assert.equal(result.script, undefined);
  const [message] = result.file.messages;
  assert.equal(message.ruleId, 'not-utf8');
  assert.equal(`${message.line}:${message.column}`, '9:6');
  assert.match(message.reason, /lone surrogate U\+D83C/);
});

test("a no-break space among a directive's attributes is a positioned error, not an endless scan", () => {
  const result = messagesOf(`${HEAD}text\n:::type{ce\u00a0 ll=a}\n`);
  const message = result.file.messages.find(m => m.ruleId === 'malformed-directive');
  assert.ok(message, JSON.stringify(result.file.messages.map(String)));
  assert.match(message.reason, /U\+00A0/);
  assert.equal(message.line, 8);
});
