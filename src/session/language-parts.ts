/**
 * Language of parts (WCAG 3.1.2): the player speaks in the learner's
 * language, and what the author wrote — titles, narration, summaries — comes
 * inside its sentences in the tutorial's. Splitting a message into runs, each
 * with its language, lets the lab mark the author's words with their `lang`
 * and leave the player's own in the language around them.
 */

/** A run of a message's text; `lang` when it is in the tutorial's language rather than the player's. */
export interface LanguagePart {
  text: string;
  lang?: string;
}

/**
 * `text` cut into runs: each of `authorWords` found in it (the longest first,
 * each where it does not overlap one already found) is in `lang`; two such
 * runs with only spaces and punctuation between them become one, so a voice
 * does not switch for a full stop. Without author words found, one run in
 * the player's language.
 */
export function languageParts(text: string, authorWords: readonly string[], lang: string): LanguagePart[] {
  const found: Array<{ start: number; end: number }> = [];
  for (const words of [...authorWords].sort((a, b) => b.length - a.length)) {
    if (!words) {
      continue;
    }
    for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
      const end = at + words.length;
      if (!found.some(range => at < range.end && range.start < end)) {
        found.push({ start: at, end });
        break;
      }
    }
  }
  found.sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && /^[\s\p{P}]*$/u.test(text.slice(last.end, range.start))) {
      last.end = range.end;
    } else {
      merged.push({ ...range });
    }
  }
  const parts: LanguagePart[] = [];
  let at = 0;
  for (const { start, end } of merged) {
    if (start > at) {
      parts.push({ text: text.slice(at, start) });
    }
    parts.push({ text: text.slice(start, end), lang });
    at = end;
  }
  if (at < text.length || parts.length === 0) {
    parts.push({ text: text.slice(at) });
  }
  return parts;
}
