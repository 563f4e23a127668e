import { stringifyScript } from '../../format/index.js';
import { report, writeOutput, type Command } from './command.js';

export const compileCommand: Command = {
  name: 'compile',
  usage: 'notecast compile TUTORIAL.md [-o SCRIPT.json]',
  summary: 'Compile a Markdown tutorial into a script (to stdout without -o).',
  options: { output: { type: 'string', short: 'o' } },
  minFiles: 1,
  maxFiles: 1,
  async run({ io, files, values, load }) {
    const loaded = await load(files[0]);
    report(io, loaded.diagnostics);
    if (!loaded.script) {
      return 1;
    }
    await writeOutput(io, values.output as string | undefined, stringifyScript(loaded.script));
    return 0;
  }
};
