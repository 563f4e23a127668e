import { performance } from 'node:perf_hooks';
import { YNotebook } from '@jupyter/ydoc';
import * as Y from 'yjs';
import { recordingFromHistory, tutorialFromRecording, YDocRecorder, type StoredUpdate } from '../src/recorder/index.js';
import { medianMs, type BenchRow } from './measure.js';

/** A notebook of `cells` code cells of five lines each, as a course notebook might be. */
function notebookOf(cells: number): YNotebook {
  const notebook = YNotebook.create();
  notebook.transact(() => {
    for (let i = 0; i < cells; i++) {
      notebook.insertCell(i, { cell_type: 'code', source: `# cell ${i}\nx${i} = ${i}\nfor k in range(${i}):\n    x${i} += k\nprint(x${i})` });
    }
  });
  return notebook;
}

function sourceOf(notebook: YNotebook, index: number): Y.Text {
  return (notebook.cells[index] as unknown as { ysource: Y.Text }).ysource;
}

const LINE = 'total = sum(values) / len(values)  # the mean\n';

/**
 * What recording adds to each keystroke: the same keystrokes (each its own
 * transaction, as the editor makes them) typed into two 100-cell notebooks,
 * one recorded and one not, alternately, so load on the machine affects both.
 */
function keystrokeOverhead(keystrokes: number): { median: number; p99: number } {
  const plain = notebookOf(100);
  const recorded = notebookOf(100);
  const recorder = new YDocRecorder(recorded.ydoc);
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < keystrokes; i++) {
    const char = LINE[i % LINE.length];
    for (const [side, notebook] of [plain, recorded].entries()) {
      const text = sourceOf(notebook, 50);
      const start = performance.now();
      notebook.transact(() => text.insert(text.length, char));
      times[side].push(performance.now() - start);
    }
  }
  recorder.stop();
  plain.dispose();
  recorded.dispose();
  const at = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * q))];
  return { median: at(times[1], 0.5) - at(times[0], 0.5), p99: at(times[1], 0.99) - at(times[0], 0.99) };
}

/** A session's stored history: the starting snapshot, then one update per keystroke, 10 a second. */
function history(updates: number): { stored: StoredUpdate[]; recordingBytes: number; storeBytes: number; minutes: number } {
  const notebook = notebookOf(20);
  let clock = 0;
  const stored: StoredUpdate[] = [{ update: Y.encodeStateAsUpdate(notebook.ydoc), timestamp: clock }];
  const recorder = new YDocRecorder(notebook.ydoc, { now: () => clock });
  notebook.ydoc.on('update', (update: Uint8Array) => stored.push({ update, timestamp: clock }));
  for (let i = 0; i < updates; i++) {
    clock += 100;
    const text = sourceOf(notebook, Math.floor(i / 500) % 20);
    notebook.transact(() => text.insert(text.length, LINE[i % LINE.length]));
  }
  recorder.stop();
  const recordingBytes = Buffer.byteLength(JSON.stringify({ initial: recorder.initial, events: recorder.events }));
  const storeBytes = stored.slice(1).reduce((sum, entry) => sum + entry.update.byteLength, 0);
  notebook.dispose();
  return { stored, recordingBytes, storeBytes, minutes: clock / 60_000 };
}

export function benchRecorder(): BenchRow[] {
  const overhead = keystrokeOverhead(2_000);
  const { stored, recordingBytes, storeBytes, minutes } = history(10_000);
  const convertMs = medianMs(() => tutorialFromRecording(recordingFromHistory(stored, { title: 'History' })), 5, 1);
  return [
    {
      measure: 'recording overhead per keystroke, 100-cell notebook (median)',
      value: `${overhead.median.toFixed(3)} ms`,
      target: '< 1 ms',
      ok: overhead.median < 1
    },
    {
      measure: 'recording overhead per keystroke, 100-cell notebook (p99)',
      value: `${overhead.p99.toFixed(3)} ms`,
      target: '< 1 ms',
      ok: overhead.p99 < 1
    },
    { measure: 'history of 10,000 updates → tutorial (replay + convert)', value: `${convertMs.toFixed(0)} ms`, target: '< 2000 ms', ok: convertMs < 2000 },
    { measure: 'recording, bytes per minute of typing at 10 characters/s', value: `${Math.round(recordingBytes / minutes)} B` },
    { measure: 'YStore updates, bytes per minute of the same session', value: `${Math.round(storeBytes / minutes)} B` },
    { measure: 'recording / YStore bytes', value: `${(recordingBytes / storeBytes).toFixed(2)}×` }
  ];
}
