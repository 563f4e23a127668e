import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunOperation } from '../../../src/format/index.js';
import { imageUrl, parseSpeed, parseStep, parseTheme, runResult, stepInHash } from '../../../src/web/index.js';

test('speed: 0.25 to 4, anything else 1', () => {
  assert.equal(parseSpeed('2'), 2);
  assert.equal(parseSpeed('0.25'), 0.25);
  for (const value of [null, '', '0', '5', 'fast', 'NaN', 'Infinity', '-1']) assert.equal(parseSpeed(value), 1, String(value));
});

test('step: 1-based, clamped to the tutorial; not a whole number is the start', () => {
  assert.equal(parseStep('4', 12), 3);
  assert.equal(parseStep('1', 12), 0);
  assert.equal(parseStep('0', 12), 0);
  assert.equal(parseStep('99', 12), 12);
  assert.equal(parseStep('2.5', 12), undefined);
  assert.equal(parseStep('x', 12), undefined);
  assert.equal(parseStep(null, 12), undefined);
});

test('theme: light, dark, else auto', () => {
  assert.equal(parseTheme('dark'), 'dark');
  assert.equal(parseTheme(' LIGHT '), 'light');
  assert.equal(parseTheme('blue'), 'auto');
  assert.equal(parseTheme(null), 'auto');
});

test('#step-N names a step of the player with that prefix only', () => {
  assert.equal(stepInHash('#step-4', ''), 4);
  assert.equal(stepInHash('#intro-step-2', 'intro-'), 2);
  assert.equal(stepInHash('#intro-step-2', ''), undefined);
  assert.equal(stepInHash('#step-x', ''), undefined);
});

test('a baked run tells the player its lines, its one line, or its error', () => {
  const run = (outputs?: RunOperation['outputs'], extra: Partial<RunOperation> = {}): RunOperation => ({ op: 'run', at: 0, cell: 'c', outputs, ...extra });
  assert.deepEqual(runResult(run([{ type: 'stream', name: 'stdout', text: '83.0\n' }])), { ok: true, outputLines: 1, output: '83.0' });
  assert.deepEqual(
    runResult(
      run([
        { type: 'stream', name: 'stdout', text: 'a\nb\n' },
        { type: 'text', text: '3' }
      ])
    ),
    { ok: true, outputLines: 3, output: undefined }
  );
  assert.deepEqual(runResult(run([{ type: 'error', ename: 'ZeroDivisionError', evalue: 'division by zero' }])), { ok: false, error: 'ZeroDivisionError' });
  assert.deepEqual(runResult(run(undefined)), { ok: true });
  assert.deepEqual(runResult(run(undefined, { error: 'NameError' })), { ok: false, error: 'NameError' });
});

test('images become data: URLs; an SVG given as text is encoded, so it is never markup in the page', () => {
  assert.equal(imageUrl('image/png', 'iVBO\nRw0K'), 'data:image/png;base64,iVBORw0K');
  const svg = imageUrl('image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  assert.match(svg, /^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  assert.ok(!svg.includes('<'));
});
