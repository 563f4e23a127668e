import { compile } from '../compiler/index.js';
import { INPUT_LIMITS, kindOfPath, tooLargeReason, type InputKind, type Script } from '../format/index.js';
import { kindOfContent, loadTutorialText } from '../session/index.js';
import type { Diagnostic } from './diagnostic.js';
import { displayName } from './display-name.js';
import { describeErrno } from './errno.js';
import { InputError, NotAFileError, TooLargeError, type CliIO } from './io.js';

/** The most any input may be, whatever its kind: what stdin is read up to before its kind is known. */
const LARGEST_INPUT = Math.max(...Object.values(INPUT_LIMITS));

export interface Loaded {
  script?: Script;
  diagnostics: Diagnostic[];
  /** The tutorial's text when it was Markdown, for messages that point inside a line. */
  markdown?: string;
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
  const declared = path === '-' ? undefined : kindOfPath(path);
  const bytes = await readInput(io, path, declared ? INPUT_LIMITS[declared] : LARGEST_INPUT);
  if (bytes instanceof TooLargeError) {
    return { diagnostics: [tooLarge(name, declared, bytes.size)] };
  }
  const loaded = await loadTutorialText(bytes, { path: name, kind: declared, compiler: () => compile });
  return {
    markdown: (declared ?? kindOfContent(bytes)) === 'markdown' ? new TextDecoder().decode(bytes) : undefined,
    script: loaded.script,
    diagnostics: loaded.problems.map(problem => ({
      file: name,
      line: problem.line ?? 1,
      column: problem.column ?? 1,
      severity: problem.severity,
      message: problem.message,
      ruleId: problem.ruleId ?? 'notecast'
    }))
  };
}

function tooLarge(file: string, kind: InputKind | undefined, size: number | undefined): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', message: tooLargeReason(kind, size), ruleId: 'too-large' };
}
