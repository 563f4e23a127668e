import { parseArgs } from 'node:util';
import { checkCommand } from './commands/check.js';
import type { Command } from './commands/command.js';
import { compileCommand } from './commands/compile.js';
import { notebookCommand } from './commands/notebook.js';
import { timelineCommand } from './commands/timeline.js';
import { transcriptCommand } from './commands/transcript.js';
import { InputError, UsageError, type CliIO } from './io.js';
import { loadScript } from './load.js';

export const commands: Command[] = [compileCommand, checkCommand, notebookCommand, transcriptCommand, timelineCommand];

export const EXIT = { ok: 0, inputErrors: 1, usage: 2 } as const;

export function helpText(version: string): string {
  const width = Math.max(...commands.map(command => command.name.length));
  return [
    `notecast ${version}: accessible, narrated tutorials for JupyterLab`,
    '',
    'Usage:',
    ...commands.map(command => `  ${command.usage}`),
    '',
    'Commands:',
    ...commands.map(command => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Messages look like FILE:LINE:COLUMN: error|warning: MESSAGE (rule-id).',
    'Exit status: 0 no errors, 1 the input has errors, 2 wrong usage.',
    ''
  ].join('\n');
}

/**
 * Run the command line. Resolves to the exit status and never throws: an
 * unexpected failure is reported in one line, without a stack trace.
 */
export async function main(argv: string[], io: CliIO, version: string): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      (name === undefined ? io.stderr : io.stdout)(helpText(version));
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${version}\n`);
      return EXIT.ok;
    }
    const command = commands.find(candidate => candidate.name === name);
    if (!command) {
      throw new UsageError(`unknown command "${name}"; commands: ${commands.map(c => c.name).join(', ')}`);
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ''));
    }
    if (parsed.values.help) {
      io.stdout(`Usage: ${command.usage}\n\n${command.summary}\n`);
      return EXIT.ok;
    }
    const files = parsed.positionals;
    if (files.length < command.minFiles) {
      throw new UsageError(`missing file: ${command.usage}`);
    }
    if (command.maxFiles !== undefined && files.length > command.maxFiles) {
      throw new UsageError(`too many files (${files.length}): ${command.usage}`);
    }
    return await command.run({ io, files, values: parsed.values as Record<string, string | boolean | undefined>, load: path => loadScript(io, path) });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`notecast: ${error.message}\nRun "notecast --help" for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      return EXIT.inputErrors;
    }
    io.stderr(`notecast: internal error: ${error instanceof Error ? error.message : String(error)}. Please report this with the input that caused it.\n`);
    return EXIT.inputErrors;
  }
}
