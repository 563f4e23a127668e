import { playToNotebook } from '../../apply/index.js';
import { renderScript, type Command } from './command.js';

export const notebookCommand: Command = {
  name: 'notebook',
  usage: 'notecast notebook TUTORIAL.md|SCRIPT.json [-o OUT.ipynb]',
  summary: 'Play every edit headless and write the notebook the learner ends with (nbformat 4, no outputs).',
  options: { output: { type: 'string', short: 'o' } },
  minFiles: 1,
  maxFiles: 1,
  // nbformat's own on-disk style: one-space indent, trailing newline.
  run: context => renderScript(context, script => `${JSON.stringify(playToNotebook(script), null, 1)}\n`)
};
