/**
 * The one place for Notecast's axe-core configuration (docs/explanation/accessibility.md, "How it is tested").
 *
 * No tool reads this file by itself: every accessibility test in `test/a11y/` imports it
 * through `test/a11y/helpers/axe.ts`, which is the only code that builds an axe run.
 * Plain data plus one helper, so it can be read without running anything.
 *
 * Changing it: a rule may be disabled only with a reason that says why the violation is not a
 * barrier for a user (or whose bug it is, with a link), and only where it is needed —
 * `disabledRules.player` should stay empty.
 */

/** WCAG 2.0/2.1 A and AA, WCAG 2.2 AA, and Deque's best practices. */
export const tags = Object.freeze(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);

/** What the strict scans cover: the player widget (role=region "Tutorial player: <title>"). */
export const playerSelector = '.jp-NotecastPlayer';

/** The one announcer (R8): on document.body, created empty when the plugin activates. */
export const announcerSelector = '#notecast-announcer';

/** Its two live regions (R9). */
export const politeRegionSelector = `${announcerSelector} [aria-live="polite"]`;
export const assertiveRegionSelector = `${announcerSelector} [aria-live="assertive"]`;

/**
 * Rules switched off, by scope, each with its reason (rule id → reason).
 * - `player`: scans inside the player. Zero violations allowed, and nothing is disabled.
 * - `page`: the "do no harm" full-page scans. Nothing is disabled either: JupyterLab's own
 *   violations are handled by the recorded baseline (test/a11y/baseline/), not by switching
 *   rules off, so a rule Notecast starts to violate on the page is still caught.
 */
export const disabledRules = Object.freeze({
  player: Object.freeze({}),
  page: Object.freeze({})
});

/**
 * The axe-core `RunOptions` for a scope: only our tags, and the scope's disabled rules off.
 * @param {'player' | 'page'} scope
 */
export function runOptions(scope) {
  const rules = {};
  for (const id of Object.keys(disabledRules[scope])) rules[id] = { enabled: false };
  return { runOnly: { type: 'tag', values: [...tags] }, rules, resultTypes: ['violations'] };
}

export default {
  tags,
  playerSelector,
  announcerSelector,
  politeRegionSelector,
  assertiveRegionSelector,
  disabledRules,
  runOptions
};
