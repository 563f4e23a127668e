import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTimeline } from '../../../src/cli/timeline.js';
import type { Operation, Script } from '../../../src/format/index.js';

/**
 * `notecast timeline` on scripts far longer than any tutorial: each would
 * take minutes (or fail) if a cue, a cell or a keystroke cost time in
 * proportion to the script, and each checks what the timeline says.
 */
function script(steps: Script['steps'], cells: Script['cells'] = {}): Script {
  return { version: 1, title: 'Long', kernel: 'python3', cells, steps };
}

test('a script with over a million timer events has a timeline', async () => {
  // 1,100,000 waits of 1 ms, each due at its own time: one clock step each.
  const perStep = 110_000;
  const steps = Array.from({ length: 10 }, (_, s) => ({
    title: `Step ${s + 1}`,
    narration: '',
    narrationMs: 0,
    operations: Array.from({ length: perStep }, (_, i): Operation => ({ op: 'wait', at: i, duration: 1 }))
  }));
  const timeline = await buildTimeline(script(steps));
  assert.equal(timeline.steps.length, 10);
  assert.equal(timeline.total, 10 * perStep);
  assert.deepEqual(
    timeline.steps.map(step => step.start),
    steps.map((_, s) => s * perStep)
  );
});

test('a 160,000-character typed block plays to its end', async () => {
  const text = 'x = "é" + "🎉"  # typed\n'.repeat(7000).slice(0, 160_000);
  const timeline = await buildTimeline(
    script(
      [
        {
          title: 'Type',
          narration: '',
          narrationMs: 0,
          operations: [
            { op: 'insert-cell', at: 0, cell: 'a', index: 0 },
            { op: 'type', at: 0, cell: 'a', offset: 0, text, duration: 8_000_000, summary: 'a long block' }
          ]
        }
      ],
      { a: { name: 'a', type: 'code' } }
    )
  );
  assert.equal(timeline.total, 8_000_000);
  assert.ok(timeline.steps[0].announcements.some(a => a.kind === 'typing' && a.cellNumber === 1 && a.text.includes('cell 1')));
});

test('with 10,000 cells, each run waits on the right cell number', async () => {
  const count = 10_000;
  const cells: Script['cells'] = {};
  const steps = Array.from({ length: count }, (_, i) => {
    cells[`c${i}`] = { name: `c${i}`, type: 'code' };
    // Every 1,000th cell goes first, the rest at the end: numbers move.
    const index = i % 1000 === 0 ? 0 : i;
    return {
      title: `Step ${i + 1}`,
      narration: '',
      narrationMs: 0,
      operations: [
        { op: 'insert-cell', at: 0, cell: `c${i}`, index },
        { op: 'type', at: 0, cell: `c${i}`, offset: 0, text: `v = ${i}`, duration: 50 },
        { op: 'run', at: 60, cell: `c${i}` }
      ] satisfies Operation[]
    };
  });
  const timeline = await buildTimeline(script(steps, cells));
  const numbers = timeline.steps.map(step => step.waits.find(wait => wait.kind === 'kernel')?.cell);
  assert.deepEqual(
    numbers,
    steps.map((_, i) => (i % 1000 === 0 ? 1 : i + 1))
  );
});
