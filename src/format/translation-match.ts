import type { Operation, Script, Step } from './script.js';
import { userText } from './user-text.js';

/** One place where a translation's structure differs from its source's. */
export interface TranslationMismatch {
  /** What differs, and how to make them match. */
  message: string;
  /** The line in the translation, when known. */
  line?: number;
  /** The line in the source it was compared with, when known. */
  sourceLine?: number;
}

/** Past this many, more messages would only repeat the first ones' cause. */
const MAX_MISMATCHES = 20;

/**
 * Compare a translation with its source: the same steps, the same cells, and
 * operation for operation the same edits, code, runs, expected outputs,
 * waits and pauses. Only the words differ: titles, narration, summaries and
 * prompts. A step that differs is reported once, at its first difference,
 * so one missing directive does not flood the list.
 */
export function compareTranslation(source: Script, translation: Script): TranslationMismatch[] {
  const found: TranslationMismatch[] = [];
  if (source.kernel !== translation.kernel) {
    found.push({ message: `Unexpected kernel \`${userText(translation.kernel)}\`, expected \`${userText(source.kernel)}\` as in the source` });
  }
  const count = Math.min(source.steps.length, translation.steps.length);
  for (let i = 0; i < count && found.length < MAX_MISMATCHES; i++) {
    const mismatch = compareStep(i + 1, source, source.steps[i], translation, translation.steps[i]);
    if (mismatch) {
      found.push(mismatch);
    }
  }
  if (source.steps.length !== translation.steps.length) {
    const extra = translation.steps[count];
    const missing = source.steps[count];
    found.push({
      message:
        translation.steps.length > source.steps.length
          ? `Unexpected step ${count + 1} “${userText(extra.title)}”: the translation has ${translation.steps.length} steps and the source ${source.steps.length}; remove it or add it to the source`
          : `Missing step ${count + 1} (“${userText(missing.title)}” in the source): the translation has ${translation.steps.length} steps and the source ${source.steps.length}; translate the source's heading and what follows it`,
      line: extra?.line ?? translation.steps[translation.steps.length - 1]?.line,
      sourceLine: missing?.line
    });
  }
  return found.slice(0, MAX_MISMATCHES);
}

function compareStep(number: number, source: Script, sourceStep: Step, translation: Script, step: Step): TranslationMismatch | undefined {
  const where = (line: number | undefined, sourceLine: number | undefined, message: string): TranslationMismatch => ({
    message: `Step ${number} “${userText(step.title, 60)}”: ${message}`,
    ...(line !== undefined ? { line } : step.line !== undefined ? { line: step.line } : {}),
    ...(sourceLine !== undefined ? { sourceLine } : sourceStep.line !== undefined ? { sourceLine: sourceStep.line } : {})
  });
  const count = Math.min(sourceStep.operations.length, step.operations.length);
  for (let i = 0; i < count; i++) {
    const expected = sourceStep.operations[i];
    const actual = step.operations[i];
    const difference = operationDifference(source, expected, translation, actual);
    if (difference) {
      return where(actual.line, expected.line, `${difference}; the translation must do what the source does, in the same order`);
    }
  }
  if (sourceStep.operations.length !== step.operations.length) {
    const extra = step.operations[count];
    const missing = sourceStep.operations[count];
    return extra
      ? where(extra.line, undefined, `unexpected ${describe(translation, extra)}, which the source's step ${number} does not have; remove it`)
      : where(undefined, missing.line, `missing ${describe(source, missing)}, which the source's step ${number} has; add it`);
  }
  return undefined;
}

/** How two operations at the same place differ, in words, or undefined when only their words do. */
function operationDifference(source: Script, expected: Operation, translation: Script, actual: Operation): string | undefined {
  if (expected.op !== actual.op) {
    return `${describe(translation, actual)} where the source has ${describe(source, expected)}`;
  }
  const cellOf = (script: Script, operation: Operation) =>
    'cell' in operation && operation.cell !== undefined ? script.cells[operation.cell] : undefined;
  const expectedCell = cellOf(source, expected);
  const actualCell = cellOf(translation, actual);
  if (expectedCell && actualCell && (expectedCell.name !== actualCell.name || expectedCell.type !== actualCell.type)) {
    return `${describe(translation, actual)} where the source has ${describe(source, expected)}`;
  }
  const differs = (field: string, a: unknown, b: unknown) => (a !== b ? field : undefined);
  let field: string | undefined;
  switch (expected.op) {
    case 'insert-cell':
      field = differs('the cell position', expected.index, (actual as typeof expected).index);
      break;
    case 'type':
      field =
        differs('the code', expected.text, (actual as typeof expected).text) ??
        differs('the position in the cell', expected.offset, (actual as typeof expected).offset);
      break;
    case 'delete-text':
      field = differs(
        'the deleted text',
        `${expected.offset}:${expected.length}`,
        `${(actual as typeof expected).offset}:${(actual as typeof expected).length}`
      );
      break;
    case 'run': {
      const other = actual as typeof expected;
      field =
        differs('the expected output', expected.expect, other.expect) ??
        differs('`match=`', expected.match, other.match) ??
        differs('`error=`', expected.error, other.error) ??
        differs('`alt=`', expected.alt === undefined, other.alt === undefined);
      break;
    }
    case 'wait':
      field = differs('the wait', expected.duration, (actual as typeof expected).duration);
      break;
    case 'pause':
      field =
        differs('the prompt', expected.prompt === undefined, (actual as typeof expected).prompt === undefined) ??
        differs('the answer cell', expected.cell === undefined, (actual as typeof expected).cell === undefined);
      break;
    case 'point':
      field =
        differs('the command', expected.command, (actual as typeof expected).command) ??
        differs('`wait`', expected.wait === true, (actual as typeof expected).wait === true);
      break;
    default:
      break;
  }
  return field ? `${describe(translation, actual)} differs from the source in ${field}` : undefined;
}

/** An operation as the author wrote it: “`:::type` into cell `hello`”. */
function describe(script: Script, operation: Operation): string {
  const cell = 'cell' in operation && operation.cell !== undefined ? script.cells[operation.cell] : undefined;
  const name = cell ? ` cell \`${userText(cell.name, 40)}\`` : '';
  switch (operation.op) {
    case 'insert-cell':
      return `a new${name}`;
    case 'type':
      return `\`:::type\` into${name}`;
    case 'delete-text':
      return `a deletion in${name}`;
    case 'delete-cell':
      return `\`::delete\` of${name}`;
    case 'run':
      return `\`::run\` of${name}`;
    case 'narrate':
      return '`:::say`';
    case 'wait':
      return '`::wait`';
    case 'pause':
      return '`:::pause`';
    case 'point':
      return `\`::point\` at \`${userText(operation.command, 60)}\``;
  }
}
