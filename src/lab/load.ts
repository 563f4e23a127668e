/**
 * Reads a tutorial (Markdown, compiled on demand) or a compiled script (JSON,
 * validated) into a script, or into positioned problems. The compiler is a
 * dynamic import, so it is a separate chunk loaded the first time a Markdown
 * tutorial opens, not part of the extension's main bundle.
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import { parseScriptJson, type Script } from '../format/index.js';

export interface TutorialProblem {
  line?: number;
  column?: number;
  message: string;
  severity: 'error' | 'warning';
  ruleId?: string;
}

export interface LoadedTutorial {
  script?: Script;
  problems: TutorialProblem[];
}

export function isScriptPath(path: string): boolean {
  return /\.json$/i.test(path);
}

export async function loadTutorial(path: string, text: string): Promise<LoadedTutorial> {
  if (isScriptPath(path)) {
    const { script, problems } = parseScriptJson(text);
    return {
      script,
      problems: problems.map(problem => ({
        line: problem.line,
        column: problem.column,
        message: problem.message,
        severity: 'error' as const
      }))
    };
  }
  const { compile } = await import('../compiler/index.js');
  const { script, file } = compile(text, { path });
  return {
    script,
    problems: file.messages.map(message => ({
      line: message.line ?? undefined,
      column: message.column ?? undefined,
      message: message.reason,
      severity: message.fatal ? ('error' as const) : ('warning' as const),
      ruleId: message.ruleId ?? undefined
    }))
  };
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
