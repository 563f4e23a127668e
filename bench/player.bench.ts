import { performance } from 'node:perf_hooks';
import { YNotebook } from '@jupyter/ydoc';
import { Keyframes, NotebookApplier } from '../src/apply/index.js';
import { compile } from '../src/compiler/index.js';
import { expandKeystrokes, isEditOperation, type Script } from '../src/format/index.js';
import { Player, realClock, realScheduler, recordLateness } from '../src/player/index.js';
import { generateTutorial } from './generate.js';
import { medianMs, pairedMedianOf, type BenchRow } from './measure.js';

function generatedScript(steps: number): Script {
  const { script, file } = compile(generateTutorial(steps));
  if (!script) {
    throw new Error(`the generated tutorial does not compile: ${file.messages.map(String).join('; ')}`);
  }
  return script;
}

/** Replaying from the start: every edit, keystroke by keystroke, on a fresh notebook. */
function replayFromStart(script: Script, untilStep: number): YNotebook {
  const notebook = YNotebook.create();
  const applier = new NotebookApplier(notebook, script);
  for (const step of script.steps.slice(0, untilStep)) {
    for (const operation of step.operations) {
      if (operation.op === 'type') {
        for (const key of expandKeystrokes(operation)) {
          applier.apply(operation, key);
        }
      } else if (isEditOperation(operation)) {
        applier.apply(operation);
      }
    }
  }
  return notebook;
}

/**
 * Seeking: keyframes give the tutorial's state at a step, and the applier
 * reaches it from the notebook's current state with the fewest edits.
 */
export function benchSeeking(steps = 1000): BenchRow[] {
  const script = generatedScript(steps);
  const keyframes = new Keyframes(script);
  const last = script.steps.length;
  const replayMs = medianMs(() => replayFromStart(script, last).dispose(), 5, 1);
  const seekFromEmptyMs = medianMs(() => {
    const notebook = YNotebook.create();
    const applier = new NotebookApplier(notebook, script);
    applier.restore(keyframes.at(last));
    applier.dispose();
    notebook.dispose();
  }, 5, 1);
  // From one step to the next, as the learner presses Next: the cost must
  // not grow with the step index. Each sample starts from a fresh notebook
  // at the step before (a Yjs array keeps what was deleted from it, so
  // toggling one notebook back and forth would measure its own tombstones),
  // and both positions are sampled alternately so machine noise hits them alike.
  const fresh = (index: number) => {
    const notebook = YNotebook.create();
    const applier = new NotebookApplier(notebook, script);
    applier.restore(keyframes.at(index - 1));
    return { notebook, applier, dispose: () => (applier.dispose(), notebook.dispose()) };
  };
  const timed = (work: () => void) => {
    const start = performance.now();
    work();
    return performance.now() - start;
  };
  const nextStep = (index: number) => () => {
    const { applier, dispose } = fresh(index);
    const target = keyframes.at(index);
    const ms = timed(() => applier.restore(target));
    dispose();
    return ms;
  };
  // What @jupyter/ydoc itself costs for adding one cell to a notebook of that
  // size: its cells observer walks the whole Yjs array on every change to the
  // list of cells (Yjs computes the event's delta from the array's start).
  const bareInsert = (index: number) => () => {
    const { notebook, dispose } = fresh(index);
    const ms = timed(() => notebook.transact(() => notebook.insertCell(notebook.cells.length, { cell_type: 'code', source: 'x' }), false));
    dispose();
    return ms;
  };
  const earlyIndex = Math.round(last / 10);
  const [early, late] = pairedMedianOf(nextStep(earlyIndex), nextStep(last), 31, 5);
  const [earlyFloor, lateFloor] = pairedMedianOf(bareInsert(earlyIndex), bareInsert(last), 31, 5);
  const ratio = replayMs / seekFromEmptyMs;
  return [
    { measure: `replay from the start to step ${last}`, value: `${replayMs.toFixed(1)} ms` },
    { measure: `seek to step ${last} (from an empty notebook)`, value: `${seekFromEmptyMs.toFixed(1)} ms` },
    { measure: 'replay / seek', value: `${ratio.toFixed(1)}×`, target: '≥ 20×', ok: ratio >= 20 },
    { measure: `next-step seek at step ${earlyIndex} / ${last}`, value: `${(early * 1000).toFixed(0)} / ${(late * 1000).toFixed(0)} µs` },
    {
      measure: 'seek cost, step 1000 / step 100',
      value: `${(late / early).toFixed(2)}×`,
      target: 'flat (≤ 2×)',
      ok: late / early <= 2
    },
    {
      measure: "@jupyter/ydoc's bare cell insert, same sizes",
      value: `${(earlyFloor * 1000).toFixed(0)} / ${(lateFloor * 1000).toFixed(0)} µs (${(lateFloor / earlyFloor).toFixed(2)}×)`
    }
  ];
}

/** Keystroke operations applied per second to a notebook, through the applier. */
export function benchKeystrokes(): BenchRow[] {
  const script = generatedScript(200);
  const notebook = YNotebook.create();
  const applier = new NotebookApplier(notebook, script);
  let keystrokes = 0;
  const start = performance.now();
  for (const step of script.steps) {
    for (const operation of step.operations) {
      if (operation.op === 'type') {
        for (const key of expandKeystrokes(operation)) {
          applier.apply(operation, key);
          keystrokes++;
        }
      } else if (isEditOperation(operation)) {
        applier.apply(operation);
      }
    }
  }
  const seconds = (performance.now() - start) / 1000;
  notebook.dispose();
  return [
    {
      measure: `keystrokes applied per second (${keystrokes} keystrokes)`,
      value: `${Math.round(keystrokes / seconds).toLocaleString('en')} /s`,
      target: '≫ 4× typing (60 /s)',
      ok: keystrokes / seconds > 60
    }
  ];
}

/**
 * The player on the real clock, typing into a real notebook, with a kernel
 * that answers after 50 ms and a learner who continues at once: how late
 * each cue lands against the time it was scheduled for. Half the time at
 * 1×, half at 4×.
 */
export async function benchLateness(seconds = Number(process.env.BENCH_SECONDS ?? 60)): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const speed of [1, 4]) {
    const { count, p50, p99, max } = await playOnRealClock(speed, (seconds * 1000) / 2);
    rows.push(
      { measure: `${speed}×: cues applied in ${seconds / 2} s`, value: `${count}` },
      { measure: `${speed}×: lateness p50 / max`, value: `${p50.toFixed(2)} / ${max.toFixed(2)} ms` },
      { measure: `${speed}×: lateness p99`, value: `${p99.toFixed(2)} ms`, target: '< 16 ms (one frame)', ok: p99 < 16 && count > 0 }
    );
  }
  return rows;
}

async function playOnRealClock(speed: number, ms: number) {
  const script = generatedScript(1000);
  const notebook = YNotebook.create();
  const applier = new NotebookApplier(notebook, script);
  const keyframes = new Keyframes(script);
  const player = new Player({
    script,
    clock: realClock,
    scheduler: realScheduler,
    speed,
    host: {
      applyEdit: (operation, typed) => applier.apply(operation, typed),
      runCell: () => new Promise(resolve => setTimeout(() => resolve({ ok: true, outputLines: 1 }), 50)),
      seek: index => applier.restore(keyframes.at(index)),
      restoreStep: index => applier.restore(keyframes.at(index)),
      cellNumber: id => notebook.cells.findIndex(cell => cell.id === id) + 1
    }
  });
  player.on('waitingForLearner', () => setTimeout(() => player.play(), 0));
  const lateness = recordLateness(player);
  player.play();
  await new Promise(resolve => setTimeout(resolve, ms));
  player.dispose();
  applier.dispose();
  notebook.dispose();
  return lateness.summary();
}
