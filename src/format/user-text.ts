/**
 * Text that came from a tutorial or script, made safe to echo in a message.
 *
 * Messages quote what the author wrote ("Unknown attribute `foo`"), and the
 * author's text can be anything: megabytes long, or full of terminal escape
 * sequences that would repaint the screen (a JSON key can print a fake
 * "0 errors"). Every message that quotes user text goes through `userText`;
 * every line the CLI prints goes through `escapeControlCharacters` as well.
 */

/** How many user-perceived characters a quoted excerpt keeps by default. */
export const EXCERPT_LENGTH = 40;

const ELLIPSIS = '…';

// C0 controls but tab and newline, DEL, C1 controls, and the bidirectional
// overrides and isolates that can make a line read differently from its bytes.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `\x1b` → `\u001b`, shown as text; tab and newline stay. */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, escapeOne);
}

/**
 * A quotable excerpt of user text: on one line (control characters and
 * newlines escaped), at most `max` characters as shown (a grapheme counts
 * one, an escape such as `\u001b` its length, so escapes cannot make an
 * excerpt six times longer), cut only between graphemes (so never inside a
 * surrogate pair or an emoji sequence), with `…` when cut.
 */
export function userText(text: string, max = EXCERPT_LENGTH): string {
  // Look at a bounded prefix only: a grapheme is rarely over 32 code units,
  // and user text can be megabytes.
  const window = text.length > max * 32 ? text.slice(0, max * 32) : text;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let shown = '';
  let width = 0;
  for (const { segment } of segmenter.segment(window)) {
    const escaped = segment.replace(CONTROL_OR_NEWLINE, escapeOne);
    const cost = escaped === segment ? 1 : escaped.length;
    if (width + cost > max) {
      return shown + ELLIPSIS;
    }
    shown += escaped;
    width += cost;
  }
  return window.length < text.length ? shown + ELLIPSIS : shown;
}

let segmenter: Intl.Segmenter | undefined;

function escapeOne(character: string): string {
  const code = character.charCodeAt(0);
  if (code === 10) {
    return '\\n';
  }
  if (code === 13) {
    return '\\r';
  }
  if (code === 9) {
    return '\\t';
  }
  return `\\u${code.toString(16).padStart(4, '0')}`;
}
