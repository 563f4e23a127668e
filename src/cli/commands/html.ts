import { basename } from 'node:path';
import { userText } from '../../format/index.js';
import { UsageError } from '../io.js';
import { onePage } from '../one-file-page.js';
import { readOneFilePlayer } from '../one-file-player.js';
import { renderScript, type Command } from './command.js';

/** A language tag as `lang` takes it: `en`, `fr`, `pt-BR`, `zh-Hant-TW`. */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

export const htmlCommand: Command = {
  name: 'html',
  usage: 'notecast html TUTORIAL.md|SCRIPT.json [--lang LANG] [-o PAGE.html]',
  summary: 'Write the tutorial as one self-contained HTML page with the web player: opens offline, from a file or an attachment.',
  options: { output: { type: 'string', short: 'o' }, lang: { type: 'string' } },
  minFiles: 1,
  maxFiles: 1,
  async run(context) {
    const lang = context.values.lang as string | undefined;
    if (lang !== undefined && !LANGUAGE_TAG.test(lang)) {
      throw new UsageError(`--lang "${userText(lang)}" is not a language tag (e.g. en, fr, pt-BR)`);
    }
    const player = await readOneFilePlayer(context.io);
    const name = context.files[0] === '-' ? 'tutorial' : basename(context.files[0]);
    return renderScript(context, script => onePage(script, { lang: lang ?? script.lang ?? 'en', name, player }));
  }
};
