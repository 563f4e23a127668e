import type { Transcript } from './transcript-build.js';
import { oneLine, visibleText } from './transcript-safe.js';

/**
 * The transcript as plain text for a terminal or a braille display. Nothing
 * is escaped but control characters (made visible, so the terminal shows
 * them instead of acting on them); titles stay on their line, and an
 * action's later lines are indented under it, so no text can pass for the
 * transcript's own structure.
 */
export function renderText(transcript: Transcript): string {
  const title = oneLine(transcript.title);
  const out: string[] = [title, '='.repeat(Math.min(title.length, 72)), ''];
  if (transcript.description) {
    out.push(visibleText(transcript.description), '');
  }
  for (const step of transcript.steps) {
    out.push(`Step ${step.number} of ${transcript.steps.length}: ${oneLine(step.title)}`, '');
    if (step.narration) {
      out.push(visibleText(step.narration), '');
    }
    for (const action of step.actions) {
      out.push(`* ${indent(visibleText(action.text), '  ')}`);
      if (action.code !== undefined) {
        out.push(indent(`    ${visibleText(action.code)}`, '    '));
      }
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function indent(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`);
}
