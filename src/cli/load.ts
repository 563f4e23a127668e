import { compile } from '../compiler/index.js';
import { parseScriptJson, type Script } from '../format/index.js';
import { fromCompilerMessage, fromScriptProblem, type Diagnostic } from './diagnostic.js';
import { InputError, type CliIO } from './io.js';

export interface Loaded {
  script?: Script;
  diagnostics: Diagnostic[];
}

/** Read a file's bytes, turning a missing or unreadable file into a plain message. */
export async function readInput(io: CliIO, path: string): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(error);
    io.stderr(`${path}: error: cannot read the file: ${why}\n`);
    throw new InputError(why);
  }
}

/** Load a Markdown tutorial (compiled) or a compiled `.json` script (validated). */
export async function loadScript(io: CliIO, path: string): Promise<Loaded> {
  const bytes = await readInput(io, path);
  if (/\.json$/i.test(path)) {
    const text = new TextDecoder().decode(bytes);
    const result = parseScriptJson(text);
    return { script: result.script, diagnostics: result.problems.map(problem => fromScriptProblem(path, problem)) };
  }
  const result = compile(bytes, { path });
  return {
    script: result.script,
    diagnostics: result.file.messages.map(message => fromCompilerMessage(path, message))
  };
}
