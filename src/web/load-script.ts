/**
 * A tutorial for the page: fetched from `src` (same rules as any fetch from
 * the page), bounded in size, then loaded by the session's one loader: a
 * `.json` script validated, Markdown compiled by the compiler, which is a
 * chunk of its own imported only then. Problems come back positioned
 * (`lesson.md:12:3`), worded for the learner.
 */
import { INPUT_LIMITS, formatBytes, kindOfPath, type Script, type Translations } from '../format/index.js';
import { loadTutorialText, type TutorialProblem } from '../session/index.js';

export type Loaded = { script: Script; text: string } | { problems: string[] };

/** Fetch and load `src` (relative to the page); `signal` cancels it when `src` changes. */
export async function loadScript(src: string, trans: Translations, signal: AbortSignal): Promise<Loaded> {
  const name = src.replace(/[?#].*$/s, '');
  let text: string;
  try {
    const response = await fetch(src, { signal, credentials: 'same-origin' });
    if (!response.ok) {
      return { problems: [trans.__('%1 could not be read (%2)', name, `HTTP ${response.status}`)] };
    }
    const length = Number(response.headers.get('Content-Length') ?? 0);
    const limit = INPUT_LIMITS[kindOfPath(name)];
    if (length > limit) {
      return { problems: [trans.__('%1 is too large: %2, more than %3.', name, formatBytes(length), formatBytes(limit))] };
    }
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw error;
    return { problems: [trans.__('%1 could not be read (%2)', name, error instanceof Error ? error.message : String(error))] };
  }
  const loaded = await loadTutorialText(text, {
    path: name,
    kind: kindOfPath(name),
    compiler: () => import('../compiler/index.js').then(module => module.compile)
  });
  const errors = loaded.problems.filter(problem => problem.severity === 'error');
  if (!loaded.script || errors.length) {
    return { problems: errors.map(problem => positioned(name, problem)) };
  }
  return { script: loaded.script, text };
}

/** `lesson.md:12:3: message`, as editors and the command line write a position. */
export function positioned(name: string, problem: TutorialProblem): string {
  const where = problem.line !== undefined ? `${name}:${problem.line}${problem.column !== undefined ? `:${problem.column}` : ''}` : name;
  return `${where}: ${problem.message}`;
}
