/**
 * What a file's name says about it as a tutorial: whether it is one, what it
 * holds (Markdown or a compiled script), and whether it is a translation.
 * The loader, the lab's picker and notebook names, and translations all ask
 * here, so a name counts the same way everywhere.
 */
import type { InputKind } from './input-limits.js';
import { isLanguageTag } from './translation-path.js';

/** The names a tutorial ends with, longest first so `.notecast.json` wins over `.json`. */
const EXTENSIONS: ReadonlyArray<{ extension: string; kind: InputKind; listed: boolean }> = [
  { extension: '.notecast.json', kind: 'json', listed: true },
  { extension: '.markdown', kind: 'markdown', listed: true },
  { extension: '.json', kind: 'json', listed: false },
  { extension: '.md', kind: 'markdown', listed: true }
];

/** A language suffix before the extension: `fr` of `intro.fr.md`; `isLanguageTag` decides whether it is one. */
const LANGUAGE_SUFFIX = /^(.+)\.([a-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3})$/;

export interface TranslationName {
  /** The source tutorial's path: `intro.md` for `intro.fr.md`. */
  source: string;
  /** The language in the name: `fr`. */
  lang: string;
}

export interface TutorialFile {
  /** What the file holds. */
  kind: InputKind;
  /** The name without folder and extension: `intro.fr` of `a/intro.fr.md`, `intro` of `intro.notecast.json`. */
  stem: string;
  /** The extension as the name spells it: `.md`, `.markdown`, `.notecast.json`, `.json`. */
  extension: string;
  /**
   * Whether a folder's list of tutorials offers it: Markdown and `.notecast.json`
   * scripts that are not hidden. Any other `.json` loads as a script when named,
   * but a folder's `package.json` is no tutorial.
   */
  listed: boolean;
  /** Present when the name carries a language: `intro.fr.md` translates `intro.md`. */
  translation?: TranslationName;
}

/** What `path` is as a tutorial, or undefined when its name is not a tutorial's (`notes.txt`, `.md`). */
export function tutorialFile(path: string): TutorialFile | undefined {
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const lower = name.toLowerCase();
  const known = EXTENSIONS.find(({ extension }) => lower.endsWith(extension) && lower.length > extension.length);
  if (!known) {
    return undefined;
  }
  const extension = name.slice(name.length - known.extension.length);
  const stem = name.slice(0, name.length - extension.length);
  const hidden = name.startsWith('.');
  // The language comes right before the last extension, where `translationPath` writes it: `intro.notecast.fr.json`.
  const last = extension.slice(extension.lastIndexOf('.'));
  const language = LANGUAGE_SUFFIX.exec(name.slice(0, name.length - last.length));
  const translation = language && isLanguageTag(language[2]) ? { source: `${folder}${language[1]}${last}`, lang: language[2] } : undefined;
  // `intro.notecast.fr.json` translates `intro.notecast.json`, which a folder lists.
  const listed = !hidden && (known.listed || (translation !== undefined && tutorialFile(translation.source)?.listed === true));
  return { kind: known.kind, stem, extension, listed, ...(translation && { translation }) };
}

/** The source and language of a translation's path, or undefined for a path without a language suffix. */
export function translationName(path: string): TranslationName | undefined {
  return tutorialFile(path)?.translation;
}

/** What a path holds, by its name: `.json` is a compiled script, anything else (`-`, `.txt`) a tutorial. */
export function kindOfPath(path: string): InputKind {
  return tutorialFile(path)?.kind ?? 'markdown';
}
