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
