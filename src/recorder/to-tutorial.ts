/**
 * Turns a recording into an ordinary Notecast tutorial in Markdown, which the
 * author then edits like any other: a heading per step, consecutive typing
 * into one cell as one `:::type` at the author's pace, edits inside text as
 * `:::replace`, runs with the output the author saw, long pauses as `::wait`.
 *
 * Played back, the tutorial ends in the notebook the author left, cell for
 * cell and byte for byte, and takes about as long as the session did (idle
 * gaps capped). The compiler adds a beat after each action (`GAP_AFTER`), so
 * the waits written here are what the real gaps had beyond those beats.
 */
import { GAP_AFTER, stepOpeningMs, SPEED_RANGE, DEFAULT_PACE } from '../compiler/index.js';
import { minimalEdit } from '../apply/index.js';
import { countKeystrokes, formatBytes, INPUT_LIMITS, kernelLanguage, utf8Length, type CellType } from '../format/index.js';
import { findableStretch } from './find-text.js';
import { attributeValue, container, fencedBlock, plainProse, unwritableIn, yamlString } from './markdown-text.js';
import { Lines } from './text-lines.js';
import type { RecordedCell, RecordedEvent, Recording } from './recording.js';
import { RecordingRefusedError } from './refusal.js';
import { runBlock } from './run-block.js';

export interface TutorialFromRecordingOptions {
  /** The narration of a step the author has not written yet; they are told where each one is. */
  placeholderNarration?: string;
  /** The title of a step the recording did not name (`n` counts from 1). */
  stepTitle?: (n: number) => string;
  /** An idle gap at least this long starts a new step (ms). */
  newStepAfterMs?: number;
  /** Gaps shorter than this (beyond the compiler's own beat) are not written as `::wait` (ms). */
  waitFromMs?: number;
  /** The longest `::wait` written: longer idle gaps are capped to it (ms). */
  maxWaitMs?: number;
  /** Typing into one cell with pauses up to this long is one `:::type` (ms). */
  typingPauseMs?: number;
  /** The tutorial's title when the recording's is blank. */
  untitled?: string;
}

export type RecordingNoteKind = 'placeholder-narration' | 'moved-cell' | 'unknown-cell' | 'run-source-differs' | 'output-shortened' | 'error-not-named';

/** Something the author should know about the tutorial written, at a line of it. */
export interface RecordingNote {
  kind: RecordingNoteKind;
  line: number;
  message: string;
}

export interface TutorialFromRecording {
  markdown: string;
  notes: RecordingNote[];
  /** How many steps the tutorial has. */
  steps: number;
}

/** What the compiler takes as a tutorial's `kernel`. */
const KERNEL_NAME = /^[A-Za-z0-9_.-]+$/;

const DEFAULTS = {
  placeholderNarration: 'Describe what happens in this step.',
  stepTitle: (n: number) => `Step ${n}`,
  newStepAfterMs: 60_000,
  waitFromMs: 1_000,
  maxWaitMs: 10_000,
  typingPauseMs: 2_000,
  untitled: 'Recorded tutorial'
} satisfies Required<TutorialFromRecordingOptions>;

interface CellNow {
  id: string;
  name: string;
  type: CellType;
  source: string;
}

interface StepDraft {
  title: string;
  narration: string | undefined;
  blocks: string[];
  /** Notes by the index of the block they refer to (-1: the heading). */
  notes: Array<{ block: number; kind: RecordingNoteKind; message: string }>;
}

interface Burst {
  id: string;
  before: string;
  firstAt: number;
  lastAt: number;
  changes: number;
}

/** Throws `RecordingRefusedError` for what no tutorial can hold: a kernel name, a cell's character, its size. */
export function tutorialFromRecording(recording: Recording, options: TutorialFromRecordingOptions = {}): TutorialFromRecording {
  const settings = { ...DEFAULTS, ...options };
  return new Writer(recording, settings).write();
}

class Writer {
  private readonly cells: CellNow[] = [];
  private readonly steps: StepDraft[] = [];
  private readonly language: string;
  private names = 0;
  private burst: Burst | undefined;
  /** When the last action written ended, and which it was (for the compiler's beat after it). */
  private lastEnd: number;
  private lastOp: keyof typeof GAP_AFTER = 'wait';

  constructor(
    private readonly recording: Recording,
    private readonly settings: Required<TutorialFromRecordingOptions>
  ) {
    if (!KERNEL_NAME.test(recording.kernel)) {
      throw new RecordingRefusedError(
        `the notebook's kernel is named "${recording.kernel}", and a tutorial's kernel is a kernel spec name of letters, digits, \`_\`, \`.\` and \`-\`; choose such a kernel for the notebook (see \`jupyter kernelspec list\`) and record again`
      );
    }
    this.language = kernelLanguage(recording.kernel);
    this.lastEnd = recording.startedAt;
  }

  write(): TutorialFromRecording {
    this.startStep(undefined, undefined);
    for (const cell of this.recording.initial) {
      this.addCell(cell, this.cells.length, 'paste');
    }
    const events = [...this.recording.events].sort((a, b) => a.at - b.at);
    for (const event of events) {
      this.take(event);
    }
    this.flushBurst();
    return this.render();
  }

  private take(event: RecordedEvent): void {
    if (event.kind === 'edit') {
      const cell = this.cell(event.id);
      if (!cell) {
        this.note('unknown-cell', `An edit to a cell the recording did not see created (${event.id}) was left out.`);
        return;
      }
      const burst = this.burst;
      if (burst && (burst.id !== event.id || event.at - burst.lastAt > this.settings.typingPauseMs)) {
        this.flushBurst();
      }
      if (!this.burst) {
        this.gapUntil(event.at);
        this.burst = { id: event.id, before: cell.source, firstAt: event.at, lastAt: event.at, changes: 0 };
      }
      const current = this.burst;
      const offset = Math.min(event.offset, cell.source.length);
      cell.source = cell.source.slice(0, offset) + event.insert + cell.source.slice(offset + event.remove);
      current.lastAt = event.at;
      current.changes++;
      return;
    }
    this.flushBurst();
    switch (event.kind) {
      case 'mark':
        this.gapUntil(event.at, false);
        this.mark(event.title, event.narration);
        this.lastEnd = event.at;
        return;
      case 'insert-cell': {
        this.gapUntil(event.at);
        const moved = this.movedCells.has(event.cell.id);
        this.addCell(event.cell, event.index, event.cell.source === '' ? 'empty' : 'paste');
        if (moved) {
          this.note(
            'moved-cell',
            'A cell was moved here: the tutorial format has no move, so it is deleted and created again with its text. Edit this into a step of its own if it matters.'
          );
        }
        this.lastEnd = event.at;
        return;
      }
      case 'delete-cell': {
        // By place when it agrees (a moved cell's copy may share its id for a moment), else by id.
        const index = this.cells[event.index]?.id === event.id ? event.index : this.cells.findIndex(cell => cell.id === event.id);
        if (index < 0) {
          return;
        }
        this.gapUntil(event.at);
        const [cell] = this.cells.splice(index, 1);
        this.block(`::delete{cell=${cell.name}}`);
        this.movedCells.add(cell.id);
        this.lastEnd = event.at;
        this.lastOp = 'delete-cell';
        return;
      }
      case 'run': {
        const cell = this.cell(event.id);
        if (!cell) {
          this.note('unknown-cell', `A run of a cell the recording did not see created (${event.id}) was left out.`);
          return;
        }
        this.gapUntil(event.at);
        if (event.source !== cell.source) {
          this.note('run-source-differs', `Cell ${cell.name} ran text that differs from what was recorded in it; check this step.`);
        }
        const run = runBlock(cell.name, event);
        this.block(run.text);
        for (const note of run.notes) {
          this.note(note.kind, note.message);
        }
        this.lastEnd = event.at;
        this.lastOp = 'run';
        return;
      }
    }
  }

  /** Cells deleted so far: one inserted again with the same id was moved (JupyterLab moves by delete and insert). */
  private readonly movedCells = new Set<string>();

  private cell(id: string): CellNow | undefined {
    return this.cells.find(cell => cell.id === id);
  }

  private addCell(recorded: RecordedCell, index: number, how: 'empty' | 'paste'): void {
    const name = `cell-${++this.names}`;
    const at = Math.max(0, Math.min(index, this.cells.length));
    const placement = at < this.cells.length ? ` before=${this.cells[at].name}` : '';
    const type = recorded.type === 'code' ? '' : ` type=${recorded.type}`;
    this.cells.splice(at, 0, { id: recorded.id, name, type: recorded.type, source: recorded.source });
    if (how === 'empty' || recorded.source === '') {
      this.block(`::cell{cell=${name}${type}${placement}}`);
      this.lastOp = 'insert-cell';
    } else {
      // Pasted, moved or restored: it arrived at once, so it is typed as fast as the player types.
      const source = this.writable(recorded.source, at);
      this.block(container(`type{cell=${name}${type}${placement} speed=${SPEED_RANGE[1]}}`, fencedBlock(source, this.info(recorded.type))));
      this.lastOp = 'type';
    }
  }

  /** Write the typing of the burst that just ended as the fewest directives that reproduce it. */
  private flushBurst(): void {
    const burst = this.burst;
    this.burst = undefined;
    if (!burst) {
      return;
    }
    const cell = this.cell(burst.id);
    if (!cell) {
      return;
    }
    const before = burst.before;
    const after = cell.source;
    const edit = minimalEdit(before, after);
    if (!edit) {
      return;
    }
    const info = this.info(cell.type);
    this.writable(after, this.cells.indexOf(cell));
    const typed = (text: string, attributes = '') => container(`type{cell=${cell.name}${attributes}${this.speed(text, burst)}}`, fencedBlock(text, info));
    let directive: string;
    if (before === '') {
      directive = typed(after);
    } else if (edit.remove === 0 && edit.at === before.length && before.endsWith('\n')) {
      directive = typed(edit.insert);
    } else if (edit.remove === 0 && edit.at === before.length && edit.insert.length > 1 && edit.insert.startsWith('\n')) {
      // `:::type` starts a new line itself when the cell does not end with one.
      directive = typed(edit.insert.slice(1));
    } else if (edit.remove === 0 && edit.at === 0 && edit.insert.length > 1 && edit.insert.endsWith('\n')) {
      directive = typed(edit.insert.slice(0, -1), ' at=start');
    } else {
      this.writable(before, this.cells.indexOf(cell));
      const { start, end } = findableStretch(before, edit.at, edit.at + edit.remove);
      const replacement = before.slice(start, edit.at) + edit.insert + before.slice(edit.at + edit.remove, end);
      directive = container(
        `replace{cell=${cell.name} find=${attributeValue(before.slice(start, end))}${this.speed(replacement, burst)}}`,
        fencedBlock(replacement, info)
      );
    }
    this.block(directive);
    this.lastEnd = burst.lastAt;
    this.lastOp = 'type';
  }

  /**
   * `text`, from the cell at `index`, if a tutorial can hold it: its lines end
   * with `\n` only (the compiler reads `\r\n` and `\r` as `\n`), and it is
   * UTF-8 text (no NUL, no half of a surrogate pair). Otherwise the recording
   * is refused, since the tutorial would not play back to the notebook.
   */
  private writable(text: string, index: number): string {
    const bad = unwritableIn(text);
    if (bad) {
      const line = text.slice(0, bad.at).split('\n').length;
      const id = this.cells[index]?.id;
      throw new RecordingRefusedError(
        `cell ${index + 1}${id ? ` (id "${id}")` : ''} holds ${bad.what} on its line ${line}, which a tutorial cannot hold (its lines end with \\n and it is UTF-8 text); remove it from the cell, or record from after it was removed`
      );
    }
    return text;
  }

  /** ` speed=N`: the author's pace over the burst, within what the format allows. */
  private speed(text: string, burst: Burst): string {
    const keys = countKeystrokes(text);
    if (keys <= 1) {
      return '';
    }
    const spanMs = burst.lastAt - burst.firstAt;
    // n changes span n - 1 intervals; the first keystroke took one interval too.
    const ms = burst.changes > 1 ? (spanMs * burst.changes) / (burst.changes - 1) : 0;
    const cps = ms > 0 ? keys / (ms / 1000) : SPEED_RANGE[1];
    return ` speed=${Math.round(Math.min(SPEED_RANGE[1], Math.max(SPEED_RANGE[0], cps)))}`;
  }

  /** Account for the time between the last action and `at`: a new step after a long idle gap, else a `::wait`. */
  private gapUntil(at: number, mayStartStep = true): void {
    const gap = at - this.lastEnd;
    let wait = Math.min(gap, this.settings.maxWaitMs) - GAP_AFTER[this.lastOp];
    if (mayStartStep && gap >= this.settings.newStepAfterMs && this.current.blocks.length > 0) {
      const title = this.settings.stepTitle(this.steps.length + 1);
      this.startStep(title, undefined);
      // The new step's opening is read in that time: "Step 2 of 5: title." and its narration
      // (how many steps there will be is not known yet, but it is said in as many words).
      const index = this.steps.length - 1;
      wait -= stepOpeningMs(index, index + 1, title, this.settings.placeholderNarration, DEFAULT_PACE);
    }
    if (wait >= this.settings.waitFromMs) {
      this.block(`::wait{s=${Math.round(wait / 100) / 10}}`);
      this.lastOp = 'wait';
    }
    this.lastEnd = at;
  }

  private mark(title: string, narration: string | undefined): void {
    const step = this.current;
    // A blank title would be an empty heading: the step gets the title of a step not named.
    title = title.trim() ? title : this.settings.stepTitle(this.steps.length + (step.blocks.length === 0 && step.title === '' ? 0 : 1));
    if (step.blocks.length === 0 && step.title === '') {
      step.title = title;
      step.narration = narration;
    } else {
      this.startStep(title, narration);
    }
  }

  private startStep(title: string | undefined, narration: string | undefined): void {
    // The first step is named once we know whether the author marked it.
    this.steps.push({ title: title ?? '', narration, blocks: [], notes: [] });
  }

  private get current(): StepDraft {
    return this.steps[this.steps.length - 1];
  }

  private block(text: string): void {
    this.current.blocks.push(text);
  }

  private note(kind: RecordingNoteKind, message: string): void {
    this.current.notes.push({ block: this.current.blocks.length, kind, message });
  }

  private info(type: CellType): string {
    return type === 'code' ? this.language : type === 'markdown' ? 'markdown' : '';
  }

  private render(): TutorialFromRecording {
    const title = this.recording.title.trim() ? this.recording.title : this.settings.untitled;
    const lines = new Lines();
    lines.push('---', `title: ${yamlString(title)}`, `kernel: ${yamlString(this.recording.kernel)}`, '---');
    const notes: RecordingNote[] = [];
    const steps = this.steps.filter((step, index) => index === 0 || step.blocks.length > 0 || step.title !== '');
    steps.forEach((step, index) => {
      const title = step.title || this.settings.stepTitle(index + 1);
      lines.push('');
      const headingLine = lines.push(`# ${plainProse(title)}`);
      lines.push('');
      if (step.narration?.trim()) {
        lines.push(plainProse(step.narration));
      } else {
        const line = lines.push(plainProse(this.settings.placeholderNarration));
        notes.push({ kind: 'placeholder-narration', line, message: `Write the narration of step ${index + 1}, "${title}".` });
      }
      const blockLines: number[] = [];
      for (const block of step.blocks) {
        lines.push('');
        blockLines.push(lines.push(block));
      }
      for (const note of step.notes) {
        notes.push({ kind: note.kind, line: blockLines[note.block] ?? blockLines[blockLines.length - 1] ?? headingLine, message: note.message });
      }
    });
    const markdown = lines.text();
    const bytes = utf8Length(markdown);
    if (bytes > INPUT_LIMITS.markdown) {
      throw new RecordingRefusedError(
        `the tutorial would be ${formatBytes(bytes)}, more than the ${formatBytes(INPUT_LIMITS.markdown)} a tutorial may be; record a shorter session, or one with smaller cells and outputs`
      );
    }
    return { markdown, notes, steps: steps.length };
  }
}
