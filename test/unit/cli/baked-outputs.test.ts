/** A run's outputs as the kernel sent them, turned into what a page with no kernel can show. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BAKE_LIMITS, bakeOutputs, plainText } from '../../../src/cli/baked-outputs.js';
import type { KernelOutput } from '../../../src/cli/kernel/index.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const budget = () => ({ scriptLeft: BAKE_LIMITS.script });

test('streams, results, HTML, images and errors each take their form; tracebacks lose their colours', () => {
  const outputs: KernelOutput[] = [
    { output_type: 'stream', name: 'stdout', text: 'hi\n' },
    { output_type: 'stream', name: 'stderr', text: 'careful\n' },
    { output_type: 'execute_result', data: { 'text/plain': '42' } },
    { output_type: 'display_data', data: { 'text/html': '<b>x</b>', 'text/plain': '<HTML>' } },
    { output_type: 'display_data', data: { 'image/png': `${PNG.slice(0, 40)}\n${PNG.slice(40)}`, 'text/plain': '<Image>' } },
    { output_type: 'error', ename: 'ValueError', evalue: 'bad', traceback: ['\u001b[0;31mValueError\u001b[0m: bad', 'line \u001b[1;32m2\u001b[0m'] }
  ];
  const { outputs: baked, warnings } = bakeOutputs(outputs, budget());
  assert.deepEqual(warnings, []);
  assert.deepEqual(baked, [
    { type: 'stream', name: 'stdout', text: 'hi\n' },
    { type: 'stream', name: 'stderr', text: 'careful\n' },
    { type: 'text', text: '42' },
    { type: 'html', html: '<b>x</b>', text: '<HTML>' },
    { type: 'image', mime: 'image/png', data: PNG, text: '<Image>' },
    { type: 'error', ename: 'ValueError', evalue: 'bad', traceback: 'ValueError: bad\nline 2' }
  ]);
});

test('a progress bar keeps its last state, and no control character is kept', () => {
  assert.equal(plainText('10%\r50%\r100%\nend\u0007\r\n'), '100%\nend\n');
});

test('an image that is not what it says, or data no page shows, is left out with a warning', () => {
  const { outputs, warnings } = bakeOutputs(
    [
      { output_type: 'display_data', data: { 'image/png': 'bm90IGEgcG5n', 'text/plain': '<fake>' } },
      { output_type: 'display_data', data: { 'application/vnd.jupyter.widget-view+json': {} } }
    ],
    budget()
  );
  assert.deepEqual(outputs, [{ type: 'text', text: '<fake>' }]);
  assert.equal(warnings.length, 2);
  assert.match(warnings[0], /image\/png is not one/);
  assert.match(warnings[1], /no form a page can show/);
});

test('an output over its bound is replaced by a note and a warning, never cut short', () => {
  const big = 'x'.repeat(BAKE_LIMITS.output + 1);
  const { outputs, warnings } = bakeOutputs(
    [
      { output_type: 'stream', name: 'stdout', text: big },
      { output_type: 'execute_result', data: { 'text/plain': 'small' } }
    ],
    budget()
  );
  assert.equal(outputs.length, 2);
  assert.equal(outputs[0].type, 'text');
  assert.match((outputs[0] as { text: string }).text, /left out when this tutorial was baked: it is 2\.0 MiB, over the 2 MiB/);
  assert.deepEqual(outputs[1], { type: 'text', text: 'small' });
  assert.equal(warnings.length, 1);
});

test("a run's outputs together, and a script's, have their bounds too", () => {
  const third = 'y'.repeat(BAKE_LIMITS.output - 100);
  const stream = (text: string): KernelOutput => ({ output_type: 'execute_result', data: { 'text/plain': text } });
  const run = bakeOutputs([stream(third), stream(third), stream(third)], budget());
  assert.deepEqual(
    run.outputs.map(output => output.type === 'text' && output.text.length),
    [third.length, third.length, run.outputs[2].type === 'text' && run.outputs[2].text.length]
  );
  assert.match(run.warnings[0], /over the 5 MiB one run may keep/);
  const shared = { scriptLeft: BAKE_LIMITS.output };
  assert.equal(bakeOutputs([stream(third)], shared).warnings.length, 0);
  const last = bakeOutputs([stream(third)], shared);
  assert.match(last.warnings[0], /over the 20 MiB one script may keep/);
});

test('an output past what one execution keeps is a note too', () => {
  const { outputs, warnings } = bakeOutputs([{ output_type: 'omitted', size: 99 }], budget());
  assert.match((outputs[0] as { text: string }).text, /an output was left out/);
  assert.equal(warnings.length, 1);
});
