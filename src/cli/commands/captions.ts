import { writeWebVtt } from '../../format/index.js';
import { buildCaptions } from '../captions.js';
import { renderScript, type Command } from './command.js';

export const captionsCommand: Command = {
  name: 'captions',
  usage: 'notecast captions TUTORIAL.md|SCRIPT.json [-o CAPTIONS.vtt]',
  summary: 'The narration as WebVTT captions, timed as the player says it at speed 1 (to stdout without -o).',
  options: { output: { type: 'string', short: 'o' } },
  minFiles: 1,
  maxFiles: 1,
  run: context => renderScript(context, async script => writeWebVtt(await buildCaptions(script)))
};
