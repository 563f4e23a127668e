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

/** The expected and the actual output as a unified diff, after the normalisation the comparison does. */
export function outputDiff(expected: string, actual: string): string {
  const patch = createTwoFilesPatch('expected', 'actual', `${normalizeOutput(expected)}\n`, `${normalizeOutput(actual)}\n`, undefined, undefined, {
    context: 3
  });
  // The `====` rule jsdiff puts above the file names says nothing here.
  return patch.replace(/^=+\n/, '');
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
