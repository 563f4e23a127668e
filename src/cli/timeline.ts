import { Keyframes } from '../apply/index.js';
import { NotebookState, type Script } from '../format/index.js';
import { ManualClock, Player, type Announcement, type PlayerHost } from '../player/index.js';
import { Presenter } from '../session/index.js';
import { playToEnd } from './headless-session.js';

export interface TimelineWait {
  at: number;
  kind: 'kernel' | 'learner';
  /** For a kernel wait, the cell's number. */
  cell?: number;
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
}

export type TimelineAnnouncement = Announcement & { at: number; text: string };

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
        steps[steps.length - 1]?.waits.push({ at: clock.now(), kind: 'kernel', cell: places.cellNumber(cellId) ?? 0 });
        return Promise.resolve({ ok: true });
      }
    }
  });
  const startStep = (index: number) => {
    steps.push({ index, title: script.steps[index].title, start: clock.now(), duration: 0, announcements: [], waits: [] });
  };
  try {
    startStep(0);
    player.on('stepChanged', ({ index }) => {
      if (index < script.steps.length && steps.length === index) {
        startStep(index);
      }
    });
    player.on('announcement', announcement => {
      steps[steps.length - 1]?.announcements.push({ ...announcement, at: clock.now(), text: presenter.words(announcement) });
    });
    await playToEnd(player, clock, (kind, at) => steps[steps.length - 1]?.waits.push({ at, kind }));
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

export function renderTimeline(timeline: Timeline): string {
  const lines = [`${timeline.title}: timeline at ${timeline.speed}× speed`, ''];
  for (const step of timeline.steps) {
    lines.push(`Step ${step.index + 1}  ${formatClock(step.start)}  (${formatClock(step.duration)})  ${step.title}`);
    // At one instant: the kernel's wait, then what is said, then the learner's
    // wait, which the prompt announces (the sort is stable).
    const waits = (kind: TimelineWait['kind']) =>
      step.waits
        .filter(w => w.kind === kind)
        .map(w => ({ at: w.at, text: kind === 'kernel' ? `waits for the kernel to run cell ${w.cell}` : 'waits for the learner' }));
    const events = [
      ...waits('kernel'),
      ...step.announcements.map(a => ({
        at: a.at,
        text: `${a.politeness === 'assertive' ? 'says at once' : 'says'}: ${a.text.replace(/\s*\n+\s*/g, ' ')}`
      })),
      ...waits('learner')
    ].sort((a, b) => a.at - b.at);
    for (const event of events) {
      lines.push(`    ${formatClock(event.at)}  ${event.text}`);
    }
    lines.push('');
  }
  const kernel = timeline.steps.reduce((n, s) => n + s.waits.filter(w => w.kind === 'kernel').length, 0);
  const learner = timeline.steps.reduce((n, s) => n + s.waits.filter(w => w.kind === 'learner').length, 0);
  lines.push(`Total: ${formatClock(timeline.total)}, plus ${kernel} wait${kernel === 1 ? '' : 's'} for the kernel and ${learner} for the learner`);
  return `${lines.join('\n')}\n`;
}
