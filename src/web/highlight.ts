/**
 * Code cells coloured by Lezer, read-only: the grammar of the tutorial's
 * language is a chunk of its own, loaded only when a page shows that
 * language; an unknown language is plain text. Every token goes into the
 * page as a text node in a `<span class="tok-…">`, never as markup.
 */
import type { Parser } from '@lezer/common';
import { classHighlighter, highlightCode } from '@lezer/highlight';

/** The grammars the web player has, by the kernel's language. */
const GRAMMARS: Record<string, () => Promise<Parser>> = {
  python: () => import('@lezer/python').then(module => module.parser)
};

/** Cells past this many characters are shown plain: colouring them on each keystroke would lag. */
export const MAX_HIGHLIGHTED_CHARACTERS = 100_000;

/** The grammar for `language`, or undefined (plain text) when there is none or it fails to load. */
export async function loadGrammar(language: string): Promise<Parser | undefined> {
  const load = Object.hasOwn(GRAMMARS, language) ? GRAMMARS[language] : undefined;
  try {
    return await load?.();
  } catch {
    return undefined;
  }
}

/** Put `code` into `target`, coloured by `parser` when there is one. */
export function showCode(target: HTMLElement, code: string, parser: Parser | undefined): void {
  const doc = target.ownerDocument;
  if (!parser || code.length > MAX_HIGHLIGHTED_CHARACTERS) {
    target.textContent = code;
    return;
  }
  const fragment = doc.createDocumentFragment();
  highlightCode(
    code,
    parser.parse(code),
    classHighlighter,
    (text, classes) => {
      if (classes) {
        const span = doc.createElement('span');
        span.className = classes;
        span.textContent = text;
        fragment.appendChild(span);
      } else {
        fragment.appendChild(doc.createTextNode(text));
      }
    },
    () => fragment.appendChild(doc.createTextNode('\n'))
  );
  target.replaceChildren(fragment);
}
