import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../../src/format/keystrokes.js';
import { normalizeOutput, outputMatches } from '../../../src/format/index.js';
import { indexOfLinear } from '../../../src/format/text-search.js';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

test(`the linear search finds what indexOf finds (seeded, seed ${SEED})`, () => {
  console.log(`text-search seed: ${SEED} (FUZZ_SEED=${SEED} reproduces)`);
  const random = seededRandom(SEED);
  const word = (length: number, letters: string): string => Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join('');
  for (let run = 0; run < 2_000; run++) {
    const letters = random() < 0.5 ? 'ab' : 'ab\n😀';
    const text = word(Math.floor(random() * 400), letters);
    // Long pieces take the linear path; some are cut from the text, so that they are found.
    const start = Math.floor(random() * text.length);
    const piece = random() < 0.5 ? text.slice(start, start + 65 + Math.floor(random() * 100)) : word(65 + Math.floor(random() * 40), letters);
    const from = Math.floor(random() * 50);
    assert.equal(indexOfLinear(text, piece, from), text.indexOf(piece, from), JSON.stringify({ text, piece, from }));
  }
  assert.equal(indexOfLinear('abc', 'b'), 1, 'short pieces too');
  assert.equal(indexOfLinear('x'.repeat(100), 'x'.repeat(70), 40), -1);
  assert.equal(indexOfLinear('x'.repeat(100), 'x'.repeat(70), 30), 30);
});

test('contains and ellipsis take time linear in the output and the expected text, whatever they hold', () => {
  // String.prototype.indexOf took 32 s to look for a^20000 b a^20000 in a million a's.
  const output = 'a'.repeat(1_000_000);
  const piece = `${'a'.repeat(20_000)}b${'a'.repeat(20_000)}`;
  const started = performance.now();
  assert.ok(!outputMatches(piece, output, 'contains'));
  assert.ok(!outputMatches(`...${piece}...`, output, 'ellipsis'));
  assert.ok(outputMatches(`...${'a'.repeat(20_000)}...${'a'.repeat(20_000)}`, output, 'ellipsis'));
  const ms = performance.now() - started;
  assert.ok(ms < 3_000, `${Math.round(ms)} ms`);
});

test('normalising takes time linear in the output, even when it is mostly line ends', () => {
  // `.replace(/\n+$/, '')` took 4 s on 40,000 line ends before an `x`, and grows with the square.
  for (const ends of ['\n', '\r\n', '\r', ' \n']) {
    const started = performance.now();
    assert.equal(normalizeOutput(`${ends.repeat(200_000)}x${ends.repeat(200_000)}`), `${'\n'.repeat(200_000)}x`);
    const ms = performance.now() - started;
    assert.ok(ms < 2_000, `${JSON.stringify(ends)}: ${Math.round(ms)} ms`);
  }
});
