import { closest, OUTPUT_MATCHES, outputMatchProblem, userText } from '../format/index.js';
import { displayName } from './display-name.js';
import { UsageError, type CliIO } from './io.js';
import type { Answer } from './pause-answers.js';

/** Largest answers file read, in bytes. */
const MAX_ANSWERS_BYTES = 16 * 1024 * 1024;
/** How many unknown tutorials a warning names (each with a suggestion) before it counts the rest. */
const NAMED = 5;

/** `--answers FILE.json`, read and checked: its name as messages show it, and the answers by tutorial. */
export interface AnswersFile {
  name: string;
  byTutorial: Map<string, Answer[]>;
}

/**
 * `--answers FILE.json`: the model answers to exercises, by tutorial. Each
 * key is a tutorial as given on the command line or its file name; each value
 * a list of `{ "line"?, "code", "expect"?, "match"?, "error"? }`, run at the
 * pause on `line` (or at the pauses in order).
 */
export async function readAnswers(io: CliIO, path: string): Promise<AnswersFile> {
  const name = displayName(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(await io.readFile(path, MAX_ANSWERS_BYTES)));
  } catch (error) {
    throw new UsageError(`${name}: cannot read the answers: ${userText(error instanceof Error ? error.message : String(error))}`);
  }
  const byTutorial = new Map<string, Answer[]>();
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`${name}: the answers must be a JSON object, tutorial file → list of answers`);
  }
  for (const [tutorial, list] of Object.entries(parsed)) {
    if (!Array.isArray(list)) {
      throw new UsageError(`${name}: the answers to "${userText(tutorial)}" must be a list`);
    }
    // Where an answer is, worded only for the one that is wrong: quoting costs time, and there may be 200,000.
    byTutorial.set(
      tutorial,
      list.map((entry: unknown, index) => checkedAnswer(entry, () => `${name}: answer ${index + 1} to "${userText(tutorial)}"`))
    );
  }
  return { name, byTutorial };
}

function checkedAnswer(entry: unknown, where: () => string): Answer {
  const answer = entry as Partial<Answer>;
  if (typeof answer !== 'object' || answer === null || typeof answer.code !== 'string') {
    throw new UsageError(`${where()} needs "code", the text to run`);
  }
  if (answer.line !== undefined && !(Number.isInteger(answer.line) && answer.line > 0)) {
    throw new UsageError(`${where()}: "line" must be the pause's line number`);
  }
  if (answer.expect !== undefined && typeof answer.expect !== 'string') {
    throw new UsageError(`${where()}: "expect" must be text`);
  }
  if (answer.match !== undefined && !OUTPUT_MATCHES.includes(answer.match)) {
    throw new UsageError(`${where()}: "match" must be one of ${OUTPUT_MATCHES.join(', ')}`);
  }
  const why = answer.expect !== undefined && answer.match !== undefined ? outputMatchProblem(answer.expect, answer.match) : undefined;
  if (why) {
    throw new UsageError(`${where()}: "expect" is not a regular expression (${why})`);
  }
  if (answer.error !== undefined && typeof answer.error !== 'string') {
    throw new UsageError(`${where()}: "error" must be an exception's name`);
  }
  return { line: answer.line, code: answer.code, expect: answer.expect, match: answer.match, error: answer.error };
}

/** The answers to the tutorial `file` (as given on the command line), by that name or its file name. */
export function answersFor(answers: AnswersFile | undefined, file: string): Answer[] | undefined {
  return answers?.byTutorial.get(file) ?? answers?.byTutorial.get(baseName(file));
}

/**
 * A warning for the tutorials the answers name that are not being tested,
 * or undefined: a mistyped name would otherwise leave its exercises
 * untested without a word. Not an error: answers for tutorials left off this
 * run's command line are fine.
 */
export function unknownTutorialsWarning(answers: AnswersFile, files: readonly string[]): string | undefined {
  const known = new Set([...files, ...files.map(baseName)]);
  const unknown = [...answers.byTutorial.keys()].filter(tutorial => !known.has(tutorial));
  if (unknown.length === 0) {
    return undefined;
  }
  const candidates = [...new Set(files.map(baseName))];
  const named = unknown.slice(0, NAMED).map(tutorial => {
    const near = closest(baseName(tutorial), candidates);
    return `"${userText(tutorial)}"${near === undefined ? '' : ` (did you mean "${userText(near)}"?)`}`;
  });
  const rest = unknown.length > NAMED ? ` and ${unknown.length - NAMED} more` : '';
  return `${answers.name}: warning: the answers to ${named.join(', ')}${rest} are not run: no tutorial given has that name; a key is a tutorial as given on the command line or its file name\n`;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
