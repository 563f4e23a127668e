import { compareTranslation, sameLanguage, translationName, type Script } from '../../format/index.js';
import type { Diagnostic } from '../diagnostic.js';
import { displayName } from '../display-name.js';
import type { CliIO } from '../io.js';
import { INPUT_LIMITS } from '../limits.js';
import type { Loaded } from '../load.js';

/**
 * A translation (`intro.fr.md` beside `intro.md`) must have its source's
 * structure: the same steps, cells, code and runs, in other words. A file
 * whose name has a language suffix but no source beside it is a tutorial of
 * its own, and is not compared.
 */
export async function checkTranslation(io: CliIO, path: string, script: Script, load: (path: string) => Promise<Loaded>): Promise<Diagnostic[]> {
  const name = translationName(path);
  if (!name || !(await exists(io, name.source))) {
    return [];
  }
  const file = displayName(path);
  const sourceFile = displayName(name.source);
  const at = (line: number | undefined, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({
    file,
    line: line ?? 1,
    column: 1,
    severity,
    message,
    ruleId: 'translation-mismatch'
  });
  const found: Diagnostic[] = [];
  const lang = script.lang ?? 'en';
  if (!sameLanguage(lang, name.lang)) {
    found.push(
      at(
        1,
        `Unexpected language \`${lang}\` for a translation named \`.${name.lang}.\`: add \`lang: ${name.lang}\` to the front matter, or rename the file to match its language`
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

async function exists(io: CliIO, path: string): Promise<boolean> {
  try {
    await io.readFile(path, INPUT_LIMITS.markdown);
    return true;
  } catch {
    // Missing, unreadable or too large: there is no source to compare with here.
    return false;
  }
}
