import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeUtf8, firstInvalidUtf8, firstLoneSurrogate } from '../../../src/format/index.js';

const bytes = (...values: number[]) => new Uint8Array(values);

test('firstInvalidUtf8 finds stray, overlong, truncated, surrogate and out-of-range sequences', () => {
  assert.equal(firstInvalidUtf8(new TextEncoder().encode('aé🎉z')), -1);
  assert.equal(firstInvalidUtf8(bytes(0x61, 0x80)), 1);
  assert.equal(firstInvalidUtf8(bytes(0xc0, 0xaf)), 0);
  assert.equal(firstInvalidUtf8(bytes(0x61, 0xe2, 0x82)), 1);
  assert.equal(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80)), 0);
  assert.equal(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80)), 0);
});

test('decodeUtf8 drops a byte-order mark and places a bad byte by line and column in UTF-16 units', () => {
  assert.deepEqual(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d)), { text: '{}' });
  const failure = decodeUtf8(new Uint8Array([...new TextEncoder().encode('one\r\ntwo\n🎉x'), 0xff]));
  assert.ok(!('text' in failure));
  assert.deepEqual({ line: failure.line, column: failure.column, offset: failure.offset }, { line: 3, column: 4, offset: 14 });
  assert.match(failure.message, /^Unexpected byte 0xff, expected UTF-8 text/);
});

test('firstLoneSurrogate finds half a pair, and passes whole ones', () => {
  assert.equal(firstLoneSurrogate('a🎉b'), -1);
  assert.equal(firstLoneSurrogate('a\ud83c'), 1);
  assert.equal(firstLoneSurrogate('\udf89b'), 0);
  assert.equal(firstLoneSurrogate('🎉'.slice(0, 1) + 'x'), 0);
});
