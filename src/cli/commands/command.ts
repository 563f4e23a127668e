import type { ParseArgsConfig } from 'node:util';
import type { Script } from '../../format/index.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostic.js';
import { displayName } from '../display-name.js';
import { describeErrno } from '../errno.js';
import { InputError, type CliIO } from '../io.js';
import type { Loaded } from '../script-input.js';

export interface CommandContext {
  io: CliIO;
  files: string[];
  values: Record<string, string | boolean | undefined>;
  load: (path: string) => Promise<Loaded>;
}

/** One `notecast` subcommand. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  minFiles: number;
  maxFiles?: number;
  /**
   * The options whose value names a file the command reads (`--from-ystore`,
   * `--answers`): inputs like the positional files, so `-o` may name none of
   * them and stdin (`-`) is read once.
   */
  inputOptions?: readonly string[];
  /** Resolves to the exit code. */
  run(context: CommandContext): Promise<number>;
}

export function report(io: CliIO, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) {
    io.stderr(`${formatDiagnostic(diagnostic)}\n`);
  }
}

/**
 * Write to `-o PATH` (replacing it all at once, only now that the command
 * has succeeded), or to stdout without it.
 */
export async function writeOutput(io: CliIO, path: string | undefined, text: string): Promise<void> {
  if (path === undefined || path === '-') {
    io.stdout(text);
    return;
  }
  try {
    await io.writeFile(path, text);
  } catch (error) {
    // Writing, a missing name means a missing folder: the file itself would be created.
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : describeErrno(error);
    io.stderr(`${displayName(path)}: error: cannot write the file: ${why}; nothing was written\n`);
    throw new InputError(why);
  }
}

/**
 * What most commands do: load the one input, report its messages, and write
 * what `render` makes of its script to `-o` or stdout. Exit 1 when the input
 * has errors.
 */
export async function renderScript({ io, files, values, load }: CommandContext, render: (script: Script) => string | Promise<string>): Promise<number> {
  const loaded = await load(files[0]);
  report(io, loaded.diagnostics);
  if (!loaded.script) {
    return 1;
  }
  await writeOutput(io, values.output as string | undefined, await render(loaded.script));
  return 0;
}
