import { performance } from 'node:perf_hooks';
import { YNotebook } from '@jupyter/ydoc';
import { Keyframes, NotebookApplier } from '../src/apply/index.js';
import { compile } from '../src/compiler/index.js';
import { expandKeystrokes, isEditOperation, type Script } from '../src/format/index.js';
import { realClock, realScheduler } from '../src/player/index.js';
import { PlaybackSession } from '../src/session/index.js';
// Internal to the package (not in the player's public surface): only the bench measures lateness.
import { recordLateness } from '../src/player/lateness.js';
import { generateTutorial } from './generate.js';
import { medianMs, type BenchRow } from './measure.js';

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
  const seekFromEmptyMs = medianMs(
    () => {
      const notebook = YNotebook.create();
      const applier = new NotebookApplier(notebook, script);
      applier.restore(keyframes.at(last));
      applier.dispose();
      notebook.dispose();
    },
    5,
    1
  );
  // From one step to the next, as the learner presses Next: the keyframe
  // lookup and the restore together, on one notebook that moves forward step
  // by step (no toggling back and forth, which would only measure the deleted
  // cells a Yjs array keeps). The time spent inside the notebook's
  // transactions is @jupyter/ydoc's and Yjs's: it grows with the notebook, as
  // the cells observer walks the whole Yjs array on every change to the list
  // of cells. The rest, measured in the same calls, is Notecast's own.
  const run = 30;
  const nextSteps = (end: number) => {
    const notebook = YNotebook.create();
    const applier = new NotebookApplier(notebook, script);
    applier.restore(keyframes.at(end - run));
    let insideYjs = 0;
    const transact = notebook.transact.bind(notebook);
    notebook.transact = (edit, undoable, origin) => {
      const start = performance.now();
      try {
        transact(edit, undoable, origin);
      } finally {
        insideYjs += performance.now() - start;
      }
    };
    const total: number[] = [];
    const yjs: number[] = [];
    const own: number[] = [];
    for (let index = end - run + 1; index <= end; index++) {
      insideYjs = 0;
      const start = performance.now();
      applier.restore(keyframes.at(index));
      const elapsed = performance.now() - start;
      total.push(elapsed);
      yjs.push(insideYjs);
      own.push(elapsed - insideYjs);
    }
    applier.dispose();
    notebook.dispose();
    return { total, yjs, own };
  };
  const earlyIndex = Math.round(last / 10);
  const samples = {
    early: { total: [] as number[], yjs: [] as number[], own: [] as number[] },
    late: { total: [] as number[], yjs: [] as number[], own: [] as number[] }
  };
  for (let round = 0; round < 8; round++) {
    // Alternated, so a change of load on the machine hits both sides alike;
    // the first round warms up.
    for (const [side, end] of [
      ['early', earlyIndex],
      ['late', last]
    ] as const) {
      const measured = nextSteps(end);
      if (round > 0) {
        samples[side].total.push(...measured.total);
        samples[side].yjs.push(...measured.yjs);
        samples[side].own.push(...measured.own);
      }
    }
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const [early, late] = [median(samples.early.total), median(samples.late.total)];
  const [earlyYjs, lateYjs] = [median(samples.early.yjs), median(samples.late.yjs)];
  const [earlyOwn, lateOwn] = [median(samples.early.own), median(samples.late.own)];
  // Below the timer's resolution (1 µs) a ratio means nothing: count it as 1 µs.
  const ownRatio = Math.max(lateOwn, 0.001) / Math.max(earlyOwn, 0.001);
  const ratio = replayMs / seekFromEmptyMs;
  return [
    { measure: `replay from the start to step ${last}`, value: `${replayMs.toFixed(1)} ms` },
    { measure: `seek to step ${last} (from an empty notebook)`, value: `${seekFromEmptyMs.toFixed(1)} ms` },
    { measure: 'replay / seek', value: `${ratio.toFixed(1)}×`, target: '≥ 20×', ok: ratio >= 20 },
    {
      measure: `next-step seek at step ${earlyIndex} / ${last} (keyframe + restore)`,
      value: `${µs(early)} / ${µs(late)} µs (${(late / early).toFixed(2)}×)`
    },
    { measure: '  of which inside @jupyter/ydoc and Yjs', value: `${µs(earlyYjs)} / ${µs(lateYjs)} µs (${(lateYjs / earlyYjs).toFixed(2)}×)` },
    {
      measure: "  of which Notecast's own",
      value: `${µs(earlyOwn)} / ${µs(lateOwn)} µs (${ownRatio.toFixed(2)}×)`,
      target: 'flat (≤ 2×)',
      ok: ownRatio <= 2
    }
  ];
}

const µs = (ms: number) => (ms < 0.001 ? '< 1' : (ms * 1000).toFixed(1));

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
  const session = new PlaybackSession({
    script,
    notebook,
    clock: realClock,
    scheduler: realScheduler,
    speed,
    frontEnd: { runCell: () => new Promise(resolve => setTimeout(() => resolve({ ok: true, outputLines: 1 }), 50)) }
  });
  const player = session.player;
  player.on('waitingForLearner', () => setTimeout(() => void player.play(), 0));
  const lateness = recordLateness(player);
  void player.play();
  await new Promise(resolve => setTimeout(resolve, ms));
  session.dispose();
  notebook.dispose();
  return lateness.summary();
}
