/**
 * Seeded fuzzing of what `bake` and `captions` write from text they do not
 * control: random SVG built from hostile pieces must come out with nothing
 * that runs or fetches (and sanitizing again changes nothing), or be refused;
 * random narration must give a WebVTT file the strict reader accepts, with
 * every word kept. Reproduce a failure with FUZZ_SEED=<seed printed below>.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sanitizeSvg } from '../../../src/cli/svg-sanitize.js';
import { splitCaption, writeWebVtt } from '../../../src/format/index.js';
import { seededRandom } from '../../../src/format/keystrokes.js';
import { parseWebVtt } from './webvtt-reader.js';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
console.log(`bake fuzz seed: ${SEED} (FUZZ_SEED=${SEED} to reproduce)`);

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const ELEMENTS = [
  'g',
  'rect',
  'circle',
  'text',
  'a',
  'use',
  'image',
  'style',
  'set',
  'animate',
  'script',
  'SCRIPT',
  'svg:script',
  'foreignObject',
  'iframe',
  'defs'
];
const ATTRIBUTES = [
  'x="1"',
  'fill="url(#g)"',
  'fill=\'url( "#g")\'',
  'onload="alert(1)"',
  'ONCLICK="x()"',
  'svg:onmouseover="x"',
  'href="#dot"',
  'href="javascript:alert(1)"',
  'xlink:href=" https://evil.example/x.svg"',
  'href="jav&#x61;script:x"',
  'style="fill:url(https://evil.example/p)"',
  'style="fill:u&#x72;l(https://evil.example/p)"',
  'style="background:\\75rl(https://evil.example)"',
  'attributeName="href"',
  'attributeName="xlink:href"',
  'to="javascript:alert(1)"',
  'src="https://evil.example/s.js"'
];
const TEXTS = [
  'hi',
  'a &amp; b',
  '&#60;script&#62;',
  '@import url(https://evil.example/c.css);',
  'rect{fill:url(#g)}',
  '<![CDATA[x{fill:url(https://evil.example)}]]>',
  '<!-- c -->',
  '<?xml-stylesheet href="https://evil.example/s.css"?>',
  '-->',
  ' '
];

function randomElement(random: Random, depth: number): string {
  const name = pick(random, ELEMENTS);
  const attributes = Array.from({ length: Math.floor(random() * 3) }, () => ` ${pick(random, ATTRIBUTES)}`).join('');
  if (depth > 3 || random() < 0.3) {
    return `<${name}${attributes}/>`;
  }
  const children = Array.from({ length: Math.floor(random() * 3) }, () => (random() < 0.5 ? pick(random, TEXTS) : randomElement(random, depth + 1))).join(
    ''
  );
  return `<${name}${attributes}>${children}</${name}>`;
}

/** A random SVG, sometimes damaged: a piece cut out, a stray character put in. */
function randomSvg(random: Random): string {
  let svg = `${random() < 0.2 ? '<?xml version="1.0"?>' : ''}<svg xmlns="http://www.w3.org/2000/svg"${random() < 0.3 ? ' onload="x()"' : ''}>${randomElement(random, 0)}${randomElement(random, 0)}</svg>`;
  if (random() < 0.3) {
    const at = Math.floor(random() * svg.length);
    svg =
      random() < 0.5
        ? svg.slice(0, at) + svg.slice(at + Math.floor(random() * 10))
        : svg.slice(0, at) + pick(random, ['<', '>', '"', "'", '&', '=']) + svg.slice(at);
  }
  return svg;
}

/** What may run or fetch, looked for in the tags and the styles of a sanitized picture. */
function dangers(svg: string): string[] {
  const found: string[] = [];
  for (const tag of svg.match(/<[^>]*>/g) ?? []) {
    if (/^<\/?([\w.-]+:)?(script|foreignobject|iframe|embed|object)\b/i.test(tag)) found.push(tag);
    if (/\s([\w.-]+:)?on[\w.-]*\s*=/i.test(tag)) found.push(tag);
    if (/\s([\w.-]+:)?(href|src)\s*=\s*"(?!\s*#)/i.test(tag)) found.push(tag);
    if (/^<\?/.test(tag) && !/^<\?xml\s/.test(tag)) found.push(tag);
    if (/^<([\w.-]+:)?(set|animate\w*)\b/i.test(tag) && /attributeName="[^"]*href/i.test(tag)) found.push(tag);
  }
  // CSS is read in attributes and in style elements; text anywhere else is only text.
  const styles = [
    ...(svg.match(/<[^>]*>/g) ?? []),
    ...[...svg.matchAll(/<([\w.-]+:)?style\b[^>]*(?<!\/)>([\s\S]*?)<\/([\w.-]+:)?style>/gi)].map(match => match[2])
  ];
  for (const css of styles) {
    const decoded = css.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/\\75/g, 'u');
    if (/url\s*\(\s*(?!['"]?\s*#)/i.test(decoded) || /@import/i.test(decoded)) found.push(`an external reference: ${css}`);
  }
  return found;
}

test('a sanitized SVG has nothing that runs or fetches, and sanitizing it again changes nothing', () => {
  const random = seededRandom(SEED);
  let kept = 0;
  for (let run = 0; run < RUNS; run++) {
    const source = randomSvg(random);
    const result = sanitizeSvg(source);
    if ('refused' in result) {
      assert.ok(result.refused.length > 0);
      continue;
    }
    kept++;
    assert.deepEqual(dangers(result.svg), [], `seed ${SEED}, run ${run}: ${source}\n→ ${result.svg}`);
    const again = sanitizeSvg(result.svg);
    assert.ok('svg' in again && again.svg === result.svg && again.dropped.length === 0, `seed ${SEED}, run ${run}: not stable: ${result.svg}`);
  }
  assert.ok(kept > RUNS / 4, `seed ${SEED}: only ${kept} of ${RUNS} pictures were kept`);
});

const WORDS = [
  'a',
  'narration',
  '<b>',
  'x-->y',
  '-->',
  '&amp;',
  '&',
  'R&D',
  '<',
  '>',
  'é',
  '🎉',
  'https://example.com/a/very/long/address/that/will/not/fit/on/a/line',
  '\n\n',
  '\r\n',
  '\t',
  'NOTE',
  'WEBVTT',
  '00:00:01.000',
  'word.'
];

test('any narration gives cues the strict WebVTT reader accepts, with every word kept, in order and in time', () => {
  const random = seededRandom(SEED + 1);
  for (let run = 0; run < RUNS / 4; run++) {
    let at = 0;
    const texts: string[] = [];
    const captions = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => pick(random, WORDS)).join(random() < 0.5 ? ' ' : '');
      texts.push(text);
      const start = at;
      // A stretch of narration lasts at least a second: the player gives every word time.
      at += 1000 + Math.floor(random() * 20_000);
      return splitCaption(text, start, at);
    }).flat();
    const cues = parseWebVtt(writeWebVtt(captions));
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    assert.deepEqual(cues.map(cue => cue.text).flatMap(words), texts.flatMap(words), `seed ${SEED + 1}, run ${run}`);
  }
});
