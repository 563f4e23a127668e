import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile } from '../../../src/compiler/index.js';
import {
  firstLoneSurrogate,
  formatPath,
  isEditOperation,
  isLanguageTag,
  languageName,
  NotebookState,
  parseScriptJson,
  stringifyScript,
  translationName,
  translationPath,
  type Script,
  type ScriptProblem
} from '../../../src/format/index.js';
import { seededRandom } from '../../../src/format/keystrokes.js';
import { fromRoot } from '../../helpers/paths.js';

/**
 * Thousands of mutated scripts, as JSON text, as values and as bytes: the
 * reader must never throw, must position every problem, must quote what the
 * author wrote safely (no raw control characters, bounded), and whatever it
 * accepts must replay into a notebook whose sources survive UTF-8 (no U+FFFD).
 * Reproduce a failure with FUZZ_SEED=<seed printed below>.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

const corpus: string[] = [
  ...readdirSync(fromRoot('tutorials'))
    .filter(name => name.endsWith('.md'))
    .map(name => compile(readFileSync(fromRoot('tutorials', name)), { path: name }).script)
    .filter((script): script is Script => script !== undefined)
    .map(script => stringifyScript(script)),
  ...readdirSync(fromRoot('test', 'fixtures', 'compiler'))
    .filter(name => !name.startsWith('error-'))
    .map(name => readFileSync(fromRoot('test', 'fixtures', 'compiler', name, 'output.json'), 'utf8'))
];

const PROTO_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype'];
const HOSTILE_STRINGS = ['\u001b[2K\u001b[1G0 errors', 'a\u0000b', '\u202eevil', '\ud800', '\udc00x', '🎉', 'e\u0301', 'x'.repeat(5000), '\r\n', ''];
// eslint-disable-next-line no-loss-of-precision -- ±1e400 overflow to ±Infinity on purpose: values no script may hold
const HUGE_NUMBERS = [1e400, -1e400, 2 ** 53, 2 ** 31, 86_400_001, -1, 0.5, 1e21, Number.MAX_SAFE_INTEGER];

type Random = () => number;
const pickFrom = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Every object and array inside a value, with a way to replace it in its parent. */
function containers(value: unknown): Array<Record<string, unknown> | unknown[]> {
  const found: Array<Record<string, unknown> | unknown[]> = [];
  const pending = [value];
  while (pending.length) {
    const next = pending.pop();
    if (typeof next === 'object' && next !== null) {
      const container = next as Record<string, unknown>;
      found.push(container);
      pending.push(...Object.values(container));
    }
  }
  return found;
}

/** One change to the parsed value of a script. */
function mutateValue(script: Record<string, unknown>, random: Random): void {
  const places = containers(script);
  const place = pickFrom(random, places);
  const keys: Array<string | number> = Array.isArray(place) ? place.map((_, i) => i) : Object.keys(place);
  const key = keys.length ? pickFrom(random, keys) : 0;
  const target = place as Record<string | number, unknown>;
  const kind = random();
  if (kind < 0.15) {
    delete target[key];
  } else if (kind < 0.3) {
    target[key] = pickFrom(random, HUGE_NUMBERS);
  } else if (kind < 0.45) {
    target[key] = pickFrom(random, HOSTILE_STRINGS);
  } else if (kind < 0.6) {
    // A cell named like an Object.prototype member, declared or not.
    const name = pickFrom(random, PROTO_NAMES);
    const operations = containers(script).filter(item => !Array.isArray(item) && typeof item.cell === 'string') as Array<Record<string, unknown>>;
    if (operations.length) {
      pickFrom(random, operations).cell = name;
    }
    if (random() < 0.5 && typeof script.cells === 'object' && script.cells !== null) {
      Object.defineProperty(script.cells, name, { value: { name, type: 'code' }, enumerable: true, writable: true, configurable: true });
    }
  } else if (kind < 0.8) {
    // Type an emoji, then edit at an offset that may split it.
    const steps = Array.isArray(script.steps) ? (script.steps as Array<{ operations?: unknown }>) : [];
    const typed = steps
      .flatMap(step => (Array.isArray(step?.operations) ? (step.operations as Array<Record<string, unknown>>) : []))
      .filter(op => op?.op === 'type');
    if (typed.length) {
      const op = pickFrom(random, typed);
      op.text = `${String(op.text)}🎉ab`;
      const edit = pickFrom(random, typed);
      if (typeof edit.offset === 'number') {
        edit.offset += Math.floor(random() * 4) - 1;
      }
    }
  } else if (!Array.isArray(place)) {
    place[pickFrom(random, HOSTILE_STRINGS)] = pickFrom(random, [1, 'x', null, {}]);
  }
}

const FRAGMENTS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  '\\u',
  '\\ud800',
  '\u0000',
  '\u001b',
  '\n',
  '\ufeff',
  '1e400',
  '-0',
  '01',
  'true',
  'nul',
  '"__proto__":',
  '"constructor":{"name":"c","type":"code"},'
];

/** One change to a script's JSON text. */
function mutateText(text: string, random: Random): string {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  if (kind < 0.25) {
    return text.slice(0, at) + pickFrom(random, FRAGMENTS) + text.slice(at);
  }
  if (kind < 0.4) {
    return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20));
  }
  if (kind < 0.6) {
    // Duplicate a property: copy a `"key": value` line next to itself.
    const lines = text.split('\n');
    const index = Math.floor(random() * lines.length);
    const line = lines[index].replace(/,$/, '');
    if (/^\s*"[^"]+":/.test(line)) {
      lines.splice(index, 0, `${line},`);
    }
    return lines.join('\n');
  }
  if (kind < 0.75) {
    // Deep nesting, closed or not, as the value of a property (replacing it, or before it).
    const depth = pickFrom(random, [10, 63, 64, 65, 2_000, 100_000]);
    const open = random() < 0.5 ? '[' : '{"a":';
    const close = open === '[' ? ']' : '}';
    const colon = text.indexOf(':', at);
    const start = colon < 0 ? at : colon + 1;
    const end = random() < 0.5 ? start : Math.max(start, text.slice(start).search(/[,}\]]/) + start);
    return `${text.slice(0, start)}${open.repeat(depth)}1${random() < 0.8 ? close.repeat(depth) : ''}${text.slice(end)}`;
  }
  return text.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x10000)) + text.slice(at);
}

/** Bytes of a text, then corrupted into invalid UTF-8 (or not). */
function mutateBytes(text: string, random: Random): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
    const at = Math.floor(random() * bytes.length);
    bytes[at] = pickFrom(random, [0x80, 0xbf, 0xc0, 0xc1, 0xe0, 0xed, 0xf4, 0xf5, 0xff, Math.floor(random() * 256)]);
  }
  return bytes;
}

// Control characters (but none escaped: an escape is text) and bidi overrides must never reach a terminal.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function checkProblem(problem: ScriptProblem, run: number): void {
  const where = `run ${run} (FUZZ_SEED=${SEED})`;
  assert.ok(Number.isInteger(problem.line) && problem.line! >= 1, `${where}: unpositioned problem "${problem.message}"`);
  assert.ok(Number.isInteger(problem.column) && problem.column! >= 1, `${where}: unpositioned problem "${problem.message}"`);
  const shown = `${formatPath(problem.path)} ${problem.message}`;
  assert.doesNotMatch(shown, RAW_CONTROL, `${where}: raw control character in ${JSON.stringify(shown)}`);
  assert.ok(shown.length <= 500, `${where}: a message of ${shown.length} characters`);
}

/**
 * Replay an accepted script: no edit may cut a character in two, so when
 * every typed text is whole characters, every source is text that UTF-8
 * keeps exactly.
 */
function checkReplay(script: Script, run: number): void {
  const notebook = new NotebookState();
  for (const step of script.steps) {
    for (const operation of step.operations) {
      if (isEditOperation(operation)) {
        assert.equal(notebook.apply(operation, script), null, `run ${run}: an accepted script does not replay (FUZZ_SEED=${SEED})`);
      }
    }
  }
  const typed = script.steps.flatMap(step => step.operations).filter(operation => operation.op === 'type');
  if (typed.some(operation => firstLoneSurrogate(operation.text) >= 0)) {
    return;
  }
  for (const cell of notebook.cells) {
    const roundTrip = new TextDecoder().decode(new TextEncoder().encode(cell.source));
    assert.equal(roundTrip, cell.source, `run ${run}: cell ${cell.id} would reach the notebook with U+FFFD (FUZZ_SEED=${SEED})`);
  }
}

test(`script reading survives mutated scripts, texts and bytes (seed ${SEED}, ${RUNS} runs)`, () => {
  console.log(`fuzz seed: ${SEED} (rerun with FUZZ_SEED=${SEED})`);
  assert.ok(corpus.length >= 5, 'the corpus has compiled scripts');
  const random = seededRandom(SEED);
  let accepted = 0;
  let rejected = 0;
  const rules = new Map<string, number>();
  for (let run = 0; run < RUNS; run++) {
    const original = pickFrom(random, corpus);
    let input: string | Uint8Array;
    const kind = run % 3;
    if (kind === 0) {
      const value = JSON.parse(original) as Record<string, unknown>;
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        mutateValue(value, random);
      }
      input = random() < 0.5 ? JSON.stringify(value) : JSON.stringify(value, null, 2);
    } else if (kind === 1) {
      input = original;
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        input = mutateText(input, random);
      }
    } else {
      input = random() < 0.8 ? mutateBytes(original, random) : new TextEncoder().encode(original);
    }
    let result;
    try {
      result = parseScriptJson(input);
    } catch (error) {
      assert.fail(`run ${run}: parseScriptJson threw ${String(error)} (FUZZ_SEED=${SEED})`);
    }
    for (const problem of result.problems) {
      checkProblem(problem, run);
      const rule = problem.rule ?? 'content';
      rules.set(rule, (rules.get(rule) ?? 0) + 1);
    }
    if (result.script) {
      accepted++;
      assert.deepEqual(result.problems, [], `run ${run} (FUZZ_SEED=${SEED})`);
      checkReplay(result.script, run);
    } else {
      rejected++;
      assert.ok(result.problems.length > 0, `run ${run}: no script and no problem (FUZZ_SEED=${SEED})`);
    }
  }
  console.log(`accepted ${accepted}, rejected ${rejected}; problems by kind: ${[...rules].map(([rule, count]) => `${rule} ${count}`).join(', ')}`);
  // Both paths, and every kind of problem, must have been exercised, or the fuzzer tests nothing.
  for (const rule of ['content', 'invalid-json', 'too-deep', 'duplicate-key', 'not-utf8']) {
    assert.ok(rules.has(rule), `no ${rule} problem in ${RUNS} runs (FUZZ_SEED=${SEED})`);
  }
  assert.ok(accepted > RUNS / 20 && rejected > RUNS / 20, `accepted ${accepted}, rejected ${rejected}`);
});

/** Suffixes a file may carry before `.md`: languages, words that look like them, and random letters. */
const SUFFIXES = [
  'fr',
  'pt-BR',
  'pt-br',
  'zh-Hant',
  'sr-Latn-RS',
  'es-419',
  'fil',
  'old',
  'bak',
  'new',
  'tmp',
  'eng',
  'qaa',
  'zxx',
  'und',
  'FR',
  'fr-x',
  'en-US-posix'
];

function randomSuffix(random: Random): string {
  if (random() < 0.5) {
    return pickFrom(random, SUFFIXES);
  }
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-';
  return Array.from({ length: 1 + Math.floor(random() * 9) }, () => letters[Math.floor(random() * letters.length)]).join('');
}

test(`a file is a translation only when its suffix is a registered language, and then names its path back (seed ${SEED}, ${RUNS} runs)`, () => {
  console.log(`translation names seed: ${SEED} (rerun with FUZZ_SEED=${SEED})`);
  const random = seededRandom(SEED);
  let translations = 0;
  for (let run = 0; run < RUNS; run++) {
    const path = `dir/intro.${randomSuffix(random)}.${pickFrom(random, ['md', 'markdown', 'json'])}`;
    const name = translationName(path);
    if (!name) {
      continue;
    }
    translations++;
    const [canonical] = Intl.getCanonicalLocales(name.lang);
    assert.equal(canonical.toLowerCase(), name.lang.toLowerCase(), `${path}: a canonical tag (FUZZ_SEED=${SEED})`);
    assert.ok(isLanguageTag(name.lang) && languageName(new Intl.Locale(canonical).language), `${path}: a named language (FUZZ_SEED=${SEED})`);
    assert.equal(translationPath(name.source, name.lang), path, `${path}: the path comes back (FUZZ_SEED=${SEED})`);
  }
  assert.ok(translations > RUNS / 10, `${translations} translations`);
});
