import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../../src/format/keystrokes.js';
import { findableStretch } from '../../../src/recorder/find-text.js';

/**
 * `find=` is the shortest stretch around a change that is found first where
 * it is: checked against every stretch, on seeded random texts of a few
 * letters (where short stretches repeat) and on long repetitive ones.
 */
const SEED = Number(process.env.FIND_SEED ?? Date.now() % 2 ** 31);

/** By trying every stretch between whole characters (never half of a surrogate pair). */
function shortestByHand(text: string, points: number[], from: number, to: number): number {
  let best = Infinity;
  for (const start of points.filter(point => point <= from)) {
    for (const end of points.filter(point => point >= to && point > start)) {
      if (text.indexOf(text.slice(start, end)) === start) {
        best = Math.min(best, end - start);
        break;
      }
    }
  }
  return best;
}

test(`the find text is the shortest stretch found first where the change is (seed ${SEED})`, () => {
  console.log(`find seed: ${SEED} (rerun with FIND_SEED=${SEED})`);
  const random = seededRandom(SEED);
  for (let run = 0; run < 400; run++) {
    const chars = ['a', 'b', '😀', 'c'].slice(0, 2 + Math.floor(random() * 3));
    let text = '';
    const length = 1 + Math.floor(random() * (run < 300 ? 30 : 200));
    while (text.length < length) {
      text += chars[Math.floor(random() * chars.length)];
    }
    const points = [0, ...[...text].map((_, i, all) => all.slice(0, i + 1).join('').length)];
    const from = points[Math.floor(random() * points.length)];
    const to = random() < 0.5 ? from : points[Math.min(points.length - 1, points.indexOf(from) + Math.floor(random() * 3))];
    const { start, end } = findableStretch(text, from, to);
    const context = `run ${run} (seed ${SEED}): ${JSON.stringify(text)} [${from}, ${to})`;
    assert.ok(start <= from && end >= to && end > start, `${context}: [${start}, ${end}) holds the change`);
    assert.equal(text.indexOf(text.slice(start, end)), start, `${context}: found first at ${start}`);
    assert.equal(end - start, shortestByHand(text, points, from, to), `${context}: [${start}, ${end}) is the shortest`);
  }
});

test('in a repeated line, the only stretch found first starts in the first line, found in seconds at most', () => {
  const text = 'x = 0\n'.repeat(20_000);
  const at = 90_004;
  const started = performance.now();
  const { start, end } = findableStretch(text, at, at + 1);
  assert.ok(performance.now() - started < 3000);
  assert.equal(start, 5, 'the first line');
  assert.equal(end, at + 1);
});
