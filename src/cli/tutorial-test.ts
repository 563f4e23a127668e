import { cellInfo, outputMatches, type OutputMatch, type PauseOperation, type RunOperation, type Script } from '../format/index.js';
import type { RunResult } from '../player/index.js';
import { HeadlessSession, settle } from '../session/index.js';
import { KernelLostError, type Execution } from './kernel/index.js';
import { answersAtPauses, type Answer } from './pause-answers.js';

export type { Answer } from './pause-answers.js';

/** What runs a tutorial's code: one kernel, fresh for the tutorial. */
export interface TestKernel {
  execute(code: string, timeoutMs: number): Promise<Execution>;
}

/** Why one run did not do what its `:::run` (or answer) says. */
export interface RunFailure {
  kind: 'output' | 'unexpected-error' | 'missing-error' | 'wrong-error';
  line: number;
  column: number;
  /** The author's name of the cell, or `answer` for a model answer. */
  cell: string;
  source: string;
  expected?: string;
  match: OutputMatch;
  actual: string;
  /** The exception raised (expected or not): its name and message. */
  raised?: { name: string; value: string };
  /** The exception the block expects. */
  expectedError?: string;
}

export interface TutorialOutcome {
  status: 'passed' | 'failed' | 'errored';
  /** Wall time of the whole tutorial, kernel start included. */
  ms: number;
  /** Time spent waiting for the kernel to execute code, kernel start excluded. */
  kernelMs: number;
  runs: number;
  /** Runs whose output was compared (they have an expected output). */
  compared: number;
  failures: RunFailure[];
  /** Why the tutorial could not be played to its end (the kernel died, hung, …). */
  error?: string;
}

export interface TestOptions {
  timeoutMs: number;
  answers?: readonly Answer[];
  /** Hears each run as it starts, for a progress line. */
  onRun?: (done: number, total: number, step: number) => void;
  /** Hears what each `::run` of a code cell made the kernel show, for `notecast bake`. */
  onExecution?: (operation: RunOperation, execution: Execution) => void;
}

/** Kernel time and the number of runs are measured here, for `make bench`. */
export async function testTutorial(script: Script, kernel: TestKernel, options: TestOptions): Promise<TutorialOutcome> {
  const started = performance.now();
  const outcome: TutorialOutcome = { status: 'passed', ms: 0, kernelMs: 0, runs: 0, compared: 0, failures: [] };
  const total = script.steps.reduce((sum, step) => sum + step.operations.filter(operation => operation.op === 'run').length, 0);
  const pauses = script.steps.flatMap(step => step.operations.filter((operation): operation is PauseOperation => operation.op === 'pause'));
  let pauseIndex = 0;
  const atPauses = answersAtPauses(
    pauses.map(pause => pause.line),
    options.answers ?? []
  );
  if (!Array.isArray(atPauses)) {
    return { ...outcome, status: 'errored', error: atPauses.problem, ms: performance.now() - started };
  }
  const answersByPause = atPauses;
  let current: { operation: RunOperation; step: number } | undefined;
  let inFlight: Promise<unknown> | undefined;
  let aborted: string | undefined;

  const execute = async (code: string): Promise<Execution> => {
    const before = performance.now();
    try {
      return await kernel.execute(code, options.timeoutMs);
    } finally {
      outcome.kernelMs += performance.now() - before;
    }
  };

  const runCell = (cellId: string, session: HeadlessSession): Promise<RunResult> => {
    const run = current;
    current = undefined;
    const task = (async (): Promise<RunResult> => {
      outcome.runs++;
      options.onRun?.(outcome.runs, total, (run?.step ?? 0) + 1);
      // A markdown cell "runs" by rendering: nothing for a kernel to do.
      if (aborted || cellInfo(script, cellId)?.type !== 'code') {
        return { ok: true };
      }
      const source = session.notebook.cells.find(cell => cell.id === cellId)?.getSource() ?? '';
      try {
        const execution = await execute(source);
        if (run) {
          options.onExecution?.(run.operation, execution);
          check(outcome, { ...expectation(run.operation), cell: cellInfo(script, cellId)?.name ?? cellId, source }, execution);
        }
      } catch (error) {
        if (!(error instanceof KernelLostError)) {
          throw error;
        }
        aborted = `${error.message}, at the run of cell "${cellInfo(script, cellId)?.name ?? cellId}" (line ${run?.operation.line ?? '?'})`;
      }
      // Errors are findings, not reasons to stop: the rest of the tutorial still plays and is checked.
      return { ok: true };
    })();
    inFlight = task;
    return task;
  };

  const session: HeadlessSession = new HeadlessSession(script, { runCell: cellId => runCell(cellId, session), reducedMotion: true });
  session.player.on('runRequested', ({ operation, step }) => {
    current = { operation, step };
  });
  // `::point{… wait}` waits for the learner too, but it is no exercise: nothing to answer.
  let waitingForCommand = false;
  session.player.on('waitingForLearner', ({ command }) => {
    waitingForCommand = command !== undefined;
  });
  try {
    void session.player.play();
    await settle();
    let stalled = 0;
    while (!aborted) {
      const player = session.player;
      const state = player.state;
      if (state === 'ended') {
        break;
      }
      if (state === 'error') {
        aborted = `playback failed at step ${player.step + 1}`;
        break;
      }
      if (inFlight) {
        const waiting = inFlight;
        inFlight = undefined;
        await waiting;
        await settle();
        stalled = 0;
        continue;
      }
      const next = session.clock.nextTimerAt;
      if (state === 'waiting-for-learner' && waitingForCommand) {
        void player.play();
      } else if (state === 'waiting-for-learner') {
        await answerPause(pauses[pauseIndex], pauseIndex);
        pauseIndex++;
        void player.play();
      } else if (state === 'paused') {
        void player.play();
      } else if (next !== undefined) {
        session.clock.advanceTo(next);
        if (player.state === 'playing' && !player.busy) {
          continue;
        }
      } else if (++stalled > 1000) {
        aborted = `playback stopped moving (${state} at step ${player.step + 1})`;
        break;
      }
      await settle();
    }
  } finally {
    session.dispose();
  }
  if (aborted) {
    outcome.error = aborted;
  }
  outcome.status = aborted ? 'errored' : outcome.failures.length > 0 ? 'failed' : 'passed';
  outcome.ms = performance.now() - started;
  return outcome;

  async function answerPause(pause: PauseOperation | undefined, index: number): Promise<void> {
    for (const answer of answersByPause[index] ?? []) {
      if (aborted) {
        return;
      }
      try {
        const execution = await execute(answer.code);
        check(
          outcome,
          {
            expect: answer.expect,
            match: answer.match ?? 'exact',
            error: answer.error,
            line: pause?.line ?? 1,
            column: 1,
            cell: 'answer',
            source: answer.code
          },
          execution
        );
      } catch (error) {
        if (!(error instanceof KernelLostError)) {
          throw error;
        }
        aborted = `${error.message}, at the answer to the pause on line ${pause?.line ?? '?'}`;
      }
    }
  }
}

interface Expectation {
  expect?: string;
  match: OutputMatch;
  error?: string;
  line: number;
  column: number;
  cell: string;
  source: string;
}

function expectation(operation: RunOperation): Omit<Expectation, 'cell' | 'source'> {
  return {
    expect: operation.expect,
    match: operation.match ?? 'exact',
    error: operation.error,
    line: operation.line ?? 1,
    // A directive stands at the start of its line: the compiler refuses indented or nested ones.
    column: 1
  };
}

/** Compare one execution with what its block expects; each way it differs is one failure. */
function check(outcome: TutorialOutcome, want: Expectation, got: Execution): void {
  const base = { line: want.line, column: want.column, cell: want.cell, source: want.source, match: want.match, actual: got.output };
  const raised = got.error;
  if (raised && raised.name !== want.error) {
    outcome.failures.push({ ...base, kind: want.error ? 'wrong-error' : 'unexpected-error', raised, expectedError: want.error, expected: want.expect });
    return;
  }
  if (!raised && want.error) {
    outcome.failures.push({ ...base, kind: 'missing-error', expectedError: want.error, expected: want.expect });
    return;
  }
  if (want.expect !== undefined) {
    outcome.compared++;
    if (!outputMatches(want.expect, got.output, want.match)) {
      outcome.failures.push({ ...base, kind: 'output', expected: want.expect, raised });
    }
  }
}
