import {
  compareTranslation,
  formatBytes,
  INPUT_LIMITS,
  kindOfPath,
  languageName,
  sameLanguage,
  translationName,
  type Script
} from '../../format/index.js';
import type { Diagnostic } from '../diagnostic.js';
import { displayName } from '../display-name.js';
import { TooLargeError, type CliIO } from '../io.js';
import type { Loaded } from '../script-input.js';

/**
 * A translation (`intro.fr.md` beside `intro.md`) must have its source's
 * structure: the same steps, cells, code and runs, in other words. A file
 * whose name has a language suffix but no source beside it is a tutorial of
 * its own, and is not compared; one whose source is too large to read is not
 * compared either, and a note says so.
 */
export async function checkTranslation(io: CliIO, path: string, script: Script, load: (path: string) => Promise<Loaded>): Promise<Diagnostic[]> {
  const name = translationName(path);
  const found: Diagnostic[] = [];
  const state = name ? await sourceState(io, name.source) : 'missing';
  if (!name || state === 'missing') {
    return found;
  }
  const file = displayName(path);
  const sourceFile = displayName(name.source);
  if (state instanceof TooLargeError) {
    found.push({
      file,
      line: 1,
      column: 1,
      severity: 'note',
      message: `Not compared with its source ${sourceFile}: the source is larger than ${formatBytes(state.limit)}, the most Notecast reads, so the translation's structure was not checked against it`,
      ruleId: 'translation-not-compared'
    });
    return found;
  }
  const at = (line: number | undefined, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({
    file,
    line: line ?? 1,
    column: 1,
    severity,
    message,
    ruleId: 'translation-mismatch'
  });
  const lang = script.lang ?? 'en';
  if (!sameLanguage(lang, name.lang)) {
    const language = languageName(name.lang);
    found.push(
      at(
        1,
        `Unexpected language \`${lang}\` for a translation of ${sourceFile} named \`.${name.lang}.\`${language ? ` (${language})` : ''}: add \`lang: ${name.lang}\` to the front matter, or rename the file to match its language (without \`.${name.lang}.\` if it is not a translation)`
      )
    );
  }
  const source = await load(name.source);
  if (!source.script) {
    found.push(at(1, `Cannot compare with the source ${sourceFile}: it has errors; check it and fix them first`, 'warning'));
    return found;
  }
  if (sameLanguage(source.script.lang ?? 'en', lang)) {
    found.push(at(1, `Unexpected \`lang: ${lang}\`, the same as the source ${sourceFile}: a translation says which language it is in`));
  }
  for (const mismatch of compareTranslation(source.script, script)) {
    const where = mismatch.sourceLine !== undefined ? ` (source: ${sourceFile}:${mismatch.sourceLine})` : ` (source: ${sourceFile})`;
    found.push(at(mismatch.line, `${mismatch.message}${where}`));
  }
  return found;
}

/** Whether the source can be read (within its kind's size limit), is too large, or is missing or unreadable. */
async function sourceState(io: CliIO, path: string): Promise<'present' | 'missing' | TooLargeError> {
  try {
    await io.readFile(path, INPUT_LIMITS[kindOfPath(path)]);
    return 'present';
  } catch (error) {
    // Missing or unreadable: there is no source to compare with here.
    return error instanceof TooLargeError ? error : 'missing';
  }
}
