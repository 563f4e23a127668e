import type { RegexPattern } from '../format/index.js';

/**
 * What the web build uses in place of `src/format/regex-pattern.ts` (see
 * scripts/build-web.mjs): a page plays a tutorial and never compares a run's
 * output with its `match=regex` pattern, so it need not carry the RE2 engine
 * (about 46 KB gzipped, a third of the player). A script's patterns are still
 * checked as it is validated, by the browser's own parser with RE2's two
 * refusals that JavaScript accepts (backreferences and lookaround) refused
 * too; `notecast check` and `notecast test` apply RE2 itself.
 */
const RE2_REFUSES = /\\[1-9]|\\k<|\(\?<?[=!]/;

export function compilePattern(source: string): RegexPattern | string {
  if (RE2_REFUSES.test(source)) {
    return '`match=regex` takes RE2 syntax, which has no backreferences and no lookaround';
  }
  try {
    const pattern = new RegExp(source, 'u');
    return { test: text => pattern.test(text) };
  } catch (error) {
    return `${(error as Error).message.slice(0, 200)}; \`match=regex\` takes RE2 syntax`;
  }
}
