/**
 * Hand-built scripts, a recording host that keeps the notebook as plain data,
 * and a player wired to a ManualClock: everything a player test needs, with
 * no compiler and no real time.
 */
import {
  NotebookState,
  isEditOperation,
  type CellInfo,
  type CellState,
  type EditOperation,
  type Operation,
  type Script,
  type Step
} from '../../../src/format/index.js';
import {
  ManualClock,
  Player,
  type Announcement,
  type EditConflict,
  type PlayerEvents,
  type PlayerHost,
  type PlayerOptions,
  type PlayerState,
  type RunResult,
  type TypedText
} from '../../../src/player/index.js';
import { Presenter } from '../../../src/session/index.js';

const presenter = new Presenter();

/** An announcement in English words, as the presenter says it. */
export function words(announcement: Announcement): string {
  return presenter.words(announcement);
}

export function makeScript(steps: Step[], cells: Record<string, CellInfo> = {}): Script {
  const declared: Record<string, CellInfo> = { ...cells };
  for (const step of steps) {
    for (const operation of step.operations) {
      if (operation.op === 'insert-cell' && !declared[operation.cell]) {
        declared[operation.cell] = { name: operation.cell, type: 'code' };
      }
    }
  }
  return { version: 1, title: 'Test tutorial', kernel: 'python3', cells: declared, steps };
}

export function makeStep(title: string, operations: Operation[], options: { narration?: string; narrationMs?: number } = {}): Step {
  return { title, narration: options.narration ?? '', narrationMs: options.narrationMs ?? 0, operations };
}

export const op = {
  insertCell: (cell: string, index: number, at: number): Operation => ({ op: 'insert-cell', cell, index, at }),
  type: (cell: string, offset: number, text: string, at: number, duration: number, summary?: string): Operation => ({
    op: 'type',
    cell,
    offset,
    text,
    at,
    duration,
    ...(summary ? { summary } : {})
  }),
  deleteText: (cell: string, offset: number, length: number, at: number): Operation => ({ op: 'delete-text', cell, offset, length, at }),
  deleteCell: (cell: string, at: number): Operation => ({ op: 'delete-cell', cell, at }),
  run: (cell: string, at: number): Operation => ({ op: 'run', cell, at }),
  narrate: (text: string, at: number, duration: number): Operation => ({ op: 'narrate', text, at, duration }),
  wait: (at: number, duration: number): Operation => ({ op: 'wait', at, duration }),
  pause: (at: number, prompt?: string): Operation => ({ op: 'pause', at, ...(prompt ? { prompt } : {}) })
};

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The tutorial's notebook at the start of step `index`, replayed from nothing. */
export function notebookAt(script: Script, index: number): NotebookState {
  const notebook = new NotebookState();
  for (const step of script.steps.slice(0, index)) {
    for (const operation of step.operations) {
      if (isEditOperation(operation)) {
        notebook.apply(operation, script);
      }
    }
  }
  return notebook;
}

/**
 * A host that keeps the notebook as a `NotebookState`, logs every call, and
 * lets the test decide when kernel runs and seeks finish.
 */
export class RecordingHost implements PlayerHost {
  notebook = new NotebookState();
  readonly calls: string[] = [];
  readonly edits: Array<{ operation: EditOperation; typed?: TypedText }> = [];
  readonly runs: Array<{ cell: string } & Deferred<RunResult>> = [];
  /** When set, seeks and restores wait until the test resolves them. */
  holdSeeks = false;
  readonly seeks: Array<Deferred<void>> = [];
  /** When set, the next `applyEdit` throws it. */
  throwOnEdit: Error | undefined;

  constructor(private readonly script: Script) {}

  /** The learner changes the notebook behind the player's back. */
  learnerChanges(change: (cells: CellState[]) => void): void {
    const cells = [...this.notebook.cells];
    change(cells);
    this.notebook = new NotebookState(cells);
  }

  applyEdit(operation: EditOperation, typed?: TypedText): void | EditConflict {
    if (this.throwOnEdit) {
      throw this.throwOnEdit;
    }
    const edit = operation.op === 'type' && typed ? { ...operation, offset: operation.offset + typed.index, text: typed.text } : operation;
    const problem = this.notebook.apply(edit, this.script);
    if (problem) {
      return { conflict: problem };
    }
    this.edits.push({ operation, ...(typed ? { typed } : {}) });
    this.calls.push(operation.op === 'type' ? `type ${operation.cell} ${JSON.stringify(typed?.text)}` : `${operation.op} ${operation.cell}`);
  }

  runCell(cell: string): Promise<RunResult> {
    this.calls.push(`run ${cell}`);
    const run = { cell, ...deferred<RunResult>() };
    this.runs.push(run);
    return run.promise;
  }

  seek(index: number): Promise<void> | void {
    this.calls.push(`seek ${index}`);
    return this.moveTo(index);
  }

  restoreStep(index: number): Promise<void> | void {
    this.calls.push(`restore ${index}`);
    return this.moveTo(index);
  }

  cellNumber(cell: string): number | undefined {
    const index = this.notebook.indexOf(cell);
    return index < 0 ? undefined : index + 1;
  }

  /** The text typed so far into a cell. */
  source(cell: string): string | undefined {
    return this.notebook.get(cell)?.source;
  }

  private moveTo(index: number): Promise<void> | void {
    const move = () => {
      this.notebook = notebookAt(this.script, index);
    };
    if (!this.holdSeeks) {
      move();
      return;
    }
    const gate = deferred<void>();
    this.seeks.push(gate);
    return gate.promise.then(move);
  }
}

/** Everything a player emitted, in order. */
export class Recorder {
  readonly announcements: Announcement[] = [];
  readonly states: PlayerState[] = [];
  readonly steps: number[] = [];
  readonly applied: Array<PlayerEvents['operationApplied']> = [];
  readonly events: Array<{ event: keyof PlayerEvents; payload: unknown }> = [];

  constructor(player: Player) {
    const names: Array<keyof PlayerEvents> = [
      'stateChanged',
      'stepChanged',
      'announcement',
      'operationApplied',
      'runRequested',
      'waitingForLearner',
      'pointing',
      'conflict',
      'error'
    ];
    for (const event of names) {
      player.on(event, payload => this.events.push({ event, payload }));
    }
    player.on('announcement', announcement => this.announcements.push(announcement));
    player.on('stateChanged', ({ state }) => this.states.push(state));
    player.on('stepChanged', ({ index }) => this.steps.push(index));
    player.on('operationApplied', applied => this.applied.push(applied));
  }

  /** The announcements in English words. */
  get said(): string[] {
    return this.announcements.map(words);
  }

  /** The announcements as a screen reader gets them: words and politeness. */
  get spoken(): Array<{ text: string; politeness: Announcement['politeness'] }> {
    return this.announcements.map(announcement => ({ text: words(announcement), politeness: announcement.politeness }));
  }

  /** Payloads of one event. */
  of<K extends keyof PlayerEvents>(event: K): Array<PlayerEvents[K]> {
    return this.events.filter(entry => entry.event === event).map(entry => entry.payload as PlayerEvents[K]);
  }
}

/**
 * Let promise chains (the command queue, kernel results) settle. Not a sleep:
 * it waits for no clock, only for already-queued work.
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise<void>(resolve => setImmediate(resolve));
  }
}

export function setup(script: Script, options: Partial<Omit<PlayerOptions, 'script' | 'clock' | 'scheduler' | 'host'>> & { latency?: number } = {}) {
  const { latency, ...rest } = options;
  const clock = new ManualClock({ latency: latency ?? 0 });
  const host = new RecordingHost(script);
  const player = new Player({ script, clock, scheduler: clock, host, ...rest });
  const recorder = new Recorder(player);
  return { clock, host, player, recorder, script };
}

/** One step typing `text` into a new cell "a", from 0 ms over `duration` ms. */
export function typingScript(text: string, duration: number): Script {
  return makeScript([makeStep('Type', [op.insertCell('a', 0, 0), op.type('a', 0, text, 0, duration)])]);
}
