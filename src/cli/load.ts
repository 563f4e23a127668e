import { compile } from '../compiler/index.js';
import { parseScriptJson, tooLargeReason, type Script } from '../format/index.js';
import { fromCompilerMessage, fromScriptProblem, type Diagnostic } from './diagnostic.js';
import { displayName } from './display-name.js';
import { describeErrno } from './errno.js';
import { InputError, NotAFileError, TooLargeError, type CliIO } from './io.js';
import { INPUT_LIMITS, LARGEST_INPUT, type InputKind } from './limits.js';

export interface Loaded {
  script?: Script;
  diagnostics: Diagnostic[];
}

/** What a path holds, by its name; stdin (`-`) is told by its first character. */
function kindOfPath(path: string): InputKind | undefined {
  return path === '-' ? undefined : /\.json$/i.test(path) ? 'json' : 'markdown';
}

/** A script is a JSON object; a tutorial never starts with `{`. */
function kindOfContent(bytes: Uint8Array): InputKind {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d) {
    i++;
  }
  return bytes[i] === 0x7b ? 'json' : 'markdown';
}

/**
 * Read an input's bytes: a regular file, or stdin for `-`, up to `maxBytes`.
 * A file that is too large comes back as its `TooLargeError`, for a
 * positioned message; one that cannot be read at all is reported in a plain
 * message and throws `InputError` (exit 1).
 */
export async function readInput(io: CliIO, path: string, maxBytes: number): Promise<Uint8Array | TooLargeError> {
  try {
    return await io.readFile(path, maxBytes);
  } catch (error) {
    if (error instanceof TooLargeError) {
      return error;
    }
    const hint = error instanceof NotAFileError ? '; give a Markdown tutorial or a .json script, or `-` to read stdin' : '';
    io.stderr(`${displayName(path)}: error: cannot read the file: ${describeErrno(error)}${hint}\n`);
    throw new InputError(describeErrno(error));
  }
}

/** Load a Markdown tutorial (compiled) or a compiled `.json` script (validated). */
export async function loadScript(io: CliIO, path: string): Promise<Loaded> {
  const name = displayName(path);
  const declared = kindOfPath(path);
  const bytes = await readInput(io, path, declared ? INPUT_LIMITS[declared] : LARGEST_INPUT);
  if (bytes instanceof TooLargeError) {
    return { diagnostics: [tooLarge(name, declared, bytes.size)] };
  }
  const kind = declared ?? kindOfContent(bytes);
  if (bytes.length > INPUT_LIMITS[kind]) {
    return { diagnostics: [tooLarge(name, kind, bytes.length)] };
  }
  if (kind === 'json') {
    const result = parseScriptJson(bytes);
    return { script: result.script, diagnostics: result.problems.map(problem => fromScriptProblem(name, problem)) };
  }
  const result = compile(bytes, { path: name });
  return {
    script: result.script,
    diagnostics: result.file.messages.map(message => fromCompilerMessage(name, message))
  };
}

function tooLarge(file: string, kind: InputKind | undefined, size: number | undefined): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', message: tooLargeReason(kind, size), ruleId: 'too-large' };
}
