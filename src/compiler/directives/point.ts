import { didYouMean, userText } from '../../format/index.js';
import { LAB_COMMANDS } from '../known-lab-commands.js';
import type { Directive } from './directive.js';

/** A command id as JupyterLab spells them: `namespace:name`, no spaces. */
const COMMAND_ID = /^[A-Za-z0-9_.@/-]+:[A-Za-z0-9_.:-]+$/;

/**
 * `::point{command=ID}` points at the part of the interface that runs a
 * JupyterLab command (much of a lesson happens outside the notebook: the file
 * browser, the Run button, the kernel menu); `wait` waits until the learner
 * runs it. The player never clicks for the learner.
 */
export const pointDirective: Directive = {
  name: 'point',
  forms: ['leafDirective'],
  usage: '`::point{command=ID}` on its own line, with a JupyterLab command id such as `notebook:run-cell-and-select-next` (option: `wait`)',
  attributes: {
    command: { kind: 'text', required: true, nonEmpty: true },
    wait: { kind: 'flag' }
  },
  compile({ node, attributes, place, builder, report }) {
    const command = (attributes.command as string).trim();
    if (!COMMAND_ID.test(command) || command.length > 200) {
      report.error(
        `Unexpected \`command=${userText(command)}\` on \`::point\`, expected a JupyterLab command id such as \`notebook:run-cell\` (a namespace, \`:\`, a name; no spaces)`,
        place('command'),
        'invalid-attribute'
      );
      return;
    }
    if (!LAB_COMMANDS.has(command)) {
      report.warn(
        `Unknown JupyterLab command \`${userText(command)}\` on \`::point\`: it is not one of JupyterLab's own (if an extension provides it, the learner needs that extension; the player says so when it is missing)${didYouMean(command, LAB_COMMANDS)}`,
        place('command'),
        'unknown-command'
      );
    }
    const line = node.position?.start.line;
    builder.emit({ op: 'point', command, ...(attributes.wait === true ? { wait: true } : {}), ...(line ? { line } : {}) }, node.position?.start);
  }
};
