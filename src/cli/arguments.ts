import { parseArgs, type ParseArgsConfig } from 'node:util';
import { userText } from '../format/index.js';
import type { Command } from './commands/command.js';
import { UsageError } from './io.js';
import { suggestName as didYouMean } from './suggest.js';

export interface CommandArguments {
  values: Record<string, string | boolean | undefined>;
  files: string[];
}

/** A file a command reads, and the option that named it (none for a positional file). */
export interface CommandInput {
  path: string;
  option?: string;
}

/** Every file the command will read: its positional files, then each input option given. */
export function commandInputs(command: Command, { values, files }: CommandArguments): CommandInput[] {
  const named = (command.inputOptions ?? []).flatMap(option => {
    const value = values[option];
    return typeof value === 'string' ? [{ path: value, option }] : [];
  });
  return [...files.map(path => ({ path })), ...named];
}

/**
 * Parse a command's options and files. Mistakes are usage errors in our
 * words, quoting what was typed safely (Node's own messages echo it raw and
 * unbounded): an unknown option, with the closest known one; an option
 * missing its value; a value on a flag.
 */
export function parseCommandArguments(command: Command, args: string[]): CommandArguments {
  const options: NonNullable<ParseArgsConfig['options']> = { ...command.options, help: { type: 'boolean', short: 'h' } };
  const known = Object.keys(options).map(name => `--${name}`);
  const { values, positionals, tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') {
      continue;
    }
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    const typed = userText(token.rawName);
    if (!spec) {
      throw new UsageError(`unknown option "${typed}" for ${command.name}${didYouMean(token.rawName, known)} (${command.name} takes ${known.join(', ')})`);
    }
    if (spec.type === 'string') {
      if (token.value === undefined || token.value === '') {
        throw new UsageError(`option "${typed}" needs a value: ${command.usage}`);
      }
      if (!token.inlineValue && token.value.startsWith('-') && token.value !== '-') {
        throw new UsageError(
          `option "${typed}" needs a value, and "${userText(token.value)}" after it looks like another option; write --${token.name}=${userText(token.value)} if that is the value`
        );
      }
    } else if (token.inlineValue) {
      throw new UsageError(`option "${typed}" takes no value, found "${userText(`${token.rawName}=${token.value ?? ''}`)}"`);
    }
  }
  return { values: values, files: positionals };
}
