import type { Translations } from './translations.js';

/**
 * A pause's prompt as said to the learner: "Your turn: <prompt>", unless the
 * prompt opens with those words itself, in English or in the learner's
 * language (authors often write "Your turn: add…"), so they are said once.
 * One wording for the announcement, the caption and the transcript.
 */
export function yourTurnPrompt(prompt: string, trans: Translations): string {
  const start = prompt.trimStart().toLocaleLowerCase();
  const saysIt = [trans.__('Your turn'), 'Your turn'].some(words => {
    const lower = words.toLocaleLowerCase();
    return start.startsWith(lower) && !/[\p{L}\p{N}]/u.test(start.charAt(lower.length));
  });
  return saysIt ? prompt : trans.__('Your turn: %1', prompt);
}
