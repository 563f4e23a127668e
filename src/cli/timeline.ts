import { Keyframes } from '../apply/index.js';
import { NotebookState, userText, type Operation, type PointOperation, type Script } from '../format/index.js';
import { ManualClock, Player, type Announcement, type PlayerHost } from '../player/index.js';
import { playToEnd, Presenter } from '../session/index.js';

export interface TimelineWait {
  at: number;
  /** On the kernel's run, on the learner (a pause), or a `::wait` of a set time. */
  kind: 'kernel' | 'learner' | 'timed';
  /** For a kernel wait, the cell's number. */
  cell?: number;
  /** For a timed wait, how long, in ms of script time. */
  duration?: number;
  /** The tutorial line of the directive that waits. */
  line?: number;
}

/** One thing that happens, in the order it happens: what is said, or a wait. */
export interface TimelineEvent {
  at: number;
  /**
   * An announcement's kind (`step-started`, `typing`, `ran`, …), `points` for
   * what `::point` says, or the wait's: `waits-for-kernel`, `waits-for-learner`, `wait`.
   */
  kind: Announcement['kind'] | 'points' | 'waits-for-kernel' | 'waits-for-learner' | 'wait';
  /** The tutorial line it comes from (a step's heading, a directive, a paragraph), when there is one. */
  line?: number;
  /** What a screen reader hears, or what the wait is, in English. */
  text: string;
}

export interface TimelineStep {
  index: number;
  title: string;
  /** ms from the start of the tutorial, waits on the world counted as zero. */
  start: number;
  duration: number;
  /** What is said, in order: each announcement as the player emitted it, when, and its English words. */
  announcements: TimelineAnnouncement[];
  waits: TimelineWait[];
  /** The announcements and the waits together, in order. */
  events: TimelineEvent[];
}

export type TimelineAnnouncement = Announcement & { at: number; text: string; line?: number };

export interface Timeline {
  title: string;
  speed: number;
  steps: TimelineStep[];
  /** ms, without the time the kernel and the learner take. */
  total: number;
}

/**
 * Play the script headless at `speed`, with the real player and a manual
 * clock, and record when each step starts, how long it lasts, what a screen
 * reader hears, and where playback waits for the kernel or the learner.
 *
 * Nobody edits this notebook but the tutorial, so it is always the one the
 * tutorial expects, and all the player asks of it is where each cell is (for
 * "cell 3"): the cells' places are followed on plain data (`cellPlaces`). A
 * real `@jupyter/ydoc` notebook would add nothing to what is heard or when,
 * and costs a walk of every cell on each cell the tutorial adds: quadratic.
 */
export async function buildTimeline(script: Script, speed = 1): Promise<Timeline> {
  const steps: TimelineStep[] = [];
  const presenter = new Presenter();
  const clock = new ManualClock();
  const places = cellPlaces(script);
  const player = new Player({
    script,
    clock,
    scheduler: clock,
    speed,
    host: {
      ...places,
      runCell: cellId => {
        const line = lastApplied?.line;
        wait({ at: clock.now(), kind: 'kernel', cell: places.cellNumber(cellId) ?? 0, ...(line ? { line } : {}) });
        return Promise.resolve({ ok: true });
      }
    }
  });
  // What an announcement is about: the operation just applied (a run's result comes before the next one).
  let lastApplied: Operation | undefined;
  // Events in the order they happen: a kernel's wait before its result, a learner's after the prompt.
  const wait = (entry: TimelineWait) => {
    const step = steps[steps.length - 1];
    step?.waits.push(entry);
    step?.events.push(waitEvent(entry));
  };
  const startStep = (index: number) => {
    steps.push({ index, title: script.steps[index].title, start: clock.now(), duration: 0, announcements: [], waits: [], events: [] });
  };
  try {
    startStep(0);
    player.on('stepChanged', ({ index }) => {
      lastApplied = undefined;
      if (index < script.steps.length && steps.length === index) {
        startStep(index);
      }
    });
    player.on('operationApplied', ({ operation, appliedAt }) => {
      lastApplied = operation;
      if (operation.op === 'wait') {
        wait({ at: appliedAt, kind: 'timed', duration: operation.duration, ...(operation.line ? { line: operation.line } : {}) });
      }
    });
    // `::point` is said by the front end, which names where the command's control is: here, by its id.
    player.on('pointing', ({ operation }) => {
      steps[steps.length - 1]?.events.push(pointEvent(operation, clock.now()));
    });
    player.on('announcement', announcement => {
      const line = announcement.kind === 'step-started' ? script.steps[announcement.index].line : lastApplied?.line;
      const entry: TimelineAnnouncement = { ...announcement, at: clock.now(), text: presenter.words(announcement), ...(line ? { line } : {}) };
      steps[steps.length - 1]?.announcements.push(entry);
      steps[steps.length - 1]?.events.push(announcementEvent(entry));
    });
    await playToEnd(player, clock, (kind, at) => {
      // The learner is waited for at a pause, or at a `::point{… wait}`.
      const line = lastApplied?.op === 'pause' || lastApplied?.op === 'point' ? lastApplied.line : undefined;
      wait({ at, kind, ...(line ? { line } : {}) });
    });
    const total = clock.now();
    steps.forEach((step, i) => {
      step.duration = (steps[i + 1]?.start ?? total) - step.start;
    });
    return { title: script.title, speed, steps, total };
  } finally {
    player.dispose();
  }
}

/**
 * The notebook's cells in the tutorial's order, for a player whose notebook
 * only the tutorial writes: inserting and deleting cells moves them, typing
 * does not, so only those two edits are followed (sources stay empty).
 */
function cellPlaces(script: Script): Pick<PlayerHost, 'applyEdit' | 'seek' | 'restoreStep' | 'cellNumber'> {
  let cells = new NotebookState();
  let shared = false;
  let keyframes: Keyframes | undefined;
  const moveTo = (index: number) => {
    cells = (keyframes ??= new Keyframes(script)).at(index);
    shared = true;
  };
  return {
    applyEdit: operation => {
      if (operation.op === 'insert-cell' || operation.op === 'delete-cell') {
        if (shared) {
          cells = cells.clone();
          shared = false;
        }
        cells.apply(operation, script, true);
      }
    },
    seek: moveTo,
    restoreStep: moveTo,
    cellNumber: cellId => {
      const index = cells.indexOf(cellId);
      return index < 0 ? undefined : index + 1;
    }
  };
}

/** "1:02.5" */
export function formatClock(ms: number): string {
  const tenths = Math.round(ms / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return `${minutes}:${seconds}`;
}

/** A wait as an event of the timeline. */
function waitEvent(wait: TimelineWait): TimelineEvent {
  const kinds = { kernel: 'waits-for-kernel', learner: 'waits-for-learner', timed: 'wait' } as const;
  const text =
    wait.kind === 'kernel'
      ? `waits for the kernel to run cell ${wait.cell}`
      : wait.kind === 'learner'
        ? 'waits for the learner'
        : `waits ${formatSeconds(wait.duration ?? 0)}`;
  return { at: wait.at, kind: kinds[wait.kind], ...(wait.line ? { line: wait.line } : {}), text };
}

/** What `::point` says, as the player in JupyterLab says it, with the control's place left to JupyterLab. */
function pointEvent(operation: PointOperation, at: number): TimelineEvent {
  const control = `the control that runs “${userText(operation.command)}” (its place, as JupyterLab shows it)`;
  return {
    at,
    kind: 'points',
    ...(operation.line ? { line: operation.line } : {}),
    text: `says: ${operation.wait ? `${control}. Run it to continue, or press Skip.` : control}`
  };
}

/** An announcement as an event of the timeline. */
function announcementEvent(announcement: TimelineAnnouncement): TimelineEvent {
  return {
    at: announcement.at,
    kind: announcement.kind,
    ...(announcement.line ? { line: announcement.line } : {}),
    text: `${announcement.politeness === 'assertive' ? 'says at once' : 'says'}: ${announcement.text.replace(/\s*\n+\s*/g, ' ')}`
  };
}

/** "1.5 s" */
function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

export function renderTimeline(timeline: Timeline): string {
  const lines = [`${timeline.title}: timeline at ${timeline.speed}× speed`, ''];
  for (const step of timeline.steps) {
    lines.push(`Step ${step.index + 1}  ${formatClock(step.start)}  (${formatClock(step.duration)})  ${step.title}`);
    for (const event of step.events) {
      lines.push(`    ${formatClock(event.at)}  ${event.text}`);
    }
    lines.push('');
  }
  const kernel = timeline.steps.reduce((n, s) => n + s.waits.filter(w => w.kind === 'kernel').length, 0);
  const learner = timeline.steps.reduce((n, s) => n + s.waits.filter(w => w.kind === 'learner').length, 0);
  lines.push(`Total: ${formatClock(timeline.total)}, plus ${kernel} wait${kernel === 1 ? '' : 's'} for the kernel and ${learner} for the learner`);
  return `${lines.join('\n')}\n`;
}
