/**
 * A tutorial's translations (`intro.fr.md` beside `intro.md`), offered in a
 * menu when `src` is Markdown on the page's own site: the source and its
 * translations into the languages the player speaks and the page's, each
 * asked for once; one that cannot be fetched is simply not offered.
 */
import { translationName, translationPath, type Script } from '../format/index.js';
import { CATALOGS } from './i18n.js';
import type { PlayerUi } from './player-ui.js';

export interface TutorialLanguage {
  lang: string;
  path: string;
}

/** The tutorial's languages that exist beside `src` (none when `src` is not same-site Markdown). */
export async function findTranslations(src: string, script: Script): Promise<TutorialLanguage[]> {
  const path = src.replace(/[?#].*$/s, '');
  let url: URL;
  try {
    url = new URL(path, document.baseURI);
  } catch {
    return [];
  }
  if (url.origin !== location.origin || !/\.(md|markdown)$/i.test(path)) return [];
  const named = translationName(path);
  const source = named?.source ?? path;
  const current: TutorialLanguage = { lang: named?.lang ?? script.lang ?? 'en', path };
  const wanted = new Set(['en', ...Object.keys(CATALOGS), (document.documentElement.lang || 'en').split('-')[0]]);
  const candidates: TutorialLanguage[] = [];
  if (named) candidates.push({ lang: '', path: source });
  for (const lang of wanted) {
    if (lang.toLowerCase() === current.lang.split('-')[0].toLowerCase()) continue;
    const candidate = translationPath(source, lang);
    if (candidate !== path) candidates.push({ lang, path: candidate });
  }
  const found = await Promise.all(
    candidates.map(async candidate => {
      try {
        const response = await fetch(candidate.path, { method: 'HEAD', credentials: 'same-origin' });
        return response.ok ? candidate : undefined;
      } catch {
        return undefined;
      }
    })
  );
  const others = found.filter((candidate): candidate is TutorialLanguage => candidate !== undefined);
  // The source's language is only known once it is read; a source without a suffix is named by its path.
  return others.length ? [current, ...others] : [];
}

/** Fill the language menu, or keep it hidden when there is nothing to choose. */
export function showLanguages(ui: PlayerUi, languages: readonly TutorialLanguage[], src: string): void {
  if (languages.length < 2) return;
  const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'language' }) : undefined;
  ui.languageMenu.replaceChildren(
    ...languages.map(language => {
      const option = document.createElement('option');
      option.value = language.path;
      option.textContent = language.lang ? (names?.of(language.lang) ?? language.lang) : language.path;
      if (language.lang) option.lang = language.lang;
      option.selected = language.path === src.replace(/[?#].*$/s, '');
      return option;
    })
  );
  ui.languages.hidden = false;
}
