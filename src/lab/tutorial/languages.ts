/**
 * A tutorial's languages (R23): `intro.md` and its translations beside it,
 * `intro.fr.md`, `intro.pt-BR.md`. Opening `intro.md` picks the translation
 * in the learner's JupyterLab language when there is one; the player lists
 * them all, so the learner can switch.
 */
import { PathExt } from '@jupyterlab/coreutils';
import type { Contents } from '@jupyterlab/services';
import { languageCandidates, sameLanguage, translationName, translationPath } from '../../format/index.js';

export interface TutorialLanguage {
  /** BCP 47 tag: `en`, `fr`. */
  lang: string;
  path: string;
}

type ContentsManager = Pick<Contents.IManager, 'get'>;

/** The names in a folder, or none when it cannot be listed (the tutorial opens as asked). */
async function namesIn(contents: ContentsManager, dir: string): Promise<Set<string>> {
  try {
    const listing = await contents.get(dir, { content: true, type: 'directory' });
    const items = Array.isArray(listing.content) ? (listing.content as Contents.IModel[]) : [];
    return new Set(items.filter(item => item.type !== 'directory').map(item => item.name));
  } catch {
    return new Set();
  }
}

/**
 * The file to open for a learner whose JupyterLab speaks `locale` (`fr-FR`):
 * the source's translation into that language (`fr-FR`, then `fr`) if there
 * is one, else the path as given. A path that is itself a translation is
 * opened as it is: the learner chose it.
 */
export async function tutorialForLearner(contents: ContentsManager, path: string, locale: string): Promise<string> {
  if (translationName(path)) {
    return path;
  }
  const names = await namesIn(contents, PathExt.dirname(path));
  for (const lang of languageCandidates(locale)) {
    const candidate = translationPath(path, lang);
    if (names.has(PathExt.basename(candidate))) {
      return candidate;
    }
  }
  return path;
}

/**
 * Every language of the tutorial at `path`, the source's first:
 * `lang` is the language of the file at `path` (its script's).
 * Only one entry: the tutorial has no translation.
 */
export async function tutorialLanguages(contents: ContentsManager, path: string, lang: string): Promise<TutorialLanguage[]> {
  const names = await namesIn(contents, PathExt.dirname(path));
  const asTranslation = translationName(path);
  const isTranslation = asTranslation !== undefined && names.has(PathExt.basename(asTranslation.source));
  const source = isTranslation ? asTranslation.source : path;
  const sourceLang = isTranslation ? await sourceLanguage(contents, source) : lang;
  const stem = PathExt.basename(source).replace(/\.[^.]*$/, '');
  const extension = PathExt.extname(source);
  const found: TutorialLanguage[] = [{ lang: sourceLang, path: source }];
  for (const name of Array.from(names).sort()) {
    const translation = translationName(PathExt.join(PathExt.dirname(source), name));
    if (translation && name === `${stem}.${translation.lang}${extension}` && !found.some(known => sameLanguage(known.lang, translation.lang))) {
      found.push({ lang: translation.lang, path: PathExt.join(PathExt.dirname(source), name) });
    }
  }
  return found;
}

/** The `lang:` of a source tutorial's front matter, without compiling it; `en` when it has none. */
async function sourceLanguage(contents: ContentsManager, path: string): Promise<string> {
  try {
    const model = await contents.get(path, { content: true, type: 'file', format: 'text' });
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(String(model.content ?? ''))?.[1] ?? '';
    return /^lang:\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)["']?\s*$/m.exec(front)?.[1] ?? 'en';
  } catch {
    return 'en';
  }
}

/** A language's name in that language, as a language menu shows it: `fr` → “Français”. */
export function languageName(lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang);
    return name ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : lang;
  } catch {
    return lang;
  }
}
