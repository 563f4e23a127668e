import { Ajv, type ErrorObject } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { NotebookState } from './notebook-state.js';
import { isEditOperation, SCRIPT_VERSION, type Script } from './script.js';
import schema from './script.schema.json' with { type: 'json' };

/** Where in a script a problem is: property names and array indices. */
export type ScriptPath = Array<string | number>;

export interface ScriptProblem {
  path: ScriptPath;
  message: string;
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

let compiled: ReturnType<Ajv['compile']> | undefined;
function schemaValidator(): ReturnType<Ajv['compile']> {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  return compiled;
}

/** `steps[2].operations[0].cell` */
export function formatPath(path: ScriptPath): string {
  let text = '';
  for (const part of path) {
    text += typeof part === 'number' ? `[${part}]` : text ? `.${part}` : part;
  }
  return text || '(the script)';
}

/**
 * Check that a value is a playable script: a known version, the schema, and
 * a replay of every edit on the expected notebook (cells exist, offsets are in
 * range, times never go backwards). Never throws.
 */
export function validateScript(value: unknown): ScriptValidation {
  const version = isObject(value) ? value.version : undefined;
  if (typeof version === 'number' && version > SCRIPT_VERSION) {
    return {
      problems: [
        {
          path: ['version'],
          message: `script format ${version} is newer than this Notecast understands (${SCRIPT_VERSION}); upgrade jupyterlab-notecast or recompile the tutorial`
        }
      ]
    };
  }
  const validate = schemaValidator();
  if (!validate(value)) {
    return { problems: schemaProblems(validate.errors ?? []) };
  }
  const script = value as Script;
  const problems = replayProblems(script);
  return problems.length ? { problems } : { script, problems };
}

/** Parse and validate a script's JSON text; problems carry line and column. */
export function parseScriptJson(text: string): ScriptValidation {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length || !tree) {
    const error = errors[0];
    const offset = error?.offset ?? 0;
    return {
      problems: [
        {
          path: [],
          message: `invalid JSON: ${error ? humanParseError(printParseErrorCode(error.error)) : 'empty file'}`,
          ...lineColumn(text, offset)
        }
      ]
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: [], message: `invalid JSON: ${String(error)}`, line: 1, column: 1 }] };
  }
  const result = validateScript(value);
  for (const problem of result.problems) {
    const node = deepestNode(tree, problem.path);
    Object.assign(problem, lineColumn(text, node.offset));
  }
  return result;
}

function schemaProblems(errors: ErrorObject[]): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // `if` failures only repeat the error found inside the matching `then`.
    if (error.keyword === 'if') {
      continue;
    }
    const path = pointerToPath(error.instancePath);
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'additionalProperties') {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      path.push(extra);
      message = 'is not a known property; remove it';
    } else if (error.keyword === 'required') {
      message = `is missing the required property "${(error.params as { missingProperty: string }).missingProperty}"`;
    } else if (error.keyword === 'enum') {
      message = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map(v => JSON.stringify(v)).join(', ')}`;
    } else if (error.keyword === 'const') {
      message = `must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`;
    }
    const key = `${formatPath(path)} ${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push({ path, message });
    }
  }
  return problems;
}

function replayProblems(script: Script): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const notebook = new NotebookState();
  script.steps.forEach((step, stepIndex) => {
    let previousAt = 0;
    step.operations.forEach((operation, operationIndex) => {
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
        }
      } else if (operation.op === 'run' && !notebook.get(operation.cell)) {
        problems.push({ path: [...path, 'cell'], message: `cell "${operation.cell}" does not exist at this point` });
      }
    });
  });
  return problems;
}

function pointerToPath(pointer: string): ScriptPath {
  if (!pointer) {
    return [];
  }
  return pointer
    .slice(1)
    .split('/')
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(part => (/^\d+$/.test(part) ? Number(part) : part));
}

function deepestNode(tree: Node, path: ScriptPath): Node {
  for (let length = path.length; length > 0; length--) {
    const node = findNodeAtLocation(tree, path.slice(0, length));
    if (node) {
      // Point at the property name when there is one: that is what to fix.
      return node.parent?.type === 'property' ? node.parent : node;
    }
  }
  return tree;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function humanParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
