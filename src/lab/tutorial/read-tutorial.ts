/**
 * Reads a tutorial (Markdown, compiled on demand) or a compiled script (JSON,
 * validated) into a script, or into positioned problems, with the shared
 * loader (`src/session/load.ts`); this file keeps the lab's part. The compiler is a
 * dynamic import, so it is a separate chunk loaded the first time a Markdown
 * tutorial opens, not part of the extension's main bundle.
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import { kindOfPath } from '../../format/index.js';
import { loadTutorialText, type LoadedTutorial, type TutorialProblem } from '../../session/index.js';

export type { LoadedTutorial, TutorialProblem } from '../../session/index.js';

export function isScriptPath(path: string): boolean {
  return kindOfPath(path) === 'json';
}

export function loadTutorial(path: string, text: string): Promise<LoadedTutorial> {
  return loadTutorialText(text, {
    path,
    kind: kindOfPath(path),
    compiler: async () => (await import('../../compiler/index.js')).compile
  });
}

/** "14:1: Unknown directive …" — where first, as an editor's problem list does. */
export function formatProblem(problem: TutorialProblem, trans: TranslationBundle): string {
  if (problem.line === undefined) {
    return problem.message;
  }
  return problem.column !== undefined
    ? trans.__('Line %1, column %2: %3', problem.line, problem.column, problem.message)
    : trans.__('Line %1: %2', problem.line, problem.message);
}
