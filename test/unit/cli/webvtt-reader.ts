/**
 * A strict reader of the WebVTT file structure
 * (https://www.w3.org/TR/webvtt1/#file-structure), for the tests: it fails
 * on anything the spec's grammar does not allow, and on cue text that would
 * be read as a tag or a timing line.
 */
import assert from 'node:assert/strict';

export interface Cue {
  id?: string;
  start: number;
  end: number;
  /** The cue's text with its character references decoded. */
  text: string;
}

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

function parseTimestamp(text: string): number {
  const match = TIMESTAMP.exec(text);
  assert.ok(match, `not a WebVTT timestamp: ${text}`);
  return Number(match[1] ?? 0) * 3_600_000 + Number(match[2]) * 60_000 + Number(match[3]) * 1000 + Number(match[4]);
}

export function parseWebVtt(file: string): Cue[] {
  assert.ok(!file.includes('\0'), 'no NUL');
  assert.match(file, /^(\uFEFF)?WEBVTT([ \t][^\n]*)?(\n\n|\n?$)/, 'the signature line, then a blank line or the end');
  const blocks = file
    .replace(/^\uFEFF?WEBVTT[^\n]*(\n\n|\n?$)/, '')
    .split(/\n{2,}/)
    .filter(block => block.trim());
  const cues: Cue[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((line, i, all) => i < all.length - 1 || line !== '');
    const timingAt = lines[0].includes('-->') ? 0 : 1;
    const id = timingAt === 1 ? lines[0] : undefined;
    assert.ok(id === undefined || !id.includes('-->'), `a cue identifier has no "-->": ${id}`);
    const timing = /^(\S+)[ \t]+-->[ \t]+(\S+)([ \t].*)?$/.exec(lines[timingAt] ?? '');
    assert.ok(timing, `a cue timing line: ${lines[timingAt]}`);
    const start = parseTimestamp(timing[1]);
    const end = parseTimestamp(timing[2]);
    assert.ok(end > start, `a cue ends after it starts: ${lines[timingAt]}`);
    assert.ok(cues.length === 0 || start >= cues[cues.length - 1].start, 'cues in order of their start');
    const payload = lines.slice(timingAt + 1);
    assert.ok(payload.length > 0, 'a cue has text');
    for (const line of payload) {
      assert.ok(!line.includes('-->'), `no "-->" in cue text: ${line}`);
      assert.ok(!/[<>]/.test(line), `no tag in cue text: ${line}`);
      assert.ok(!/&(?!(amp|lt|gt|nbsp|lrm|rlm);)/.test(line), `every & is a character reference: ${line}`);
    }
    const text = payload.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    cues.push({ id, start, end, text });
  }
  return cues;
}
