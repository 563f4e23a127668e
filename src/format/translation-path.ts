/**
 * How a tutorial's translations are named: `intro.md` is the source,
 * `intro.fr.md` and `intro.pt-BR.md` are its French and Brazilian
 * Portuguese translations, side by side in one folder.
 */

/** A language suffix as translations use it: a BCP 47 tag (`fr`, `pt-BR`, `zh-Hant`). */
const SUFFIX = /^(.*)\.([a-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3})\.(md|markdown|json)$/;

export interface TranslationName {
  /** The source tutorial's path: `intro.md` for `intro.fr.md`. */
  source: string;
  /** The language in the name: `fr`. */
  lang: string;
}

/** The source and language of a translation's path, or undefined for a path without a language suffix. */
export function translationName(path: string): TranslationName | undefined {
  const match = SUFFIX.exec(path);
  if (!match || match[1].endsWith('/') || match[1] === '') {
    return undefined;
  }
  return { source: `${match[1]}.${match[3]}`, lang: match[2] };
}

/** The path of the translation of `source` into `lang`: `intro.md`, `fr` → `intro.fr.md`. */
export function translationPath(source: string, lang: string): string {
  const dot = source.lastIndexOf('.');
  const slash = source.lastIndexOf('/');
  return dot > slash + 1 ? `${source.slice(0, dot)}.${lang}${source.slice(dot)}` : `${source}.${lang}.md`;
}

/**
 * The languages to try for a learner, best first: `fr-FR` → `fr-FR`, `fr`.
 * JupyterLab spells locales with an underscore (`fr_FR`); tags use a hyphen.
 */
export function languageCandidates(locale: string): string[] {
  const tag = locale.replace(/_/g, '-');
  const candidates: string[] = [];
  const parts = tag.split('-');
  for (let i = parts.length; i > 0; i--) {
    candidates.push(parts.slice(0, i).join('-'));
  }
  return candidates.filter(candidate => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(candidate));
}

/** Whether two language tags name the same language, ignoring case (`pt-br` is `pt-BR`). */
export function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
