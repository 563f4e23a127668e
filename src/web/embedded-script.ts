/**
 * The tutorial of a page saved as one file (`notecast html`): the compiled
 * script is in the page itself, in a `<script type="application/json">`
 * that `src="#its-id"` names, so nothing is fetched. The one-file build puts
 * this module in the place of load-script.ts; it has no compiler, as the
 * script was compiled when the page was made.
 */
import type { Translations } from '../format/index.js';
import { loadTutorialText } from '../session/index.js';
// Types only: the real load-script.js, with its compiler import, must stay out of the one-file bundle.
import type { Loaded } from './load-script.js';

/** The script named by `src` (`#lesson`): a `<script type="application/json" id="lesson" data-name="lesson.md">`. */
export async function loadScript(src: string, trans: Translations): Promise<Loaded> {
  const holder = src.startsWith('#') ? document.getElementById(src.slice(1)) : null;
  if (!(holder instanceof HTMLScriptElement) || holder.type !== 'application/json') {
    return { problems: [trans.__('%1 is not a tutorial saved in this page.', src)] };
  }
  const name = holder.dataset.name || src;
  const text = holder.textContent ?? '';
  const loaded = await loadTutorialText(text, {
    path: name,
    kind: 'json',
    compiler: () => {
      throw new Error('a page saved as one file holds a compiled script');
    }
  });
  const errors = loaded.problems.filter(problem => problem.severity === 'error');
  if (!loaded.script || errors.length) {
    return {
      problems: errors.map(problem => `${name}${problem.line !== undefined ? `:${problem.line}:${problem.column ?? 1}` : ''}: ${problem.message}`)
    };
  }
  return { script: loaded.script, text };
}
