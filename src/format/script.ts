/**
 * The Notecast script: what the compiler emits and the player plays.
 *
 * A script is plain JSON. Times are integers in milliseconds. Text offsets are
 * UTF-16 code-unit offsets into a cell's source as the tutorial expects it at
 * that point (the unit Yjs `Y.Text` uses), so the player can turn them into
 * Yjs relative positions.
 */

/** The script format version this code writes and plays. */
export const SCRIPT_VERSION = 1;

/**
 * The longest any one time (`at`, `duration`, `narrationMs`) may be: 24 hours,
 * in ms. The player sets a timer per operation, relative to now, so this also
 * keeps every timer far inside what `setTimeout` holds (2^31 - 1 ms); the
 * whole script needs no bound of its own (every sum of such times is an exact
 * integer), so a tutorial that compiles is never refused for its length.
 */
export const MAX_TIME_MS = 24 * 60 * 60 * 1000;

export type CellType = 'code' | 'markdown' | 'raw';

export interface Script {
  /** Format version; see `migrateScript` for older ones. */
  version: typeof SCRIPT_VERSION;
  title: string;
  description?: string;
  /** The language the tutorial is written in (BCP 47, `fr`, `pt-BR`); absent means `en`. */
  lang?: string;
  /** Kernel spec name the tutorial's notebook runs with, e.g. `python3`. */
  kernel: string;
  /** The cells the tutorial creates, by stable id, with the author's names. */
  cells: Record<string, CellInfo>;
  steps: Step[];
}

export interface CellInfo {
  /** The name the author used in `cell=NAME`. */
  name: string;
  type: CellType;
  /**
   * The learner's cell (`::cell` for an answer): the tutorial leaves it empty
   * and never edits it, so whatever is in it is the learner's and is neither
   * overwritten by a restore nor a conflict on resume.
   */
  answer?: boolean;
  /** What an empty answer cell shows the learner (`placeholder="…"`). */
  placeholder?: string;
}

export interface Step {
  title: string;
  /** Plain text (never HTML) read when the step starts. */
  narration: string;
  /** Where the step starts in the tutorial source (1-based), for messages. */
  line?: number;
  /**
   * The narration's structure, for the transcript, when it has more than
   * paragraphs of text: lists, tables, links, images. `narration` stays what
   * is spoken and captioned.
   */
  blocks?: NarrationBlock[];
  /** Time reserved for reading the narration before the first operation. */
  narrationMs: number;
  operations: Operation[];
}

/**
 * A run of narration text. A link keeps its address and an image its
 * source (with its alt text as `text`) for the transcript; what is spoken
 * is `text` alone.
 */
export interface NarrationInline {
  text: string;
  href?: string;
  image?: string;
}

/** A block of narration as the author wrote it: always data, never markup. */
export type NarrationBlock =
  | { kind: 'paragraph'; content: NarrationInline[] }
  | { kind: 'list'; ordered: boolean; items: NarrationInline[][] }
  | { kind: 'table'; header: NarrationInline[][]; rows: NarrationInline[][][] };

/** Fields every operation has. */
export interface OperationBase {
  /**
   * Start time in ms from the step's start, counting waits on the world
   * (kernel, learner) as zero: the player shifts later operations by however
   * long such a wait really took, so scheduling never drifts.
   */
  at: number;
  /** Line in the tutorial source the operation came from (1-based). */
  line?: number;
}

/** Create a cell at `index` of the tutorial's notebook. */
export interface InsertCellOperation extends OperationBase {
  op: 'insert-cell';
  cell: string;
  index: number;
}

/**
 * Type `text` into a cell at `offset` over `duration` ms. Stored once: the
 * player expands it into keystrokes with `expandKeystrokes`.
 */
export interface TypeOperation extends OperationBase {
  op: 'type';
  cell: string;
  offset: number;
  text: string;
  duration: number;
  /** The author's one-line spoken summary of the code. */
  summary?: string;
  /** Typed before the text already in the cell (`at=start`), which the learner is told. */
  atStart?: true;
  /** Inserted at once, never keystroke by keystroke (`instant`): long boilerplate or data. */
  instant?: boolean;
}

/** Delete `length` code units at `offset` of a cell's source. */
export interface DeleteTextOperation extends OperationBase {
  op: 'delete-text';
  cell: string;
  offset: number;
  length: number;
}

export interface DeleteCellOperation extends OperationBase {
  op: 'delete-cell';
  cell: string;
}

/** Run a cell and wait for the kernel (a markdown cell is rendered). */
export interface RunOperation extends OperationBase {
  op: 'run';
  cell: string;
  /** Output the author expects, as text: what the cell prints (streams and plain-text results, in order). */
  expect?: string;
  /** How `expect` is compared with what the kernel printed; absent means `exact`. */
  match?: OutputMatch;
  /** The exception the run is expected to raise, by name (`ZeroDivisionError`); absent means none. */
  error?: string;
  /** What the output shows when it is an image (a chart, a picture), in words, for the transcript and the learner who cannot see it. */
  alt?: string;
  /**
   * What a real kernel showed when the tutorial was baked (`notecast bake`),
   * in order, so a page with no kernel (the web player) can show it. Absent
   * when the script was not baked.
   */
  outputs?: BakedOutput[];
}

/**
 * One output of a baked run. Only data a page can show safely is kept:
 * `html` is shown in a sandboxed frame (no script) or as text, `svg` as an
 * image (an `<img>` runs no script), never as live markup in the page.
 */
export type BakedOutput =
  | { type: 'stream'; name: 'stdout' | 'stderr'; text: string }
  | { type: 'text'; text: string }
  | { type: 'html'; html: string; text?: string }
  | { type: 'image'; mime: 'image/png' | 'image/jpeg' | 'image/svg+xml'; data: string; text?: string }
  | { type: 'error'; ename: string; evalue: string; traceback?: string };

/** Every `BakedOutput['type']`. */
export const BAKED_OUTPUT_TYPES: readonly BakedOutput['type'][] = ['stream', 'text', 'html', 'image', 'error'];

/**
 * How a run's expected output is compared with the actual one. Trailing
 * whitespace on each line and final newlines never count. `exact`: the same
 * text; `contains`: the expected text appears in the output; `regex`: the
 * expected text is a regular expression the whole output matches; `ellipsis`:
 * the same text, where `...` stands for any text (doctest's ELLIPSIS).
 */
export type OutputMatch = 'exact' | 'contains' | 'regex' | 'ellipsis';

/** Every `OutputMatch`, in the order the documentation lists them. */
export const OUTPUT_MATCHES: readonly OutputMatch[] = ['exact', 'contains', 'regex', 'ellipsis'];

/** Narration between actions (`:::say`). */
export interface NarrateOperation extends OperationBase {
  op: 'narrate';
  text: string;
  /** Its structure for the transcript, as `Step.blocks`. */
  blocks?: NarrationBlock[];
  duration: number;
}

export interface WaitOperation extends OperationBase {
  op: 'wait';
  duration: number;
}

/** Wait for the learner; `prompt` tells them what to do. */
export interface PauseOperation extends OperationBase {
  op: 'pause';
  prompt?: string;
  /** The answer cell the learner is asked to write in. */
  cell?: string;
}

/**
 * Point at the part of the interface that runs a JupyterLab command (a
 * toolbar button, a side bar tab, a menu item): highlighted and described,
 * never clicked. With `wait`, playback waits until the learner runs it.
 */
export interface PointOperation extends OperationBase {
  op: 'point';
  /** A JupyterLab command id, such as `notebook:run-cell-and-select-next`. */
  command: string;
  wait?: boolean;
}

export type Operation =
  | InsertCellOperation
  | TypeOperation
  | DeleteTextOperation
  | DeleteCellOperation
  | RunOperation
  | NarrateOperation
  | WaitOperation
  | PauseOperation
  | PointOperation;

export type OperationKind = Operation['op'];

/** Operations that change the notebook's cells (the rest are events). */
export type EditOperation = InsertCellOperation | TypeOperation | DeleteTextOperation | DeleteCellOperation;

/**
 * The declared cell with this id, if any. Own properties only: `cells` is a
 * plain object, and an id such as `constructor` or `__proto__` must never
 * find a member of `Object.prototype`.
 */
export function cellInfo(script: Pick<Script, 'cells'>, id: string): CellInfo | undefined {
  return Object.hasOwn(script.cells, id) ? script.cells[id] : undefined;
}

export function isEditOperation(operation: Operation): operation is EditOperation {
  return operation.op === 'insert-cell' || operation.op === 'type' || operation.op === 'delete-text' || operation.op === 'delete-cell';
}

/**
 * When a step ends, in ms from its start (waits on the world counted as 0):
 * after its narration has been read and its last operation has finished.
 */
export function stepDuration(step: Step): number {
  let end = step.narrationMs;
  for (const operation of step.operations) {
    end = Math.max(end, operation.at + operationDuration(operation));
  }
  return end;
}

/** How long an operation occupies the clock (waits on the world count as 0). */
export function operationDuration(operation: Operation): number {
  switch (operation.op) {
    case 'type':
    case 'narrate':
    case 'wait':
      return operation.duration;
    default:
      return 0;
  }
}
