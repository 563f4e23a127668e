import type { VFileMessage } from 'vfile-message';
import { escapeControlCharacters } from '../format/index.js';

/** One message for the terminal, in the `FILE:LINE:COLUMN: severity: text (rule)` shape editors parse. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  /** A note says what was not done and why; it counts as neither an error nor a warning. */
  severity: 'error' | 'warning' | 'note';
  message: string;
  ruleId: string;
}

export function fromCompilerMessage(file: string, message: VFileMessage): Diagnostic {
  return {
    file,
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: message.fatal === true ? 'error' : 'warning',
    message: message.reason,
    ruleId: message.ruleId ?? 'notecast'
  };
}

/**
 * One line, whatever the message holds: control characters and newlines are
 * shown escaped, so no text can paint the terminal or fake another message.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const line = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message} (${diagnostic.ruleId})`;
  return escapeControlCharacters(line).replace(/\n/g, '\\n');
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some(diagnostic => diagnostic.severity === 'error');
}
