import { userText } from '../format/index.js';

/** Longest path echoed in a message, in characters; longer ones end in `…`. */
export const PATH_ECHO_LENGTH = 200;

/**
 * How a message names an input: `<stdin>` for `-`, otherwise the path as
 * given, on one line with control characters escaped and capped, since a
 * file name can hold anything a terminal would act on.
 */
export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : userText(path, PATH_ECHO_LENGTH);
}
