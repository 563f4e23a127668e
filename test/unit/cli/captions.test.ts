/**
 * `notecast captions`: the narration as WebVTT, checked by a parser that
 * follows the file structure of https://www.w3.org/TR/webvtt1/#file-structure.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildCaptions } from '../../../src/cli/captions.js';
import { buildTimeline } from '../../../src/cli/timeline.js';
import { compile } from '../../../src/compiler/index.js';
import { CAPTION_LINE_LENGTH, CAPTION_LINES, escapeCueText, splitCaption, writeWebVtt, type Script } from '../../../src/format/index.js';
import { fromRoot } from '../../helpers/paths.js';
import { runCli } from './run-cli.js';
import { parseWebVtt } from './webvtt-reader.js';

function script(markdown: string): Script {
  const { script } = compile(markdown, { path: 'captions.md' });
  assert.ok(script);
  return script;
}

const TRICKY = `---
title: Escapes
kernel: python3
---

# Arrows

Compare a <b> tag with x --> y & z, then keep reading this narration that goes on long enough to need more than one cue of two lines each, so that it is split.

:::say
A say: <script>alert(1)</script> --> done.
:::

# Quiet

:::say
Only a say here.
:::
`;

test('the narration of every step and every :::say is in the captions, escaped, in order, in cues of at most two short lines', async () => {
  const source = script(TRICKY);
  const vtt = writeWebVtt(await buildCaptions(source));
  const cues = parseWebVtt(vtt);
  const joined = cues.map(cue => cue.text.replace(/\n/g, ' ')).join(' ');
  assert.equal(
    joined,
    'Compare a <b> tag with x --> y & z, then keep reading this narration that goes on long enough to need more than one cue of two lines each, so that it is split. A say: <script>alert(1)</script> --> done. Only a say here.'
  );
  for (const cue of cues) {
    const lines = cue.text.split('\n');
    assert.ok(lines.length <= CAPTION_LINES, cue.text);
    assert.ok(
      lines.every(line => line.length <= CAPTION_LINE_LENGTH),
      cue.text
    );
  }
  assert.match(vtt, /x --&gt; y &amp; z/);
  assert.doesNotMatch(
    vtt
      .split('\n')
      .filter(line => !/^\d\d:\d\d:\d\d\.\d{3} --> /.test(line))
      .join('\n'),
    /-->/
  );
});

test("cues follow the player's timeline at speed 1: a step's narration from its start, a say from when it is said", async () => {
  const source = script(TRICKY);
  const timeline = await buildTimeline(source, 1);
  const cues = parseWebVtt(writeWebVtt(await buildCaptions(source)));
  assert.equal(cues[0].start, timeline.steps[0].start);
  const firstSay = timeline.steps[0].announcements.find(announcement => announcement.kind === 'narration');
  const sayCue = cues.find(cue => cue.text.startsWith('A say'));
  assert.equal(sayCue?.start, firstSay?.at);
  // The step's narration shares its time in proportion and ends before the say starts.
  const narration = cues.filter(cue => cue.start < (sayCue?.start ?? 0));
  assert.ok(narration.length >= 2);
  assert.ok(narration.every((cue, i) => i === 0 || cue.start === narration[i - 1].end));
  assert.ok(narration[narration.length - 1].end <= (sayCue?.start ?? 0));
  const secondStep = cues.find(cue => cue.text === 'Only a say here.');
  assert.ok(secondStep && secondStep.start >= timeline.steps[1].start);
});

test('a long word stands alone on its line; time is shared by length; an empty text has no cue', () => {
  const long = 'x'.repeat(60);
  const cues = splitCaption(`short ${long} end`, 1000, 4000);
  assert.deepEqual(
    cues.map(cue => cue.text),
    [`short\n${long}`, 'end']
  );
  assert.equal(cues[0].start, 1000);
  assert.equal(cues[1].end, 4000);
  assert.ok(cues[0].end - cues[0].start > 10 * (cues[1].end - cues[1].start));
  assert.deepEqual(splitCaption('  \n ', 0, 100), []);
});

test('cue text never holds a tag, an arrow or a blank line', () => {
  assert.equal(escapeCueText('a --> b\n\n<i>c</i> & d'), 'a --&gt; b\n&lt;i&gt;c&lt;/i&gt; &amp; d');
});

test('notecast captions writes the file with -o, and every tutorial shipped gives a valid one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'notecast-captions-'));
  const out = join(dir, 'lesson.vtt');
  for (const name of ['01-python-basics.md', '02-functions-and-errors.md', '03-data-exploration.md']) {
    const result = await runCli('captions', fromRoot('tutorials', name), '-o', out);
    assert.equal(result.code, 0, result.stderr);
    const cues = parseWebVtt(readFileSync(out, 'utf8'));
    assert.ok(cues.length > 5, name);
  }
});
