/**
 * The examples in the TSDoc comments of compile, Player and PlaybackSession (shown on the API
 * reference pages), run as written: if one stops working, so does this file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { YNotebook } from '@jupyter/ydoc';
import { compile } from '../../../src/compiler/index.js';
import { ManualClock, Player } from '../../../src/player/index.js';
import { PlaybackSession, settle } from '../../../src/session/index.js';
import { fromRoot } from '../../helpers/paths.js';

const markdown = readFileSync(fromRoot('tutorials', '01-python-basics.md'), 'utf8');

/** Moves the manual clock from timer to timer until `player` is past its first two steps (the first only narrates). */
async function throughFirstStep(player: Player, clock: ManualClock): Promise<void> {
  void player.play();
  await settle();
  for (let turn = 0; turn < 100_000 && player.step < 2 && player.state !== 'error'; turn++) {
    const next = clock.nextTimerAt;
    if (next !== undefined) {
      clock.advanceTo(next);
    }
    await settle();
  }
  assert.ok(player.step >= 2, `still at step ${player.step} (${player.state})`);
}

test("compile's example: a script and no message for a valid tutorial, file:line:column for a broken one", () => {
  const { script, file } = compile(markdown, { path: 'lesson.md' });
  assert.ok(script);
  assert.equal(file.messages.length, 0);
  const broken = compile('# Step\n\n::run{cell=nowhere}\n', { path: 'lesson.md' });
  assert.equal(broken.script, undefined);
  assert.match(String(broken.file.messages[0]), /^lesson\.md:\d+:\d+: \S/);
});

test("Player's example: the host gets the edits and stepChanged counts the steps", async () => {
  const { script } = compile(markdown);
  assert.ok(script);
  const clock = new ManualClock();
  const edits: string[] = [];
  const steps: number[] = [];
  const player = new Player({
    script,
    clock,
    scheduler: clock,
    reducedMotion: true,
    host: {
      applyEdit: operation => void edits.push(operation.op),
      runCell: () => Promise.resolve({ ok: true, outputLines: 0 }),
      seek: () => undefined,
      restoreStep: () => undefined,
      cellNumber: () => undefined
    }
  });
  player.on('stepChanged', ({ index }) => steps.push(index));
  await throughFirstStep(player, clock);
  assert.ok(edits.length > 0, 'the first step made edits through the host');
  assert.ok(steps.length > 0);
  player.dispose();
});

test("PlaybackSession's example: once playing, the first steps' cells are in the notebook", async () => {
  const { script } = compile(markdown);
  assert.ok(script);
  const notebook = YNotebook.create();
  const clock = new ManualClock();
  const session = new PlaybackSession({
    script,
    notebook,
    clock,
    scheduler: clock,
    reducedMotion: true,
    frontEnd: { runCell: () => Promise.resolve({ ok: true, outputLines: 0 }) }
  });
  await throughFirstStep(session.player, clock);
  assert.ok(notebook.cells.length > 0);
  assert.ok(notebook.cells.some(cell => cell.getSource().length > 0));
  session.dispose();
  notebook.dispose();
});
