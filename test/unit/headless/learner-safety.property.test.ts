import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type * as Y from 'yjs';
import { playToNotebook } from '../../../src/apply/index.js';
import { HeadlessSession } from '../../../src/session/index.js';
import { compile } from '../../../src/compiler/index.js';
import { cellInfo, type Script } from '../../../src/format/index.js';
import { seededRandom } from '../../../src/format/keystrokes.js';
import { fromRoot } from '../../helpers/paths.js';

/**
 * Random learners against the real player, applier and notebook: edits,
 * take-overs, resumes both ways, seeks, speed changes and stepping, in any
 * order, while the tutorial plays. After every run: every character the
 * learner typed is in the notebook or in a version kept aside; a restore
 * leaves exactly the tutorial's state; nothing threw. Reproduce a failure
 * with PROPERTY_SEED=<seed printed below>.
 */
const SEED = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

const scripts: Script[] = readdirSync(fromRoot('tutorials'))
  .filter(name => name.endsWith('.md'))
  .sort()
  .map(name => compile(readFileSync(fromRoot('tutorials', name))).script as Script);

/**
 * The notebook's cells with the answer cells' text left out: an answer cell
 * is the learner's, and a restore keeps what they wrote there (which the
 * check that no character is lost covers).
 */
function tutorialView(script: Script, cells: ReadonlyArray<{ id?: string; source: string | string[] }>): Array<[string, string]> {
  return cells.map(cell => {
    const id = cell.id ?? '';
    return [id, cellInfo(script, id)?.answer ? '' : Array.isArray(cell.source) ? cell.source.join('') : cell.source];
  });
}

function allText(session: HeadlessSession): string {
  const live = session.notebook.cells.map(cell => cell.source).join('\u0000');
  const kept = session.kept.flatMap(notebook => notebook.cells.map(cell => (Array.isArray(cell.source) ? cell.source.join('') : cell.source)));
  return [live, ...kept].join('\u0000');
}

/** Move an offset out of the learner's earlier markers, so a marker is never split by the test itself. */
function outsideMarkers(text: string, offset: number): number {
  for (const match of text.matchAll(/«[^»]*»/g)) {
    if (offset > match.index && offset < match.index + match[0].length) {
      return match.index + match[0].length;
    }
  }
  return offset;
}

test(`learners never lose a character, and restores are exact (seed ${SEED}, ${RUNS} runs)`, async () => {
  console.log(`property seed: ${SEED} (rerun with PROPERTY_SEED=${SEED})`);
  const random = seededRandom(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  let restores = 0;
  let learnerEdits = 0;
  for (let run = 0; run < RUNS; run++) {
    const script = pick(scripts);
    const session = new HeadlessSession(script, { speed: pick([0.25, 1, 2, 4]), reducedMotion: random() < 0.3 });
    const typedByLearner: string[] = [];
    const where = () => `run ${run}, PROPERTY_SEED=${SEED}`;
    let editedSinceRestore = false;
    try {
      void session.player.play();
      for (let action = 0; action < 80 && session.player.state !== 'ended'; action++) {
        const roll = random();
        if (process.env.PROPERTY_TRACE) {
          const text = allText(session);
          console.log(
            `${run}.${action} roll=${roll.toFixed(2)} state=${session.player.state} step=${session.player.step} t=${session.clock.now()} kept=${session.kept.length} missing=${typedByLearner.filter(m => !text.includes(m)).join(',')} cells=${session.notebook.cells.map(c => c.id.slice(0, 8) + (c.source.includes('«') ? '*' : '')).join(',')}`
          );
        }
        if (roll < 0.35) {
          session.clock.advance(Math.floor(random() * 4000));
        } else if (roll < 0.55) {
          const marker = `«${run}.${action}»`;
          const cells = session.notebook.cells;
          if (cells.length > 0 && random() < 0.8) {
            const cell = pick(cells) as unknown as { ysource: Y.Text };
            const at = outsideMarkers(cell.ysource.toJSON(), Math.floor(random() * (cell.ysource.length + 1)));
            session.notebook.transact(() => cell.ysource.insert(at, marker), true);
          } else {
            session.notebook.transact(
              () => session.notebook.insertCell(Math.floor(random() * (cells.length + 1)), { cell_type: 'code', source: marker }),
              true
            );
          }
          typedByLearner.push(marker);
          learnerEdits++;
          editedSinceRestore = true;
        } else if (roll < 0.62) {
          // The learner deletes a tutorial cell that holds nothing of theirs.
          const index = session.notebook.cells.findIndex(cell => !cell.source.includes('«'));
          if (index >= 0) {
            session.notebook.transact(() => session.notebook.deleteCell(index), true);
            editedSinceRestore = true;
          }
        } else if (roll < 0.68) {
          void session.player.takeOver();
        } else if (roll < 0.78) {
          const restore = random() < 0.5;
          const before = session.restores;
          void session.player.resume({ restore });
          await session.settle();
          if (session.restores > before) {
            restores++;
            editedSinceRestore = false;
            assert.deepEqual(
              tutorialView(script, session.notebook.cells),
              tutorialView(script, session.keyframes.at(session.player.step).cells),
              `after restoring, only the tutorial's text is left, and the learner's answers (${where()})`
            );
          }
          continue;
        } else if (roll < 0.85) {
          const index = Math.floor(random() * (script.steps.length + 1));
          void session.player.seek(index);
          await session.settle();
          restores++;
          editedSinceRestore = false;
          assert.equal(session.player.state, index === script.steps.length ? 'ended' : 'paused', `a seek lands paused (${where()})`);
          assert.deepEqual(
            tutorialView(script, session.notebook.cells),
            tutorialView(script, session.keyframes.at(session.player.step).cells),
            `a seek puts the notebook in the tutorial's state, keeping the learner's answers (${where()})`
          );
          continue;
        } else if (roll < 0.9) {
          void session.player.setSpeed(pick([0.25, 0.5, 1, 2, 4]));
        } else if (roll < 0.95) {
          void pick([() => session.player.nextStep(), () => session.player.previousStep(), () => session.player.toggle()])();
        } else {
          void session.player.play();
        }
        await session.settle();
        assert.notEqual(session.player.state, 'error', `no playback error (${where()})`);
      }
      const text = allText(session);
      for (const marker of typedByLearner) {
        assert.ok(text.includes(marker), `the learner's ${marker} is kept (${where()})`);
      }
      if (session.player.state === 'ended' && !editedSinceRestore && !session.hasLearnerChanges) {
        assert.deepEqual(
          tutorialView(script, session.notebook.cells),
          tutorialView(script, playToNotebook(script).cells),
          `an undisturbed ending is the tutorial's notebook (${where()})`
        );
      }
    } finally {
      session.dispose();
    }
  }
  assert.ok(restores > RUNS / 2 && learnerEdits > RUNS, `exercised ${restores} restores and ${learnerEdits} learner edits`);
});
