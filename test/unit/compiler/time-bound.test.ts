import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../../../src/compiler/index.js';
import { MAX_TIME_MS, scriptSchema, validateScript } from '../../../src/format/index.js';

/**
 * The compiler applies the script's bound on time (`MAX_TIME_MS`, what the
 * validator accepts): a tutorial that compiles always validates, and one past
 * the bound is refused at the action that crosses it.
 */
const HEAD = '---\ntitle: Long\n---\n\n# One\n\nIntro.\n\n';

function errors(markdown: string) {
  const { script, file } = compile(markdown, { path: 'long.md' });
  return { script, errors: file.messages.filter(m => m.fatal).map(m => ({ ruleId: m.ruleId, line: m.line, column: m.column, reason: m.reason })) };
}

test("the schema's bound on every time is MAX_TIME_MS, the bound the compiler applies", () => {
  assert.equal((scriptSchema as { definitions: { ms: { maximum: number } } }).definitions.ms.maximum, MAX_TIME_MS);
});

test('a step of 144 ten-minute waits compiles and validates; the 145th is an error where it stands', () => {
  const waits = (count: number) => Array.from({ length: count }, () => '::wait{s=600}\n').join('\n');
  const fits = errors(HEAD + waits(144));
  assert.deepEqual(fits.errors, []);
  assert.deepEqual(validateScript(fits.script!).problems, []);
  const over = errors(HEAD + waits(145));
  assert.equal(over.script, undefined);
  // One error, at the wait that starts past 24 hours (line 9 is the first wait, one every two lines).
  assert.deepEqual(
    over.errors.map(({ ruleId, line, column }) => ({ ruleId, line, column })),
    [{ ruleId: 'too-long-step', line: 9 + 2 * 144, column: 1 }]
  );
  assert.match(over.errors[0].reason, /24 h 0 min [\d.]+ s into step 1 \("One"\).*at most 24 hours.*start a new step/);
  // Indented, the directive's own column.
  const indented = errors(HEAD + waits(144) + '\n   ::wait{s=1}\n');
  assert.deepEqual(
    indented.errors.map(({ line, column }) => ({ line, column })),
    [{ line: 9 + 2 * 144, column: 4 }]
  );
  // The next step starts again from zero.
  assert.deepEqual(errors(`${HEAD}${waits(144)}\n# Two\n\n${waits(144)}`).errors, []);
});

test('one action longer than 24 hours is an error at its directive', () => {
  const body = 'abcdefghij\n'.repeat(9000);
  const typed = errors(`${HEAD}:::type{cell=a speed=1}\n\`\`\`\n${body}\`\`\`\n:::\n`);
  assert.deepEqual(
    typed.errors.map(({ ruleId, line, column }) => ({ ruleId, line, column })),
    [{ ruleId: 'too-long-step', line: 9, column: 1 }]
  );
  assert.match(typed.errors[0].reason, /typing lasting 27 h 29 min 59 s.*`instant`/);
  assert.deepEqual(errors(`${HEAD}:::type{cell=a speed=1 instant}\n\`\`\`\n${body}\`\`\`\n:::\n`).errors.length, 1, 'speed with instant');
  assert.deepEqual(errors(`${HEAD}:::type{cell=a instant}\n\`\`\`\n${body}\`\`\`\n:::\n`).errors, []);
});

test("a step's opening narration longer than 24 hours is an error at its heading", () => {
  const words = 'word '.repeat(24 * 60 + 10).trim();
  const paragraphs = Array.from({ length: 60 }, () => words).join('\n\n');
  const { errors: found } = errors(`---\ntitle: Long\npace: 60\n---\n\n## One\n\n${paragraphs}\n\n::wait{s=1}\n`);
  assert.deepEqual(
    found.map(({ ruleId, line, column }) => ({ ruleId, line, column })),
    [{ ruleId: 'too-long-step', line: 6, column: 1 }]
  );
  assert.match(found[0].reason, /opening narration of step 1 lasting 24 h 10 min/);
});
