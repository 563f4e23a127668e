import { escapeControlCharacters, formatBytes, INPUT_LIMITS, userText } from '../format/index.js';
import { commandInputs, parseCommandArguments } from './arguments.js';
import { bakeCommand } from './commands/bake.js';
import { captionsCommand } from './commands/captions.js';
import { checkCommand } from './commands/check.js';
import type { Command } from './commands/command.js';
import { compileCommand } from './commands/compile.js';
import { htmlCommand } from './commands/html.js';
import { notebookCommand } from './commands/notebook.js';
import { recordCommand } from './commands/record.js';
import { testCommand } from './commands/test.js';
import { timelineCommand } from './commands/timeline.js';
import { transcriptCommand } from './commands/transcript.js';
import { InputError, UsageError, type CliIO } from './io.js';
import { loadScript } from './script-input.js';
import { refuseOutputOverInput } from './output-guard.js';
import { redactUrls } from './redact.js';
import { suggestName as didYouMean } from './suggest.js';

export const commands: Command[] = [
  compileCommand,
  checkCommand,
  notebookCommand,
  transcriptCommand,
  timelineCommand,
  htmlCommand,
  recordCommand,
  testCommand,
  bakeCommand,
  captionsCommand
];

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
    'FILE may be - to read stdin. Inputs may be at most',
    `${formatBytes(INPUT_LIMITS.markdown)} (Markdown) or ${formatBytes(INPUT_LIMITS.json)} (.json).`,
    'Exit status: 0 no errors, 1 the input has errors or cannot be read or written, 2 wrong usage.',
    ''
  ].join('\n');
}

/**
 * Run the command line. Resolves to the exit status and never throws: an
 * unexpected failure is reported in one line, without a stack trace. Every
 * known failure (usage, unreadable or oversized input, a failed write) has
 * its own message before that last resort.
 */
export async function main(argv: string[], rawIO: CliIO, version: string): Promise<number> {
  // Whatever reaches stderr is shown, not obeyed: no escape sequence from a
  // file name, an argument or a tutorial gets to the terminal; and no URL in
  // a message shows its credentials (a token, a password).
  const io: CliIO = { ...rawIO, stderr: text => rawIO.stderr(escapeControlCharacters(redactUrls(text))) };
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
      const names = commands.map(c => c.name);
      throw new UsageError(`unknown command "${userText(name)}"${didYouMean(name, names)} (commands: ${names.join(', ')})`);
    }
    const parsed = parseCommandArguments(command, rest);
    const { values, files } = parsed;
    if (values.help) {
      io.stdout(`Usage: ${command.usage}\n\n${command.summary}\n`);
      return EXIT.ok;
    }
    if (files.length < command.minFiles) {
      throw new UsageError(`missing file: ${command.usage}`);
    }
    if (command.maxFiles !== undefined && files.length > command.maxFiles) {
      throw new UsageError(`too many files (${files.length}): ${command.usage}`);
    }
    if (files.includes('')) {
      throw new UsageError(`a file name is empty: ${command.usage}`);
    }
    const inputs = commandInputs(command, parsed);
    if (inputs.filter(input => input.path === '-').length > 1) {
      throw new UsageError('stdin (`-`) can be read only once');
    }
    await refuseOutputOverInput(io, typeof values.output === 'string' ? values.output : undefined, inputs);
    return await command.run({ io, files, values, load: path => loadScript(io, path) });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`notecast: ${error.message}\nRun "notecast --help" for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      return EXIT.inputErrors;
    }
    io.stderr(
      `notecast: internal error: ${userText(error instanceof Error ? error.message : String(error), 200)}. Please report this with the input that caused it.\n`
    );
    return EXIT.inputErrors;
  }
}
