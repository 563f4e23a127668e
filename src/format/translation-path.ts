/**
 * How a tutorial's translations are named: `intro.md` is the source,
 * `intro.fr.md` and `intro.pt-BR.md` are its French and Brazilian
 * Portuguese translations, side by side in one folder (`tutorial-file.ts`
 * reads a name; this file writes one and knows languages).
 */

/** Codes that are registered but name no language a tutorial is written in: none, several, undetermined, uncoded. */
const NOT_A_LANGUAGE = new Set(['zxx', 'mul', 'und', 'mis']);

let languageNames: Intl.DisplayNames | undefined;

/**
 * Whether `tag` is a BCP 47 language tag, in its canonical spelling (case
 * aside), whose language is a registered one: `fr`, `pt-BR`, `zh-Hant`, but
 * not `old` or `draft` (no such language), nor `bak` or `eng` (aliases of
 * `ba` and `en`), nor `qaa` (private use). So `intro.old.md` is a file of its
 * own, not a translation into "old". The language's name comes from `Intl`
 * (CLDR), which returns none for a code it does not know.
 */
export function isLanguageTag(tag: string): boolean {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    return false;
  }
  if (canonical?.toLowerCase() !== tag.toLowerCase()) {
    return false;
  }
  const language = new Intl.Locale(canonical).language;
  return !NOT_A_LANGUAGE.has(language) && !/^q[a-t][a-z]$/.test(language) && languageName(language) !== undefined;
}

/** The English name of a language code (`ne` → "Nepali"), or undefined for one `Intl` does not know. */
export function languageName(code: string): string | undefined {
  languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  try {
    return languageNames.of(code);
  } catch {
    return undefined;
  }
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
