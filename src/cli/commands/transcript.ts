import { buildTranscript, renderTranscript, userText, type TranscriptFormat } from '../../format/index.js';
import { UsageError } from '../io.js';
import { suggestName as didYouMean } from '../suggest.js';
import { renderScript, type Command } from './command.js';

const FORMATS: TranscriptFormat[] = ['markdown', 'html', 'text'];

export const transcriptCommand: Command = {
  name: 'transcript',
  usage: 'notecast transcript TUTORIAL.md|SCRIPT.json [--format markdown|html|text] [-o OUT]',
  summary: 'Write the accessible transcript: every step, its narration, and what the player does, in words.',
  options: { format: { type: 'string', short: 'f', default: 'markdown' }, output: { type: 'string', short: 'o' } },
  minFiles: 1,
  maxFiles: 1,
  run(context) {
    const format = context.values.format as TranscriptFormat;
    if (!FORMATS.includes(format)) {
      throw new UsageError(`unknown --format "${userText(String(format))}"${didYouMean(String(format), FORMATS)} (expected ${FORMATS.join(', ')})`);
    }
    return renderScript(context, script => renderTranscript(buildTranscript(script), format));
  }
};
