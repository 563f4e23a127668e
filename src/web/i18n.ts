/**
 * The player's words in the page's language: the `lang` attribute, else the
 * nearest `lang` on the element or its ancestors (through shadow roots), else
 * English. Catalogs are the lab's, copied beside the bundle by the build and
 * fetched only when a page asks for their language.
 */
import { englishTranslations, languageCandidates, type Translations } from '../format/index.js';
import { assetUrl } from './assets.js';
import { translationBundle, type JedCatalog } from './translation-bundle.js';

/** The languages the player speaks besides English, by primary tag → catalog file beside the bundle. */
export const CATALOGS: Readonly<Record<string, string>> = { fr: 'locale/fr_FR.json' };

const loaded = new Map<string, Promise<Translations>>();

/** The language the element is in: its own `lang`, an ancestor's, or `en`. */
export function pageLanguage(element: Element): string {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
  }
  return 'en';
}

/** The bundle for `lang` (English when there is no catalog for it, or it cannot be fetched). */
export function translationsFor(lang: string): Promise<Translations> {
  const file = languageCandidates(lang)
    .map(candidate => candidate.toLowerCase())
    .map(candidate => (Object.hasOwn(CATALOGS, candidate) ? CATALOGS[candidate] : undefined))
    .find(Boolean);
  if (!file) return Promise.resolve(englishTranslations);
  let bundle = loaded.get(file);
  if (!bundle) {
    bundle = fetch(assetUrl(file))
      .then(response => (response.ok ? (response.json() as Promise<JedCatalog>) : {}))
      .then(catalog => translationBundle(catalog))
      .catch(() => englishTranslations);
    loaded.set(file, bundle);
  }
  return bundle;
}
