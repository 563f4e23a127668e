/**
 * What the player has to say (docs/explanation/accessibility.md, R9, R10, R17–R19), as data: a tagged union
 * with a `kind`, the facts a front end needs to word it, and its politeness.
 * The player never makes sentences; each front end words these in one place
 * (`src/session`'s presenter: the lab through its translations, the CLI in
 * English), and nothing reads a sentence back to find out what happened.
 *
 * Polite unless the learner must act or something failed: assertive speech
 * interrupts the screen reader, so it is kept for exactly those (R9).
 */
import {
  countLines,
  describeCodeParts,
  userText,
  type CellType,
  type CodePart,
  type DeleteTextOperation,
  type Operation,
  type RunOperation,
  type Script,
  type Step,
  type TypeOperation
} from '../format/index.js';
import type { RunResult } from './host.js';

export type Politeness = 'polite' | 'assertive';

/**
 * The cell an announcement is about. `cellNumber` is its 1-based position in
 * the live notebook, what the learner navigates by ("cell 3"), even after they
 * added cells of their own; `undefined` when the cell is gone, and then the
 * author's `cellName` (or the cell's id, without one) names it.
 */
export interface AnnouncedCell {
  /** The cell's stable id. */
  cell: string;
  cellNumber?: number;
  cellName: string;
}

/** A step starts to play, once (R10): "Step 4 of 12: Load the data. <narration>". */
export interface StepStartedAnnouncement {
  kind: 'step-started';
  politeness: 'polite';
  /** 0-based. */
  index: number;
  count: number;
  title: string;
  /** The step's narration; empty when it has none. */
  narration: string;
}

/** After a seek: where the learner now is; the narration comes when the step plays. */
export interface StepReachedAnnouncement {
  kind: 'step-reached';
  politeness: 'polite';
  index: number;
  count: number;
  title: string;
}

/** Instead of keystrokes (R10): "Typing 3 lines into cell 2: defines mean". */
export interface TypingAnnouncement extends AnnouncedCell {
  kind: 'typing';
  politeness: 'polite';
  /** Lines of code typed, at least 1. */
  lines: number;
  /** The author's own words (`summary=`), to be said as written. */
  summary?: string;
  /** Without a summary: what the code does, found from the code (may be empty). */
  description: CodePart[];
  /** Typed before the text already in the cell (`at=start`). */
  atStart?: true;
  /** Inserted at once (`instant`), not typed. */
  instant?: boolean;
}

/**
 * Text replaced (`:::replace`), said once instead of a delete and a typing:
 * "Replacing text with 1 line in cell 3: calls print"; with nothing typed
 * after the delete, "Deleting text in cell 3".
 */
export interface ReplacingAnnouncement extends AnnouncedCell {
  kind: 'replacing';
  politeness: 'polite';
  /** Lines typed in place of the text; 0 when the text is only deleted. */
  lines: number;
  summary?: string;
  description: CodePart[];
}

/** A cell deleted (`::delete`): "Deleting cell 3". */
export interface DeletingAnnouncement extends AnnouncedCell {
  kind: 'deleting';
  politeness: 'polite';
}

/** A run finished, briefly (R19): "Cell 3 ran, 2 lines of output", "Cell 2 rendered". */
export interface RanAnnouncement extends AnnouncedCell {
  kind: 'ran';
  politeness: 'polite';
  /** Lines of output; `undefined` when the host did not count them. */
  outputLines?: number;
  /** The output itself when it is one short line (`SHORT_OUTPUT_LENGTH`), made safe to say: "Cell 3 ran: 83.0". */
  output?: string;
  /** A markdown cell: rendered, not run. */
  markdown: boolean;
}

/** A run failed: "Cell 3 raised NameError. Playback paused." */
export interface RaisedAnnouncement extends AnnouncedCell {
  kind: 'raised';
  politeness: 'assertive';
  /** The error's name (`NameError`), never the traceback; `undefined` when unknown. */
  error?: string;
  /** Whether the failure paused playback (it does not when the learner had already paused). */
  pausedByIt: boolean;
}

/** A `:::say` line of the tutorial. */
export interface NarrationAnnouncement {
  kind: 'narration';
  politeness: 'polite';
  text: string;
}

/** A pause in the tutorial: it needs the learner, so assertive (R9). */
export interface YourTurnAnnouncement {
  kind: 'your-turn';
  politeness: 'assertive';
  /** The author's prompt, if any. */
  prompt?: string;
}

/** The learner took control; the embedder adds which cell is active and how to leave the editor (R17). */
export interface TookOverAnnouncement {
  kind: 'took-over';
  politeness: 'polite';
}

/** Playback continues after a take-over, a pause or a conflict (R18). */
export interface ResumingAnnouncement {
  kind: 'resuming';
  politeness: 'polite';
  index: number;
}

export interface FinishedAnnouncement {
  kind: 'finished';
  politeness: 'polite';
}

/** An edit that cannot land on the learner's notebook: playback paused, they must choose. */
export interface ConflictAnnouncement {
  kind: 'conflict';
  politeness: 'assertive';
  /** The step that cannot continue. */
  index: number;
  /** The cell the edit is for. */
  cell: string;
  /** What is in the way, in the host's words (`EditConflict.conflict`). */
  message: string;
}

/** Playback stopped on a broken host or a failed command; only a seek goes on. */
export interface FailedAnnouncement {
  kind: 'failed';
  politeness: 'assertive';
  /** The error's message. */
  message: string;
}

export type Announcement =
  | StepStartedAnnouncement
  | StepReachedAnnouncement
  | TypingAnnouncement
  | ReplacingAnnouncement
  | DeletingAnnouncement
  | RanAnnouncement
  | RaisedAnnouncement
  | NarrationAnnouncement
  | YourTurnAnnouncement
  | TookOverAnnouncement
  | ResumingAnnouncement
  | FinishedAnnouncement
  | ConflictAnnouncement
  | FailedAnnouncement;

export type AnnouncementKind = Announcement['kind'];

export function stepStarted(index: number, count: number, step: Step): StepStartedAnnouncement {
  return { kind: 'step-started', politeness: 'polite', index, count, title: step.title, narration: step.narration };
}

export function stepReached(index: number, count: number, title: string): StepReachedAnnouncement {
  return { kind: 'step-reached', politeness: 'polite', index, count, title };
}

export function typing(operation: TypeOperation, cell: AnnouncedCell, cellType?: CellType): TypingAnnouncement {
  return {
    kind: 'typing',
    politeness: 'polite',
    ...cell,
    lines: Math.max(1, countLines(operation.text)),
    ...(operation.summary !== undefined ? { summary: operation.summary } : {}),
    description: operation.summary !== undefined ? [] : describeCodeParts(operation.text, cellType),
    ...(operation.atStart ? { atStart: true as const } : {}),
    ...(operation.instant ? { instant: true } : {})
  };
}

/** `typed` replaces the deleted text, or nothing does (`undefined`). */
export function replacing(typed: TypeOperation | undefined, cell: AnnouncedCell, cellType?: CellType): ReplacingAnnouncement {
  return {
    kind: 'replacing',
    politeness: 'polite',
    ...cell,
    lines: typed ? Math.max(1, countLines(typed.text)) : 0,
    ...(typed?.summary !== undefined ? { summary: typed.summary } : {}),
    description: !typed || typed.summary !== undefined ? [] : describeCodeParts(typed.text, cellType)
  };
}

/**
 * The `type` that puts new text where `deleted` took text out, if the
 * operation after it is that: together they are one `:::replace` (the same
 * cell, offset and tutorial line), said once.
 */
export function replacementOf(deleted: DeleteTextOperation, next: Operation | undefined): TypeOperation | undefined {
  return next?.op === 'type' && next.cell === deleted.cell && next.offset === deleted.offset && next.line === deleted.line ? next : undefined;
}

export function deleting(cell: AnnouncedCell): DeletingAnnouncement {
  return { kind: 'deleting', politeness: 'polite', ...cell };
}

/** Output up to this many characters, on one line, is said with the run's result. */
export const SHORT_OUTPUT_LENGTH = 80;

export function ran(cell: AnnouncedCell, outputLines: number | undefined, markdown: boolean, output?: string): RanAnnouncement {
  // Said only when it is what the learner would read at a glance: one short line.
  const short = output !== undefined && outputLines === 1 ? output.trim() : '';
  const said = short && !/[\r\n]/.test(short) && [...short].length <= SHORT_OUTPUT_LENGTH ? userText(short, SHORT_OUTPUT_LENGTH) : '';
  return {
    kind: 'ran',
    politeness: 'polite',
    ...cell,
    ...(outputLines !== undefined ? { outputLines } : {}),
    ...(said ? { output: said } : {}),
    markdown
  };
}

export function raised(cell: AnnouncedCell, error: string | undefined, pausedByIt: boolean): RaisedAnnouncement {
  return { kind: 'raised', politeness: 'assertive', ...cell, ...(error ? { error } : {}), pausedByIt };
}

export function narration(text: string): NarrationAnnouncement {
  return { kind: 'narration', politeness: 'polite', text };
}

export function yourTurn(prompt: string | undefined): YourTurnAnnouncement {
  return { kind: 'your-turn', politeness: 'assertive', ...(prompt ? { prompt } : {}) };
}

export function tookOver(): TookOverAnnouncement {
  return { kind: 'took-over', politeness: 'polite' };
}

export function resuming(index: number): ResumingAnnouncement {
  return { kind: 'resuming', politeness: 'polite', index };
}

export function finished(): FinishedAnnouncement {
  return { kind: 'finished', politeness: 'polite' };
}

export function conflicted(index: number, cell: string, message: string): ConflictAnnouncement {
  return { kind: 'conflict', politeness: 'assertive', index, cell, message };
}

export function failed(message: string): FailedAnnouncement {
  return { kind: 'failed', politeness: 'assertive', message };
}

// Which announcement, if any: the choices the player makes, kept beside the
// announcements so that what is said, and when, reads in one place.

/** Cell `cell` at 1-based `cellNumber` in the live notebook (`undefined`: gone), named by its author in `script`. */
export function cellNamed(cell: string, cellNumber: number | undefined, script: Script): AnnouncedCell {
  const cellName = script.cells[cell]?.name ?? cell;
  return cellNumber === undefined ? { cell, cellName } : { cell, cellNumber, cellName };
}

/**
 * What to say when the edit `operations[index]` has landed, if anything: a
 * deleted cell (named by `cell()` as it was before it went), a `delete-text`
 * and the `type` replacing it as one replacement, a `type` at its first
 * keystroke. `cell` is called only when something is said: asking the host
 * for a cell's number on every keystroke would cost.
 */
export function afterEdit(
  operations: readonly Operation[],
  index: number,
  firstKeystroke: boolean,
  cell: () => AnnouncedCell,
  cellType: CellType | undefined
): Announcement | undefined {
  const operation = operations[index];
  if (operation.op === 'delete-cell') {
    return deleting(cell());
  }
  if (operation.op === 'delete-text') {
    return replacing(replacementOf(operation, operations[index + 1]), cell(), cellType);
  }
  if (operation.op === 'type' && firstKeystroke) {
    // The typing half of a replace was said with its delete.
    const previous = operations[index - 1];
    return previous?.op === 'delete-text' && replacementOf(previous, operation) ? undefined : typing(operation, cell(), cellType);
  }
  return undefined;
}

/** Whether playback goes on after a run: it succeeded, or raised the exception the tutorial shows on purpose (`error=`). */
export function runWentAsMeant(operation: RunOperation, result: RunResult): boolean {
  return result.ok || (operation.error !== undefined && result.error === operation.error);
}

/** What to say when a run finished; `pausedByIt` when it failed and that paused playback. */
export function afterRun(result: RunResult, cell: AnnouncedCell, markdown: boolean, pausedByIt: boolean): Announcement {
  return result.ok ? ran(cell, result.outputLines, markdown, result.output) : raised(cell, result.error, pausedByIt);
}
