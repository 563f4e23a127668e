/**
 * The web front end: `<notecast-player>`, a custom element that plays a
 * tutorial (Markdown, compiled in the page on demand, or a compiled .json)
 * into a read-only notebook in any page, with no kernel and no server. This
 * module registers the element when it is imported in a browser.
 */
import { NotecastPlayerElement } from './element.js';

export { NotecastPlayerElement };
export { ATTRIBUTES, SPEEDS, parseSpeed, parseStep, parseTheme, stepInHash, type Theme } from './attributes.js';
export { buildTryUrl, tutorialPath, type TryUrl } from './try-url.js';
export { renderMarkdown, safeImage, safeLink } from './safe-markdown.js';
export { pluralRule, translationBundle, type JedCatalog, type PluralRule } from './translation-bundle.js';
export { OUTPUT_LIMITS, imageUrl, runResult } from './outputs-view.js';

if (typeof customElements !== 'undefined' && !customElements.get('notecast-player')) {
  customElements.define('notecast-player', NotecastPlayerElement);
}
