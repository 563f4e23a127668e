import { RE2JS, RE2JSSyntaxException } from 're2js';
import { userText } from './user-text.js';

/** A compiled `match=regex` pattern: does it match somewhere in `text`? */
export interface RegexPattern {
  test(text: string): boolean;
}

/**
 * A regular expression in RE2 syntax (searched anywhere in the output), or why
 * it is not one. RE2 matches in time linear in the output, where a
 * backtracking engine (JavaScript's RegExp) can take hours on `^(a+)+$` and
 * cannot be interrupted while it does; the price is no backreferences and no
 * lookaround, which RE2 refuses when the pattern is compiled.
 *
 * Its own module because the engine is large (about 46 KB gzipped): the web
 * player, which never compares outputs, is built with a lighter syntax check
 * in its place (`src/web/page-regex-pattern.ts`).
 */
export function compilePattern(source: string): RegexPattern | string {
  try {
    return RE2JS.compile(source);
  } catch (error) {
    if (error instanceof RE2JSSyntaxException) {
      const where = error.getPattern() ? `: \`${userText(error.getPattern() ?? '')}\`` : '';
      return `${error.getDescription()}${where}; \`match=regex\` takes RE2 syntax, which has no backreferences and no lookaround`;
    }
    // Too large a program, too deep a nesting: RE2's other refusals say what they are.
    return `${userText((error as Error).message, 200)}; \`match=regex\` takes RE2 syntax`;
  }
}
