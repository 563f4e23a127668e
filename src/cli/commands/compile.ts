import { stringifyScript } from '../../format/index.js';
import { renderScript, type Command } from './command.js';

export const compileCommand: Command = {
  name: 'compile',
  usage: 'notecast compile TUTORIAL.md [-o SCRIPT.json]',
  summary: 'Compile a Markdown tutorial into a script (to stdout without -o).',
  options: { output: { type: 'string', short: 'o' } },
  minFiles: 1,
  maxFiles: 1,
  run: context => renderScript(context, stringifyScript)
};
