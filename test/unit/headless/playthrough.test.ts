import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { playToNotebook } from '../../../src/apply/index.js';
import { HeadlessSession } from '../../../src/session/index.js';
import { compile } from '../../../src/compiler/index.js';
import { fromRoot } from '../../helpers/paths.js';

const names = readdirSync(fromRoot('tutorials'))
  .filter(name => name.endsWith('.md'))
  .sort();

function cells(notebook: { cells: Array<{ id?: string; cell_type: string; source: string | string[] }> }) {
  return notebook.cells.map(cell => [cell.id, cell.cell_type, Array.isArray(cell.source) ? cell.source.join('') : cell.source]);
}

for (const name of names) {
  for (const options of [{}, { reducedMotion: true, speed: 4 }, { stepMode: true, speed: 0.25 }]) {
    test(`${name} played headless ${JSON.stringify(options)} ends in the notebook \`notecast notebook\` writes`, async () => {
      const { script } = compile(readFileSync(fromRoot('tutorials', name)));
      assert.ok(script);
      const session = new HeadlessSession(script, options);
      try {
        const applied: string[] = [];
        session.player.on('operationApplied', ({ typed }) => typed && applied.push(typed.text));
        await session.playToEnd();
        assert.equal(session.player.state, 'ended');
        assert.deepEqual(cells(session.notebook.toJSON()), cells(playToNotebook(script)));
        assert.equal(session.notebook.undoManager.undoStack.length, 0, 'no player edit is undoable by the learner');
        const typedOps = script.steps.flatMap(step => step.operations).filter(op => op.op === 'type');
        if ('reducedMotion' in options) {
          assert.equal(applied.length, typedOps.length, 'reduced motion types each block at once');
        } else {
          assert.ok(applied.length > typedOps.length * 3, 'typing is animated keystroke by keystroke');
        }
      } finally {
        session.dispose();
      }
    });
  }
}
