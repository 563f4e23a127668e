/**
 * The one loader: a tutorial's text (Markdown, compiled) or a compiled
 * script (JSON, validated) into a script, or into problems positioned in
 * that text. The front ends keep only their I/O (the command line reads
 * files and stdin, the lab the contents manager) and their wording. The
 * compiler is passed in, so the lab can load it on demand (a chunk of its
 * own) and a JSON script never needs it.
 */
import { formatPath, INPUT_LIMITS, parseScriptJson, tooLargeReason, utf8Length, type InputKind, type Script } from '../format/index.js';

/** One problem with a tutorial, where the text has it (1-based) when known. */
export interface TutorialProblem {
  line?: number;
  column?: number;
  message: string;
  severity: 'error' | 'warning';
  ruleId?: string;
}

export interface LoadedTutorial {
  /** Present when there are no errors (warnings allowed). */
  script?: Script;
  problems: TutorialProblem[];
}

/** What the compiler reports, as much of a `VFileMessage` as loading reads. */
export interface CompilerMessage {
  line?: number | null;
  column?: number | null;
  reason: string;
  fatal?: boolean | null;
  ruleId?: string | null;
}

/** The compiler's `compile`, as loading calls it. */
export type CompileTutorial = (
  input: string | Uint8Array,
  options: { path?: string }
) => { script?: Script; file: { messages: readonly CompilerMessage[] } };

export interface LoadOptions {
  /** The name messages use. */
  path: string;
  /** What the text is; default: told by its first character (`kindOfContent`). */
  kind?: InputKind;
  /** How to get the compiler: called only for Markdown (the lab imports it then). */
  compiler: () => CompileTutorial | Promise<CompileTutorial>;
}

/** A script is a JSON object; a tutorial never starts with `{` (after a BOM and white space). */
export function kindOfContent(input: string | Uint8Array): InputKind {
  if (typeof input === 'string') {
    return /^\uFEFF?[ \t\r\n]*\{/.test(input) ? 'json' : 'markdown';
  }
  let i = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  while (input[i] === 0x20 || input[i] === 0x09 || input[i] === 0x0a || input[i] === 0x0d) {
    i++;
  }
  return input[i] === 0x7b ? 'json' : 'markdown';
}

/** Load a tutorial (compiled) or a script (validated) from its text. */
export async function loadTutorialText(input: string | Uint8Array, options: LoadOptions): Promise<LoadedTutorial> {
  const kind = options.kind ?? kindOfContent(input);
  const size = typeof input === 'string' ? utf8Length(input) : input.length;
  if (size > INPUT_LIMITS[kind]) {
    return { problems: [{ line: 1, column: 1, severity: 'error', message: tooLargeReason(kind, size), ruleId: 'too-large' }] };
  }
  if (kind === 'json') {
    const { script, problems } = parseScriptJson(input);
    return {
      script,
      problems: problems.map(problem => ({
        line: problem.line,
        column: problem.column,
        message: problem.path.length ? `${formatPath(problem.path)} ${problem.message}` : problem.message,
        severity: 'error' as const,
        // Problems that name their own rule (`not-utf8`, `too-deep`, …) keep it.
        ruleId: problem.rule ?? 'invalid-script'
      }))
    };
  }
  const compile = await options.compiler();
  const { script, file } = compile(input, { path: options.path });
  return {
    script,
    problems: file.messages.map(message => ({
      line: message.line ?? undefined,
      column: message.column ?? undefined,
      message: message.reason,
      severity: message.fatal === true ? ('error' as const) : ('warning' as const),
      ruleId: message.ruleId ?? undefined
    }))
  };
}
