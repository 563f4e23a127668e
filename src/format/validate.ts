import type { ErrorObject } from 'ajv';
import { LineIndex } from './line-index.js';
import { PathTree, scanJson } from './json-scan.js';
import { NotebookState } from './notebook-state.js';
import { outputMatchProblem } from './output-match.js';
import { INPUT_LIMITS, tooLargeReason, utf8Length } from './input-limits.js';
import { cellInfo, isEditOperation, MAX_TIME_MS, SCRIPT_VERSION, type Script } from './script.js';
import schema from './script.schema.json' with { type: 'json' };
import { userText } from './user-text.js';
import { decodeUtf8 } from './utf8.js';
import { schemaValidators } from './schema-validators.js';

/** Where in a script a problem is: property names and array indices. */
export type ScriptPath = Array<string | number>;

/** What kind of problem a file has before its content can be checked; content problems have none. */
export type ScriptProblemRule = 'too-large' | 'not-utf8' | 'invalid-json' | 'too-deep' | 'duplicate-key';

export interface ScriptProblem {
  path: ScriptPath;
  message: string;
  rule?: ScriptProblemRule;
  /** 1-based position in the JSON text, when the script came from text. */
  line?: number;
  column?: number;
}

export interface ScriptValidation {
  /** The script, present only when there are no problems. */
  script?: Script;
  problems: ScriptProblem[];
}

/** The JSON Schema of the current script format. */
export const scriptSchema = schema;

/** Every schema error of a value, with paths from the script's root. */
function schemaErrors(value: unknown): ErrorObject[] {
  const { shell, operation } = schemaValidators();
  const errors: ErrorObject[] = shell(value) ? [] : [...(shell.errors ?? [])];
  const steps = isObject(value) ? value.steps : undefined;
  if (Array.isArray(steps)) {
    steps.forEach((step, stepIndex) => {
      const operations = isObject(step) ? step.operations : undefined;
      if (!Array.isArray(operations)) {
        return;
      }
      operations.forEach((item, operationIndex) => {
        // Past the problems that will be listed, one more error is enough to say there are more.
        if (errors.length > 4 * MAX_PROBLEMS) {
          return;
        }
        if (!operation(item)) {
          const prefix = `/steps/${stepIndex}/operations/${operationIndex}`;
          for (const error of operation.errors ?? []) {
            errors.push({ ...error, instancePath: prefix + error.instancePath });
          }
        }
      });
    });
  }
  return errors;
}

/** `steps[2].operations[0].cell`; keys are quoted safely (they can be anything). */
export function formatPath(path: ScriptPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') {
      text += `[${part}]`;
    } else {
      const key = /^[A-Za-z_$][\w$-]{0,63}$/.test(part) ? part : `"${userText(part)}"`;
      text += text ? `.${key}` : key;
    }
  }
  return text || '(the script)';
}

/**
 * Check that a value is a playable script: a known version, the schema, and
 * a replay of every edit on the expected notebook (cells exist, offsets are in
 * range and between characters, times never go backwards). Never throws.
 */
export function validateScript(value: unknown): ScriptValidation {
  return checkScript(value, false);
}

/** `validateScript`; `shallow`: the value is known to nest at most `MAX_JSON_DEPTH` deep (it was scanned as text). */
function checkScript(value: unknown, shallow: boolean): ScriptValidation {
  const version = isObject(value) ? value.version : undefined;
  if (Number.isSafeInteger(version) && (version as number) > SCRIPT_VERSION) {
    return {
      problems: [
        {
          path: ['version'],
          message: `script format ${userText(String(version))} is newer than this Notecast understands (${SCRIPT_VERSION}); upgrade jupyterlab-notecast or recompile the tutorial`
        }
      ]
    };
  }
  // The schema validator recurses: a value nested deeper than any script
  // (or one that contains itself) is refused before it sees it.
  const deep = shallow ? undefined : tooDeep(value, MAX_JSON_DEPTH);
  if (deep) {
    return {
      problems: [
        {
          path: deep,
          rule: 'too-deep',
          message: `is nested deeper than ${MAX_JSON_DEPTH} arrays and objects (or contains itself); a script is about 6 deep`
        }
      ]
    };
  }
  const errors = schemaErrors(value);
  if (errors.length) {
    return { problems: schemaProblems(errors, value) };
  }
  const script = value as Script;
  const problems = replayProblems(script);
  return problems.length ? { problems } : { script, problems };
}

/**
 * How deep a script file may nest arrays and objects. A valid script is
 * about 6 deep (script, steps, a step, its operations, an operation); the
 * limit leaves room for mistakes to be reported normally while keeping every
 * recursive reader (`JSON.parse`, the schema validator) far from its stack's end.
 */
export const MAX_JSON_DEPTH = 64;

/** The most problems listed for one script; a last one says when there are more. */
export const MAX_PROBLEMS = 1000;

/**
 * Parse and validate a script's JSON text, or its bytes (which must be
 * UTF-8); problems carry line and column. Never throws.
 *
 * Reading is linear in the file: one iterative scan checks the grammar, the
 * nesting depth and duplicate keys before `JSON.parse` (recursive) sees the
 * text, and positions are looked up only when there are problems, in one
 * more scan, with no syntax tree of the whole file kept in memory.
 */
export function parseScriptJson(input: string | Uint8Array): ScriptValidation {
  const size = typeof input === 'string' ? utf8Length(input) : input.length;
  if (size > INPUT_LIMITS.json) {
    return { problems: [{ path: [], rule: 'too-large', message: tooLargeReason('json', size), line: 1, column: 1 }] };
  }
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    const decoded = decodeUtf8(input);
    if (!('text' in decoded)) {
      return { problems: [{ path: [], rule: 'not-utf8', message: decoded.message, line: decoded.line, column: decoded.column }] };
    }
    text = decoded.text;
  }
  // A byte-order mark is no part of the JSON (and `JSON.parse` refuses it).
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  const syntax = scanJson(text, MAX_JSON_DEPTH);
  if (syntax) {
    const message = syntax.rule === 'invalid-json' ? `invalid JSON: ${syntax.message}` : syntax.message;
    return { problems: [{ path: [], rule: syntax.rule, message, ...new LineIndex(text).position(syntax.offset) }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // The scan accepts only what JSON.parse does; this is a last resort.
    return { problems: [{ path: [], rule: 'invalid-json', message: `invalid JSON: ${userText(String(error), 200)}`, line: 1, column: 1 }] };
  }
  const result = checkScript(value, true);
  if (result.problems.length) {
    const paths = new PathTree();
    for (const problem of result.problems) {
      paths.add(problem.path);
    }
    scanJson(text, MAX_JSON_DEPTH, paths);
    const lines = new LineIndex(text);
    for (const problem of result.problems) {
      Object.assign(problem, lines.position(paths.deepestOffset(problem.path)));
    }
  }
  return result;
}

const CELL_ID_MESSAGE = 'is not a valid cell id: use 1 to 64 letters, digits, "_" or "-"';

function schemaProblems(errors: ErrorObject[], value: unknown): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // `if` failures only repeat the error found inside the matching `then`;
    // `propertyNames` only repeats the failure about the name itself.
    if (error.keyword === 'if' || error.keyword === 'propertyNames') {
      continue;
    }
    const path = pointerToPath(error.instancePath, value);
    let message = error.message ?? 'is invalid';
    const propertyName = (error as { propertyName?: string }).propertyName;
    if (propertyName !== undefined) {
      // A cell id that breaks the pattern: name it, it is what to fix.
      path.push(propertyName);
      message = CELL_ID_MESSAGE;
    } else if (error.keyword === 'pattern' && error.schemaPath.endsWith('/cellId/pattern')) {
      message = CELL_ID_MESSAGE;
    } else if (error.keyword === 'additionalProperties') {
      path.push((error.params as { additionalProperty: string }).additionalProperty);
      message = 'is not a known property; remove it';
    } else if (error.keyword === 'required') {
      message = `is missing the required property "${(error.params as { missingProperty: string }).missingProperty}"`;
    } else if (error.keyword === 'enum') {
      message = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map(v => JSON.stringify(v)).join(', ')}`;
    } else if (error.keyword === 'const') {
      message = `must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`;
    } else if (error.keyword === 'maximum') {
      const limit = (error.params as { limit: number }).limit;
      message = limit === MAX_TIME_MS ? `must be at most ${limit} ms (24 hours)` : `must be at most ${limit}`;
    }
    const key = `${path.length}\u0000${path.join('\u0000')}\u0000${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push({ path, message });
    }
  }
  return capped(problems);
}

/**
 * At most `MAX_PROBLEMS` problems, then one that says there are more: a
 * broken 50 MB script can have a million, and listing them all helps no one
 * (and holds hundreds of bytes of memory for each byte of the file).
 */
function capped(problems: ScriptProblem[]): ScriptProblem[] {
  if (problems.length <= MAX_PROBLEMS) {
    return problems;
  }
  problems.length = MAX_PROBLEMS;
  problems.push({ path: [], message: `has more problems than the ${MAX_PROBLEMS} listed; fix these and check again` });
  return problems;
}

function replayProblems(script: Script): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const notebook = new NotebookState();
  script.steps.forEach((step, stepIndex) => {
    let previousAt = 0;
    step.operations.forEach((operation, operationIndex) => {
      if (problems.length > MAX_PROBLEMS) {
        return;
      }
      const path: ScriptPath = ['steps', stepIndex, 'operations', operationIndex];
      if (operation.at < previousAt) {
        problems.push({
          path: [...path, 'at'],
          message: `starts at ${operation.at} ms, before the operation before it (${previousAt} ms); operations must be in time order`
        });
      }
      previousAt = operation.at;
      if (isEditOperation(operation)) {
        const problem = notebook.apply(operation, script);
        if (problem) {
          problems.push({ path: [...path, 'cell'], message: problem });
        } else if ((operation.op === 'type' || operation.op === 'delete-text') && cellInfo(script, operation.cell)?.answer) {
          problems.push({
            path: [...path, 'cell'],
            message: `cell "${userText(operation.cell)}" is an answer cell, whose text is the learner's: the tutorial never edits it`
          });
        }
      } else if (operation.op === 'pause' && operation.cell !== undefined) {
        if (!notebook.get(operation.cell)) {
          problems.push({ path: [...path, 'cell'], message: `cell "${userText(operation.cell)}" does not exist at this point` });
        } else if (!cellInfo(script, operation.cell)?.answer) {
          problems.push({ path: [...path, 'cell'], message: `cell "${userText(operation.cell)}" is not an answer cell (\`answer: true\`)` });
        }
      } else if (operation.op === 'run') {
        if (!notebook.get(operation.cell)) {
          problems.push({ path: [...path, 'cell'], message: `cell "${userText(operation.cell)}" does not exist at this point` });
        }
        if (operation.match !== undefined && operation.expect === undefined) {
          problems.push({ path: [...path, 'match'], message: 'says how to compare the expected output, but the run has no `expect`' });
        }
        const why = operation.expect !== undefined ? outputMatchProblem(operation.expect, operation.match ?? 'exact') : undefined;
        if (why) {
          problems.push({ path: [...path, 'expect'], message: `is not a regular expression (${why})` });
        }
      }
    });
  });
  return capped(problems);
}

/**
 * The path to a place where `value` nests deeper than `max` (or contains
 * itself, which nests forever), or undefined. Iterative, so it cannot
 * overflow the stack it protects. An object is walked again only when met
 * deeper than before, so shared objects cost at most `max` walks each.
 */
function tooDeep(value: unknown, max: number): ScriptPath | undefined {
  interface Entry {
    value: unknown;
    depth: number;
    parent: Entry | undefined;
    key: string | number;
  }
  const deepestSeen = new Map<object, number>();
  const pending: Entry[] = [{ value, depth: 0, parent: undefined, key: '' }];
  while (pending.length) {
    const entry = pending.pop()!;
    const next = entry.value;
    if (typeof next !== 'object' || next === null) {
      continue;
    }
    if (entry.depth >= max) {
      const path: ScriptPath = [];
      for (let at: Entry | undefined = entry; at?.parent; at = at.parent) {
        path.push(at.key);
      }
      return path.reverse();
    }
    const before = deepestSeen.get(next);
    if (before !== undefined && before >= entry.depth) {
      continue;
    }
    const depth = entry.depth + 1;
    const pushed = pending.length;
    if (Array.isArray(next)) {
      for (let index = next.length - 1; index >= 0; index--) {
        const child: unknown = next[index];
        if (typeof child === 'object' && child !== null) {
          pending.push({ value: child, depth, parent: entry, key: index });
        }
      }
    } else {
      for (const key of Object.keys(next)) {
        const child = (next as Record<string, unknown>)[key];
        if (typeof child === 'object' && child !== null) {
          pending.push({ value: child, depth, parent: entry, key });
        }
      }
    }
    // Only objects that hold objects can be shared into a blow-up or a cycle.
    if (pending.length > pushed) {
      deepestSeen.set(next, entry.depth);
    }
  }
  return undefined;
}

/** A JSON pointer as a path, reading `value` to tell array indices from keys that look like numbers. */
function pointerToPath(pointer: string, value: unknown): ScriptPath {
  if (!pointer) {
    return [];
  }
  const path: ScriptPath = [];
  let current: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(key)) {
      path.push(Number(key));
      current = current[Number(key)];
    } else {
      path.push(key);
      current = isObject(current) && Object.hasOwn(current, key) ? current[key] : undefined;
    }
  }
  return path;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
