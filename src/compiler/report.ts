import type { Node, Position } from 'unist';
import type { VFile } from 'vfile';

/** Every rule the compiler can report, so messages and docs use one list. */
export type RuleId =
  | 'not-utf8'
  | 'invalid-front-matter'
  | 'missing-title'
  | 'unknown-front-matter-key'
  | 'no-steps'
  | 'empty-title'
  | 'outside-step'
  | 'code-outside-directive'
  | 'unknown-directive'
  | 'wrong-directive-form'
  | 'nested-directive'
  | 'unknown-attribute'
  | 'invalid-attribute'
  | 'duplicate-attribute'
  | 'missing-attribute'
  | 'expected-one-code-block'
  | 'unexpected-content'
  | 'empty-code'
  | 'unknown-cell'
  | 'deleted-cell'
  | 'cell-exists'
  | 'answer-cell'
  | 'unknown-command'
  | 'run-without-cell'
  | 'match-without-output'
  | 'invalid-regex'
  | 'find-not-found'
  | 'malformed-directive'
  | 'unclosed-container'
  | 'too-large'
  | 'too-deep'
  | 'too-many-marks'
  | 'too-long-paragraph'
  | 'too-long-step'
  | 'dropped-tag'
  | 'internal-error';

export type Place = Position | Node | { line: number; column: number } | undefined;

function toPlace(place: Place): Position | { line: number; column: number } | undefined {
  if (!place) {
    return undefined;
  }
  if ('position' in place) {
    return place.position;
  }
  return place as Position | { line: number; column: number };
}

/**
 * Positioned diagnostics on the tutorial's VFile: reasons say what is wrong
 * and what to do; errors are `fatal: true`, warnings `fatal: false`.
 */
export class Reporter {
  constructor(readonly file: VFile) {}

  error(reason: string, place: Place, ruleId: RuleId): void {
    const message = this.file.message(reason, { place: toPlace(place) ?? { line: 1, column: 1 }, ruleId, source: 'notecast' });
    message.fatal = true;
  }

  warn(reason: string, place: Place, ruleId: RuleId): void {
    const message = this.file.message(reason, { place: toPlace(place) ?? { line: 1, column: 1 }, ruleId, source: 'notecast' });
    message.fatal = false;
  }

  get errorCount(): number {
    return this.file.messages.filter(message => message.fatal === true).length;
  }

  get hasErrors(): boolean {
    return this.file.messages.some(message => message.fatal === true);
  }
}
