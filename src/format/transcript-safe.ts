import { escapeControlCharacters } from './user-text.js';

/**
 * What every transcript format does to the script's text before escaping it
 * for the format: a transcript is read in terminals, editors and browsers,
 * and a script's strings can hold anything.
 */

// A fence's info string and an HTML class name hold it as it is; anything
// else (a backtick, a space, a newline, a quote) could end the construct.
const LANGUAGE_TOKEN = /^[A-Za-z0-9_+.#-]{1,32}$/;

/** The language when it is a plain token (`python`, `c++`, `objective-c`), else none. */
export function languageToken(language: string | undefined): string | undefined {
  return language !== undefined && LANGUAGE_TOKEN.test(language) ? language : undefined;
}

/**
 * Text as the transcript shows it: line endings as `\n`, and control and
 * bidirectional-override characters made visible (`\u001b`), so that a
 * terminal does not act on them and a line reads as its characters are.
 */
export function visibleText(text: string): string {
  return escapeControlCharacters(text.replace(/\r\n?/g, '\n'));
}

/** A line break in a one-line field (a title) shown as a space. */
export function oneLine(text: string): string {
  return visibleText(text).replace(/\n/g, ' ');
}

/**
 * A link's or image's address when following it is harmless: the web, mail,
 * or a path relative to the tutorial (an image may also be inline data).
 * Anything else (`javascript:`, `vbscript:`, `file:`, or a colon before the
 * first slash that some reader could take for a scheme) is shown as text,
 * never made a link a reader could follow. Characters that could end the
 * address where it is written (spaces, quotes, brackets) are percent-encoded.
 */
export function safeUrl(url: string, image = false): string | undefined {
  const address = url.trim();
  // A control character in an address is never one a person typed.
  if (address === '' || /\p{Cc}/u.test(address)) {
    return undefined;
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(address)?.[1]?.toLowerCase();
  const allowed =
    scheme === undefined
      ? !/^[^/?#]*:/.test(address)
      : scheme === 'http' || scheme === 'https' || (!image && scheme === 'mailto') || (image && /^data:image\/(png|jpeg|gif|webp);/i.test(address));
  if (!allowed) {
    return undefined;
  }
  // A relative path keeps no colon either: no reader can mistake what follows for a scheme.
  const keep = scheme === undefined ? /[A-Za-z0-9\-._~/?#@!$&*+,;=%]/ : /[A-Za-z0-9\-._~:/?#@!$&*+,;=%]/;
  return Array.from(address, c => (keep.test(c) ? c : percentEncoded(c))).join('');
}

function percentEncoded(character: string): string {
  return Array.from(new TextEncoder().encode(character), byte => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}
