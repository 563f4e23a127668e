import { playToNotebook } from '../../apply/index.js';
import { report, writeOutput, type Command } from './command.js';

export const notebookCommand: Command = {
  name: 'notebook',
  usage: 'notecast notebook TUTORIAL.md|SCRIPT.json [-o OUT.ipynb]',
  summary: 'Play every edit headless and write the notebook the learner ends with (nbformat 4, no outputs).',
  options: { output: { type: 'string', short: 'o' } },
  minFiles: 1,
  maxFiles: 1,
  async run({ io, files, values, load }) {
    const loaded = await load(files[0]);
    report(io, loaded.diagnostics);
    if (!loaded.script) {
      return 1;
    }
    // nbformat's own on-disk style: one-space indent, trailing newline.
    await writeOutput(io, values.output as string | undefined, `${JSON.stringify(playToNotebook(loaded.script), null, 1)}\n`);
    return 0;
  }
};
