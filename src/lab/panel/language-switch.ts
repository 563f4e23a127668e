/**
 * The tutorial's language switch (R23): a labelled group with one button per
 * language, each named in its own language (and marked with its `lang`, so a
 * screen reader says “Français” in French); the current one is pressed.
 * Choosing another reopens the tutorial in it at the same step. Plain
 * buttons: Tab reaches them and Enter or Space presses them.
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import { sameLanguage } from '../../format/index.js';
import { element } from '../ui/lazy.js';
import { languageName, type TutorialLanguage } from '../tutorial/index.js';

export class LanguageSwitch {
  readonly node: HTMLDivElement;

  constructor(
    doc: Document,
    uid: string,
    languages: readonly TutorialLanguage[],
    current: string,
    trans: TranslationBundle,
    choose: (language: TutorialLanguage) => void
  ) {
    const node = (this.node = element(doc, 'div', 'jp-NotecastPlayer-languages'));
    node.setAttribute('role', 'group');
    const label = element(doc, 'span', 'jp-NotecastPlayer-languagesLabel', trans.__('Tutorial language'));
    label.id = `${uid}-languages`;
    node.setAttribute('aria-labelledby', label.id);
    node.appendChild(label);
    for (const language of languages) {
      const button = element(doc, 'button', 'jp-NotecastPlayer-language', languageName(language.lang));
      button.type = 'button';
      button.lang = language.lang;
      const pressed = sameLanguage(language.lang, current);
      button.setAttribute('aria-pressed', String(pressed));
      button.addEventListener('click', () => {
        if (!pressed) {
          choose(language);
        }
      });
      node.appendChild(button);
    }
  }
}
