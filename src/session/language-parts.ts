/**
 * Language of parts (WCAG 3.1.2): the player speaks in the learner's
 * language, and what the author wrote — titles, narration, summaries — comes
 * inside its sentences in the tutorial's. The author's words are marked as
 * they go into a translated message (`authored`), so they are found where
 * they are, never by searching the finished sentence (where the same word
 * could also be the player's); `languageParts` then cuts the message into
 * runs, each with its language.
 */

/** A run of a message's text; `lang` when it is the author's, in the tutorial's language. */
export interface LanguagePart {
  text: string;
  lang?: string;
}

// Private-use characters: never in a translation, and taken out of the author's words.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;

/** `words`, marked as the author's, to go into a translated message as an argument. */
export function authored(words: string): string {
  return words ? `${OPEN}${words.replace(MARKS, '')}${CLOSE}` : '';
}

/** `message` without the marks: what is said and shown. */
function plainText(message: string): string {
  return message.replace(MARKS, '');
}

/**
 * `message`'s runs: what `authored` marked is in `lang`, the rest in the
 * player's language. Two of the author's runs with only spaces and
 * punctuation between them are one, so a voice does not switch for a full
 * stop. A message with nothing marked is one run.
 */
export function languageParts(message: string, lang: string): LanguagePart[] {
  const runs: LanguagePart[] = [];
  for (const [index, piece] of message.split(OPEN).entries()) {
    const close = index === 0 ? -1 : piece.indexOf(CLOSE);
    const [author, player] = close < 0 ? ['', piece] : [piece.slice(0, close), piece.slice(close + 1)];
    if (author) {
      const last = runs[runs.length - 1];
      const before = runs[runs.length - 2];
      if (last && last.lang === undefined && before?.lang !== undefined && /^[\s\p{P}]*$/u.test(last.text)) {
        runs.pop();
        before.text += last.text + author;
      } else if (last?.lang !== undefined) {
        last.text += author;
      } else {
        runs.push({ text: author, lang });
      }
    }
    const rest = plainText(player);
    if (rest) {
      runs.push({ text: rest });
    }
  }
  return runs.length ? runs : [{ text: '' }];
}
