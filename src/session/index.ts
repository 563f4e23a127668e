/**
 * The playback session: what the player does, for a person. Today the
 * presenter, which words the player's typed announcements through a
 * translation bundle (the lab's, or English in Node).
 */
export { englishTranslations, Presenter, type PresentOptions, type Translations, type Verbosity } from './presenter.js';
