import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countKeystrokes, expandKeystrokes, splitKeystrokes } from '../../../src/format/index.js';
import { seededRandom } from '../../../src/format/keystrokes.js';

/**
 * Keystrokes of long blocks. The grapheme segmenter slows down with the
 * length of its input (a 160k-character block took half a minute), so the
 * text is segmented a window at a time: these tests check that the windows
 * change nothing, and that a long block splits at once.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const wholeText = (text: string) => Array.from(segmenter.segment(text), segment => segment.segment);

/** One of each kind of cluster: combining accents, emoji sequences, flags (pairs), CR LF, a lone surrogate. */
const CLUSTERS = ['a', 'é', 'e\u0301', 'e\u0301\u0302', '🎉', '👩‍💻', '👍🏽', '🇫🇷', '🇯🇵', '\r\n', '\n', ' ', 'क्षि', '\uD800', 'x'];

test('a 200k-character block with every kind of cluster splits into its clusters, in one go', () => {
  const random = seededRandom(7);
  const clusters: string[] = [];
  let length = 0;
  while (length < 200_000) {
    // A flag followed by a flag is two flags: keep each one whole by putting a letter after it.
    const cluster = CLUSTERS[Math.floor(random() * CLUSTERS.length)];
    clusters.push(cluster, 'x');
    length += cluster.length + 1;
  }
  const text = clusters.join('');
  // Each piece on its own, as this ICU segments it (some scripts' clusters changed in Unicode 15.1).
  const expected = clusters.flatMap(wholeText);
  assert.deepEqual(splitKeystrokes(text), expected);
  assert.equal(countKeystrokes(text), expected.length);
  const strokes = expandKeystrokes({ op: 'type', at: 0, cell: 'c', offset: 0, text, duration: 1_000_000 });
  assert.equal(strokes.length, expected.length);
  assert.equal(strokes[strokes.length - 1].at, 1_000_000);
});

test('windowed splitting agrees with segmenting the whole text, wherever the windows fall', () => {
  const random = seededRandom(11);
  for (let run = 0; run < 40; run++) {
    // Runs of regional indicators and combining marks cross window edges.
    const pieces: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const roll = random();
      pieces.push(roll < 0.2 ? '🇫' : roll < 0.3 ? '🇷' : roll < 0.45 ? '\u0301' : roll < 0.5 ? '\u200d' : CLUSTERS[Math.floor(random() * CLUSTERS.length)]);
    }
    const text = pieces.join('');
    assert.deepEqual(splitKeystrokes(text), wholeText(text), `run ${run}`);
  }
});

test('a cluster longer than a window stays one keystroke', () => {
  const text = `a${'e' + '\u0301'.repeat(3000)}b`;
  assert.deepEqual(splitKeystrokes(text), ['a', 'e' + '\u0301'.repeat(3000), 'b']);
});

test('plain ASCII splits into characters, CR LF into one key', () => {
  const ascii = 'print(x)\n\t'.repeat(30_000);
  assert.deepEqual(splitKeystrokes(ascii), ascii.split(''));
  assert.deepEqual(splitKeystrokes('a\r\nb'), ['a', '\r\n', 'b']);
});
