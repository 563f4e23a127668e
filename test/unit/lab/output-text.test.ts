import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as nbformat from '@jupyterlab/nbformat';
import { countOutputLines, outputStart } from '../../../src/lab/notebook/output-text.js';

const stream = (text: string | string[]): nbformat.IStream => ({ output_type: 'stream', name: 'stdout', text });
const result = (data: nbformat.IMimeBundle): nbformat.IExecuteResult => ({ output_type: 'execute_result', execution_count: 1, data, metadata: {} });

test('the text of a run: its streams and plain-text results in order, cut long', () => {
  assert.equal(outputStart([stream(['83', '.0\n'])]), '83.0\n');
  assert.equal(outputStart([stream('a'), result({ 'text/plain': 'b' })]), 'ab');
  assert.equal(outputStart([stream('x'.repeat(5000))])?.length, 200);
  assert.equal(outputStart([]), '');
});

test('an output with no plain text (an image) has no text to say', () => {
  assert.equal(outputStart([result({ 'image/png': 'iVBOR' })]), undefined);
  assert.equal(countOutputLines([result({ 'image/png': 'iVBOR' })]), 1);
});

test('lines of output are counted across outputs', () => {
  assert.equal(countOutputLines([stream('a\nb\n'), result({ 'text/plain': 'c' })]), 3);
  assert.equal(countOutputLines([stream('')]), 0);
});
