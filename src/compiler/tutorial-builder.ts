import {
  type CellInfo,
  type CellState,
  type CellType,
  didYouMean,
  MAX_TIME_MS,
  NotebookState,
  type Operation,
  operationDuration,
  type NarrationBlock,
  type Step,
  userText
} from '../format/index.js';
import type { FrontMatter } from './front-matter.js';
import { hasStructure } from './narration-blocks.js';
import type { Place, Reporter } from './report.js';
import { lateActionReason, longActionReason, longOpeningReason } from './time-bound.js';
import { GAP_AFTER, readingMs, stepOpeningMs } from './timing.js';

/** Where a step's heading or an action's directive starts in the tutorial. */
export interface SourcePoint {
  line: number;
  column: number;
}

/** An operation before the builder gives it its time. */
export type PendingOperation = Operation extends infer O ? (O extends Operation ? Omit<O, 'at'> : never) : never;

/**
 * The compiler's model of the tutorial so far: the steps emitted, the
 * notebook the learner will have at this point (so directives can be checked
 * against it), and the author's cell names.
 */
export class TutorialBuilder {
  readonly steps: Step[] = [];
  readonly cells: Record<string, CellInfo> = {};
  readonly notebook = new NotebookState();
  /** The cell most recently typed into: what a bare `::run` runs. */
  lastTyped: string | undefined;

  private readonly live = new Map<string, string>();
  private readonly deletedAt = new Map<string, number | undefined>();
  /** Names a directive with errors would have created: their cause is reported once, at it. */
  private readonly rejected = new Set<string>();
  private readonly usedIds = new Set<string>();
  /** Where the search for a free id starts for a name declared again, so redeclaring stays linear. */
  private readonly nextSuffix = new Map<string, number>();
  private narrationParts: string[] = [];
  private narrationBlocks: NarrationBlock[] = [];
  /** Prose after the step's first action: said where it stands, as one narration at the next action or the step's end. */
  private laterProse: { parts: string[]; blocks: NarrationBlock[]; line: number | undefined } | undefined;
  /** Cell-name suggestions compare with every cell: only the first messages get one, so errors cost the same however many cells there are. */
  private suggestionsLeft = 50;
  private time = 0;
  /** The column of each heading and action not at column 1 (their line is in the script), for messages after the fact. */
  private readonly columns = new Map<object, number>();

  constructor(
    readonly options: FrontMatter,
    private readonly report: Reporter
  ) {}

  get inStep(): boolean {
    return this.steps.length > 0;
  }

  startStep(title: string, start: SourcePoint | undefined): void {
    this.finishStep();
    const line = start?.line;
    const step: Step = { title, narration: '', ...(line ? { line } : {}), narrationMs: 0, operations: [] };
    this.steps.push(step);
    this.noteColumn(step, start);
    this.narrationParts = [];
    this.narrationBlocks = [];
    this.laterProse = undefined;
    this.time = 0;
  }

  /**
   * Prose of the step. Before the step's first action it is the step's
   * opening narration; after one, it is said at that point, as `:::say`
   * would: read before the code it explains was typed, it would describe
   * what the learner has not seen yet. `blocks`: the same narration's
   * structure, kept for the transcript when it has more than text.
   */
  addNarration(text: string, blocks: NarrationBlock[] = [], line?: number): void {
    if (!text) {
      return;
    }
    const step = this.steps[this.steps.length - 1];
    if (step.operations.length === 0) {
      this.narrationParts.push(text);
      this.narrationBlocks.push(...blocks);
    } else if (this.laterProse) {
      this.laterProse.parts.push(text);
      this.laterProse.blocks.push(...blocks);
    } else {
      this.laterProse = { parts: [text], blocks: [...blocks], line };
    }
  }

  /** Say the prose gathered since the last action, as one narration. */
  private flushProse(): void {
    const prose = this.laterProse;
    if (!prose) {
      return;
    }
    this.laterProse = undefined;
    const text = prose.parts.join('\n\n');
    this.emit({
      op: 'narrate',
      text,
      duration: readingMs(text, this.options.pace),
      ...(hasStructure(prose.blocks) ? { blocks: prose.blocks } : {}),
      ...(prose.line ? { line: prose.line } : {})
    });
  }

  /**
   * Close the last step and time every step's opening: "Step 2 of 5: title."
   * and its narration are read before its first operation, and how many
   * steps there are is only known now. A step whose opening or actions
   * reach past `MAX_TIME_MS` is reported where it crosses it.
   */
  finish(): void {
    this.finishStep();
    this.steps.forEach((step, index) => {
      step.narrationMs = stepOpeningMs(index, this.steps.length, step.title, step.narration, this.options.pace);
      if (step.narrationMs > MAX_TIME_MS) {
        this.report.error(longOpeningReason(step.narrationMs, index), this.placeOf(step), 'too-long-step');
      }
      let reported = step.narrationMs > MAX_TIME_MS;
      for (const operation of step.operations) {
        operation.at += step.narrationMs;
        if (!reported && operation.at > MAX_TIME_MS) {
          reported = true;
          this.report.error(lateActionReason(operation.at, index, step.title), this.placeOf(operation), 'too-long-step');
        }
      }
    });
    this.columns.clear();
  }

  private noteColumn(item: object, start: SourcePoint | undefined): void {
    if (start && start.column !== 1) {
      this.columns.set(item, start.column);
    }
  }

  /** Where a step's heading or an action is, from its line and the column noted for it. */
  private placeOf(item: Step | Operation): SourcePoint | undefined {
    return item.line ? { line: item.line, column: this.columns.get(item) ?? 1 } : undefined;
  }

  private finishStep(): void {
    const step = this.steps[this.steps.length - 1];
    if (!step) {
      return;
    }
    this.flushProse();
    step.narration = this.narrationParts.join('\n\n');
    if (hasStructure(this.narrationBlocks)) {
      step.blocks = this.narrationBlocks;
    }
  }

  /** The id of a live cell by the author's name, or a positioned error. */
  resolve(name: string, node: Place, role = 'cell'): string | undefined {
    const id = this.live.get(name);
    if (id) {
      return id;
    }
    if (this.rejected.has(name)) {
      return undefined;
    }
    if (this.deletedAt.has(name)) {
      const line = this.deletedAt.get(name);
      this.report.error(
        `Unexpected ${role} \`${userText(name)}\`: it was deleted${line ? ` by \`::delete\` on line ${line}` : ''}; create it again with \`:::type{cell=${userText(name)}}\` or use another cell`,
        node,
        'deleted-cell'
      );
    } else {
      this.report.error(
        `Unknown ${role} \`${userText(name)}\`: create it first with \`:::type{cell=${userText(name)}}\`${this.suggestionsLeft-- > 0 ? didYouMean(name, this.live.keys()) : ''}`,
        node,
        'unknown-cell'
      );
    }
    return undefined;
  }

  has(name: string): boolean {
    return this.live.has(name);
  }

  cell(id: string): CellState {
    const cell = this.notebook.get(id);
    if (!cell) {
      throw new Error(`internal: cell ${id} is not in the notebook`);
    }
    return cell;
  }

  /** Declare a new cell; ids are stable and never reused, even after a delete. */
  /**
   * A directive naming `name` was rejected while no such cell exists: later
   * uses of the name are follow-ons of that one error, not errors of their own.
   */
  reject(name: string): void {
    if (!this.live.has(name)) {
      this.rejected.add(name);
    }
  }

  declare(name: string, type: CellType): string {
    this.rejected.delete(name);
    let id = name;
    let n = this.nextSuffix.get(name) ?? 2;
    while (this.usedIds.has(id)) {
      id = `${name}-${n++}`;
    }
    this.nextSuffix.set(name, n);
    this.usedIds.add(id);
    this.live.set(name, id);
    this.deletedAt.delete(name);
    // Defined, not assigned: a cell named `__proto__` must be an entry like any other.
    Object.defineProperty(this.cells, id, { value: { name, type }, enumerable: true, writable: true, configurable: true });
    return id;
  }

  /** Make cell `id` the learner's answer cell (see `CellInfo.answer`). */
  markAnswer(id: string, placeholder?: string): void {
    const info = this.cells[id];
    info.answer = true;
    if (placeholder !== undefined) {
      info.placeholder = placeholder;
    }
  }

  forget(name: string, line: number | undefined): void {
    // Ids are never shared between names, so only this name's id can be the last typed.
    if (this.live.get(name) === this.lastTyped) {
      this.lastTyped = undefined;
    }
    this.live.delete(name);
    this.deletedAt.set(name, line);
  }

  /**
   * Append an operation at the current time, apply it to the expected
   * notebook, and move time on by its duration and the beat after it.
   * `start`: where its directive starts, for messages about its time.
   */
  emit(pending: PendingOperation, start?: SourcePoint): void {
    this.flushProse();
    const step = this.steps[this.steps.length - 1];
    // `op` and `at` first: that is how people read a script.
    const { op, ...rest } = pending;
    const operation = { op, at: this.time, ...rest } as Operation;
    if (operation.op === 'insert-cell' || operation.op === 'type' || operation.op === 'delete-text' || operation.op === 'delete-cell') {
      // `declare` never gives out an id twice, so the notebook need not search
      // all its cells to check that a new one's id is free (quadratic over many cells).
      const problem = this.notebook.apply(operation, this, true);
      if (problem) {
        throw new Error(`internal: ${problem}`);
      }
    }
    step.operations.push(operation);
    this.noteColumn(operation, start);
    const duration = operationDuration(operation);
    if (duration > MAX_TIME_MS) {
      this.report.error(longActionReason(operation, duration), this.placeOf(operation), 'too-long-step');
    }
    this.time += duration + GAP_AFTER[operation.op];
  }
}
