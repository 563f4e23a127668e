/**
 * Seeded random editing sessions on a @jupyter/ydoc notebook, as JupyterLab
 * makes them (each keystroke its own transaction, with times), recorded by
 * the recorder; and the replay of a script's edits, as the player does them.
 */
import assert from 'node:assert/strict';
import { YNotebook } from '@jupyter/ydoc';
import type * as Y from 'yjs';
import { NotebookApplier } from '../../src/apply/index.js';
import { isEditOperation, type Script } from '../../src/format/index.js';
import { YDocRecorder, type Recording } from '../../src/recorder/index.js';

const PIECES = [
  'a',
  'b',
  'x',
  ' ',
  '=',
  '1',
  '\n',
  '\t',
  'é',
  '中',
  '😀',
  '`',
  '```',
  '"',
  "'",
  '&',
  '&amp;',
  '<b>',
  '\\',
  '*',
  '#',
  ':',
  '::run',
  '}',
  '{',
  '~~~'
];
const TYPES = ['code', 'code', 'code', 'markdown', 'raw'] as const;

export interface Session {
  notebook: YNotebook;
  recording: Recording;
}

/** An editing session as JupyterLab makes one: each keystroke its own transaction, with times. */
export function randomSession(random: () => number, onStart?: (notebook: YNotebook, clock: () => number) => void): Session {
  const notebook = YNotebook.create();
  let clock = 1_000_000;
  const recorder = new YDocRecorder(notebook.ydoc, { now: () => clock });
  onStart?.(notebook, () => clock);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const source = (index: number) => (notebook.cells[index] as unknown as { ysource: Y.Text }).ysource;
  // Offsets between code points, as a cursor is.
  const cursor = (text: string) => {
    const points = [0];
    let at = 0;
    for (const char of text) {
      at += char.length;
      points.push(at);
    }
    return pick(points);
  };
  const actions = 5 + Math.floor(random() * 40);
  for (let n = 0; n < actions; n++) {
    clock += random() < 0.1 ? 3_000 + Math.floor(random() * 90_000) : Math.floor(random() * 1_500);
    const count = notebook.cells.length;
    const roll = random();
    if (count === 0 || roll < 0.15) {
      const pasted = random() < 0.3 ? pick(PIECES) + pick(PIECES) : '';
      notebook.insertCell(Math.floor(random() * (count + 1)), { cell_type: pick(TYPES), source: pasted });
    } else if (roll < 0.6) {
      const index = Math.floor(random() * count);
      const text = source(index);
      let at = cursor(notebook.cells[index].source);
      for (let keys = 1 + Math.floor(random() * 12); keys > 0; keys--) {
        const piece = pick(PIECES);
        notebook.transact(() => text.insert(at, piece));
        at += piece.length;
        clock += 40 + Math.floor(random() * 200);
      }
    } else if (roll < 0.75) {
      const index = Math.floor(random() * count);
      const text = source(index);
      const value = notebook.cells[index].source;
      if (value.length > 0) {
        const from = cursor(value);
        const rest = value.slice(from);
        const to = from + cursor(rest);
        notebook.transact(() => text.delete(from, to - from));
      }
    } else if (roll < 0.82) {
      notebook.deleteCell(Math.floor(random() * count));
    } else if (roll < 0.88 && count > 1) {
      notebook.moveCell(Math.floor(random() * count), Math.floor(random() * count));
    } else if (roll < 0.95) {
      const cell = notebook.cells[Math.floor(random() * count)];
      recorder.add({ kind: 'run', at: clock, id: cell.id, source: cell.source, output: random() < 0.5 ? '' : `${pick(PIECES)}\n` });
    } else {
      recorder.add({
        kind: 'mark',
        at: clock,
        title: `Part ${n} *: ${pick(PIECES)}`,
        narration: random() < 0.5 ? `Now ${pick(PIECES)} [x](y)` : undefined
      });
    }
  }
  recorder.stop();
  return {
    notebook,
    recording: { title: 'Recorded: "a" & b', kernel: 'python3', startedAt: 1_000_000, endedAt: clock, initial: recorder.initial, events: recorder.events }
  };
}

/** Play every edit of the script, in order, on a fresh notebook, as the player does. */
export function replay(script: Script): Array<{ type: string; source: string }> {
  const notebook = YNotebook.create();
  const applier = new NotebookApplier(notebook, script);
  try {
    for (const step of script.steps) {
      for (const operation of step.operations) {
        if (isEditOperation(operation)) {
          assert.equal(applier.apply(operation), undefined, `operation ${JSON.stringify(operation)} lands`);
        }
      }
    }
    return cellsOf(notebook);
  } finally {
    applier.dispose();
    notebook.dispose();
  }
}

export function cellsOf(notebook: YNotebook): Array<{ type: string; source: string }> {
  return notebook.cells.map(cell => ({ type: cell.cell_type, source: cell.source }));
}
