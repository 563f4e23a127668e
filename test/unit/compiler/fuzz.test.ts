import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile } from '../../../src/compiler/index.js';
import { validateScript } from '../../../src/format/index.js';
import { seededRandom } from '../../../src/format/keystrokes.js';
import { mutate, type Mutations } from '../../helpers/mutate.js';
import { fromRoot } from '../../helpers/paths.js';

/**
 * Thousands of mutated tutorials and random byte strings: the compiler must
 * never throw, must answer every problem with a positioned message, and
 * whatever it compiles must be a valid script. Reproduce a failure with
 * FUZZ_SEED=<seed printed below>.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

const corpus = [
  ...readdirSync(fromRoot('tutorials'))
    .filter(name => name.endsWith('.md'))
    .map(name => readFileSync(fromRoot('tutorials', name), 'utf8')),
  ...readdirSync(fromRoot('test', 'fixtures', 'compiler')).map(name => readFileSync(fromRoot('test', 'fixtures', 'compiler', name, 'input.md'), 'latin1'))
];

const FRAGMENTS = [
  ':::',
  '::',
  ':::type{cell=a}',
  '::run',
  '::run{cell=zz}',
  ':::replace{cell=a find="x"}',
  '::delete{cell=a}',
  ':::pause',
  '::wait{s=',
  '```',
  '````',
  '~~~',
  '---',
  '# ',
  '\n',
  '\t',
  '{',
  '}',
  '"',
  '=',
  '[',
  ']',
  ':',
  'é',
  '🎉',
  '\u0000',
  '\r\n',
  '> ',
  '- ',
  '    ',
  'after=a',
  'at=start',
  'type=raw',
  '::::say',
  '<b>',
  // Malformed directive lines.
  '\n::run {cell=a}\n',
  '\n::run{cell=a\n',
  '\n::run{cell=a} and more\n',
  '\n:::replace{cell=a find="a \\"b\\""}\n',
  '\n::: say\n',
  '\n::\n',
  '\n::-x\n',
  '\n::run[label\n',
  '\n::run{#id .class}\n',
  "\n::run{cell='a}\n",
  // Unclosed containers, names that are Object members, control characters.
  '\n:::say\n',
  '\n:::type{cell=a}\n',
  '\n::::pause\n',
  // Attributes written twice.
  '\n:::type{cell=a cell=b}\n',
  '\n::run{cell=a cell=a}\n',
  ' find="x" find=y',
  ' instant instant',
  'cell=__proto__',
  'cell=constructor',
  'cell=toString',
  '__proto__',
  'constructor',
  '\u001b[2J',
  '\u202e',
  '\u0007',
  '\ud800',
  '&quot;',
  '&#0;'
];

/** Generators of the shapes that blow up parsers: deep nesting, long lines, big repeats. */
const HOSTILE: Array<(random: () => number) => string> = [
  random => '>'.repeat(1 + Math.floor(random() * 100)) + ' deep\n',
  random => '- '.repeat(1 + Math.floor(random() * 100)) + 'deep\n',
  random => Array.from({ length: 1 + Math.floor(random() * 60) }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n'),
  random => ':::say\n'.repeat(1 + Math.floor(random() * 100)),
  random => Array.from({ length: 1 + Math.floor(random() * 60) }, (_, i) => ':'.repeat(63 - i) + 'say').join('\n'),
  random => '*a '.repeat(Math.floor(random() * 400)) + 'x' + ' b*'.repeat(Math.floor(random() * 400)),
  random => '['.repeat(Math.floor(random() * 400)) + 'x' + ']'.repeat(Math.floor(random() * 400)),
  random => '*'.repeat(Math.floor(random() * 1000)),
  random => 'word '.repeat(Math.floor(random() * 5000)),
  random => `::${'x'.repeat(Math.floor(random() * 5000))}`,
  random => `:::type{cell=a find="${'\u001b'.repeat(Math.floor(random() * 500))}"}`,
  random => `\n${'::run{cell=zz}\n'.repeat(Math.floor(random() * 300))}`,
  random => `---\ntitle: T\n${Array.from({ length: Math.floor(random() * 300) }, (_, i) => `k${i}: ${i}`).join('\n')}\n---\n`,
  random => String.fromCharCode(...Array.from({ length: 200 }, () => Math.floor(random() * 32))),
  // Steps that reach past 24 hours: many long waits, slow typing of a long block.
  random => `\n${'::wait{s=600}\n\n'.repeat(Math.floor(random() * 300))}`,
  random => `\n:::type{cell=slow speed=1}\n\`\`\`\n${'abcdefghij\n'.repeat(Math.floor(random() * 12_000))}\`\`\`\n:::\n`
];

const MUTATIONS: Mutations = {
  fragments: FRAGMENTS,
  generators: HOSTILE,
  weights: { fragment: 0.4, remove: 0.3, generate: 0.03, copy: 0.12, character: 0.15 },
  copyLength: 80
};

/** Longer than any message plus a few quoted excerpts of user text. */
const MAX_REASON = 400;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function randomBytes(random: () => number): Uint8Array {
  const bytes = new Uint8Array(Math.floor(random() * 300));
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = Math.floor(random() * 256);
  }
  return bytes;
}

test(`the compiler survives mutated tutorials and random bytes (seed ${SEED}, ${RUNS} runs)`, () => {
  console.log(`fuzz seed: ${SEED} (rerun with FUZZ_SEED=${SEED})`);
  const random = seededRandom(SEED);
  let compiled = 0;
  let rejected = 0;
  for (let run = 0; run < RUNS; run++) {
    const input = run % 10 === 9 ? randomBytes(random) : mutate(corpus[Math.floor(random() * corpus.length)], random, MUTATIONS);
    let result;
    try {
      result = compile(input, { path: 'fuzz.md' });
    } catch (error) {
      assert.fail(`run ${run}: compile threw ${String(error)} (FUZZ_SEED=${SEED})`);
    }
    for (const message of result.file.messages) {
      assert.ok(
        Number.isInteger(message.line) && message.line! >= 1 && Number.isInteger(message.column) && message.column! >= 1,
        `run ${run}: unpositioned message "${message.reason.slice(0, 200)}" (FUZZ_SEED=${SEED})`
      );
      assert.notEqual(message.ruleId, 'internal-error', `run ${run}: ${message.reason.slice(0, 200)} (FUZZ_SEED=${SEED})`);
      // User text is quoted in short excerpts, with control characters escaped.
      assert.ok(message.reason.length <= MAX_REASON, `run ${run}: a ${message.reason.length}-character message: ${message.reason} (FUZZ_SEED=${SEED})`);
      assert.doesNotMatch(message.reason, CONTROL, `run ${run}: raw control character in "${message.reason.slice(0, 200)}" (FUZZ_SEED=${SEED})`);
    }
    if (result.script) {
      compiled++;
      assert.deepEqual(validateScript(result.script).problems, [], `run ${run}: invalid script (FUZZ_SEED=${SEED})`);
    } else {
      rejected++;
      assert.ok(
        result.file.messages.some(message => message.fatal === true),
        `run ${run}: no script and no error (FUZZ_SEED=${SEED})`
      );
    }
  }
  // Both paths must have been exercised, or the fuzzer tests nothing.
  assert.ok(compiled > RUNS / 20 && rejected > RUNS / 20, `compiled ${compiled}, rejected ${rejected}`);
});
