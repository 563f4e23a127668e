import { createTwoFilesPatch } from 'diff';
import { escapeControlCharacters, normalizeOutput, plural } from '../format/index.js';
import { formatDiagnostic } from './diagnostic.js';
import type { RunFailure, TutorialOutcome } from './tutorial-test.js';

/** One tutorial's outcome, named by the file as the user gave it. */
export interface TutorialReport extends Partial<TutorialOutcome> {
  file: string;
  status: TutorialOutcome['status'];
  ms: number;
  /** Why it errored, in words. */
  error?: string;
}

const RULE: Record<RunFailure['kind'], string> = {
  output: 'output-mismatch',
  'unexpected-error': 'unexpected-error',
  'missing-error': 'missing-error',
  'wrong-error': 'wrong-error'
};

/**
 * Most changed lines a diff is computed for. Myers' diff costs time in the
 * product of the lines and the changes: two 20,000-line outputs that differ
 * everywhere took minutes, and a diff that long reads worse than a summary.
 */
export const MAX_DIFF_EDITS = 1_000;
/** Most time one diff may take, whatever its size: past it, the summary. */
export const MAX_DIFF_MS = 1_000;
/** Longest line quoted in a summary, in characters. */
const QUOTED_LINE = 200;

/**
 * The expected and the actual output as a unified diff, after the
 * normalisation the comparison does; when they are too different for one
 * (over `MAX_DIFF_EDITS` changed lines, or `MAX_DIFF_MS` of work), a summary:
 * how many lines differ, and the first that does.
 */
export function outputDiff(expected: string, actual: string): string {
  const want = normalizeOutput(expected);
  const got = normalizeOutput(actual);
  const patch = createTwoFilesPatch('expected', 'actual', `${want}\n`, `${got}\n`, undefined, undefined, {
    context: 3,
    maxEditLength: MAX_DIFF_EDITS,
    timeout: MAX_DIFF_MS
  });
  // The `====` rule jsdiff puts above the file names says nothing here.
  return patch === undefined ? differenceSummary(want, got) : patch.replace(/^=+\n/, '');
}

/** "the outputs differ in N of M lines; first difference at line K:" and that line of each, compared line by line. */
function differenceSummary(expected: string, actual: string): string {
  const want = expected.split('\n');
  const got = actual.split('\n');
  const total = Math.max(want.length, got.length);
  let differing = 0;
  let first = -1;
  for (let index = 0; index < total; index++) {
    if (want[index] !== got[index]) {
      differing++;
      if (first < 0) {
        first = index;
      }
    }
  }
  const side = (sign: string, lines: string[]): string =>
    first < lines.length ? `${sign}${quoted(lines[first])}` : `${sign} (no line ${first + 1}: it has ${plural(lines.length, 'line')})`;
  return [
    '--- expected',
    '+++ actual',
    `the outputs differ in ${differing} of ${plural(total, 'line')}, too many for a diff; first difference at line ${first + 1}:`,
    side('-', want),
    side('+', got),
    ''
  ].join('\n');
}

/** A line cut to `QUOTED_LINE` characters, never inside a surrogate pair. */
function quoted(line: string): string {
  if (line.length <= QUOTED_LINE) {
    return line;
  }
  const end = /[\uD800-\uDBFF]/.test(line[QUOTED_LINE - 1]) ? QUOTED_LINE - 1 : QUOTED_LINE;
  return `${line.slice(0, end)}… (${line.length} characters)`;
}

/** What went wrong, in one line after the position. */
export function failureMessage(failure: RunFailure): string {
  const where = failure.cell === 'answer' ? 'the answer to this pause' : `cell "${failure.cell}"`;
  const raised = failure.raised ? `${failure.raised.name}${failure.raised.value ? `: ${failure.raised.value}` : ''}` : '';
  switch (failure.kind) {
    case 'output':
      return `${where} printed other output than expected${failure.match === 'exact' ? '' : ` (match=${failure.match})`}`;
    case 'unexpected-error':
      return `${where} raised ${raised}; if the tutorial means it, write \`:::run{error=${failure.raised?.name ?? 'Error'}}\``;
    case 'missing-error':
      return `${where} was expected to raise ${failure.expectedError ?? 'an exception'} (error=${failure.expectedError ?? ''}) but raised nothing`;
    case 'wrong-error':
      return `${where} was expected to raise ${failure.expectedError ?? ''} but raised ${raised}`;
  }
}

/** The line printed for each tutorial as it finishes. */
export function summaryLine(report: TutorialReport): string {
  const label = { passed: 'PASS ', failed: 'FAIL ', errored: 'ERROR' }[report.status];
  const counts =
    report.runs === undefined
      ? ''
      : `${plural(report.runs, 'run')}, ${report.compared ?? 0} compared, ${plural(report.failures?.length ?? 0, 'failure')}, `;
  return `${label} ${report.file} (${counts}${seconds(report.ms)})${report.error ? `: ${escapeControlCharacters(report.error)}` : ''}`;
}

/** Everything about one failure: where, what, the diff, and the cell's source. */
export function failureDetails(file: string, failure: RunFailure): string {
  const lines = [
    formatDiagnostic({ file, line: failure.line, column: failure.column, severity: 'error', message: failureMessage(failure), ruleId: RULE[failure.kind] })
  ];
  if (failure.expected !== undefined && (failure.kind === 'output' || failure.kind === 'missing-error')) {
    lines.push(outputDiff(failure.expected, failure.actual).trimEnd());
  } else if (failure.actual) {
    lines.push('output:', ...indent(normalizeOutput(failure.actual)));
  }
  lines.push(failure.cell === 'answer' ? 'answer:' : 'cell source:', ...indent(failure.source));
  // The kernel's text is shown, never obeyed: no escape sequence reaches the terminal.
  return `${escapeControlCharacters(lines.join('\n'))}\n`;
}

/** The last line: how many passed and failed (errored ones count as failed, and are named). */
export function totalsLine(reports: readonly TutorialReport[]): string {
  const passed = reports.filter(report => report.status === 'passed').length;
  const errored = reports.filter(report => report.status === 'errored').length;
  return `${passed} passed, ${reports.length - passed} failed${errored ? ` (${errored} errored)` : ''}`;
}

/** `--json`: the same facts for tools, with each failure's diff. */
export function jsonReport(reports: readonly TutorialReport[]): string {
  const passed = reports.filter(report => report.status === 'passed').length;
  return `${JSON.stringify(
    {
      passed,
      failed: reports.length - passed,
      tutorials: reports.map(report => ({
        file: report.file,
        status: report.status,
        ms: Math.round(report.ms),
        ...(report.kernelMs !== undefined ? { kernelMs: Math.round(report.kernelMs) } : {}),
        ...(report.runs !== undefined ? { runs: report.runs, compared: report.compared } : {}),
        ...(report.error ? { error: report.error } : {}),
        failures: (report.failures ?? []).map(failure => ({
          ...failure,
          rule: RULE[failure.kind],
          message: failureMessage(failure),
          ...(failure.expected !== undefined ? { diff: outputDiff(failure.expected, failure.actual) } : {})
        }))
      }))
    },
    null,
    2
  )}\n`;
}

function indent(text: string): string[] {
  return text.split('\n').map(line => (line ? `    ${line}` : ''));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
