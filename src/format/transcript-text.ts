import type { NarrationBlock, NarrationInline } from './script.js';
import { transcriptParts, type Transcript } from './transcript-build.js';
import { oneLine, visibleText } from './transcript-safe.js';

/**
 * The transcript as plain text for a terminal or a braille display. Nothing
 * is escaped but control characters (made visible, so the terminal shows
 * them instead of acting on them); titles stay on their line, and an
 * action's later lines are indented under it, so no text can pass for the
 * transcript's own structure. Narration reads linearly: a list item per
 * line, a table row per line with each cell after its header, a link's
 * address after its text, an image as its alt text.
 */
export function renderText(transcript: Transcript): string {
  const title = oneLine(transcript.title);
  const out: string[] = [title, '='.repeat(Math.min(title.length, 72)), ''];
  if (transcript.description) {
    out.push(visibleText(transcript.description), '');
  }
  for (const step of transcript.steps) {
    out.push(`Step ${step.number} of ${transcript.steps.length}: ${oneLine(step.title)}`, '');
    out.push(...blocks(step.blocks));
    for (const part of transcriptParts(step.actions)) {
      if (part.kind === 'narration') {
        if (out[out.length - 1] !== '') {
          out.push('');
        }
        out.push(...blocks(part.blocks));
        continue;
      }
      for (const action of part.actions) {
        out.push(`* ${indent(visibleText(action.text), '  ')}`);
        if (action.code !== undefined) {
          out.push(indent(`    ${visibleText(action.code)}`, '    '));
        }
      }
    }
    if (out[out.length - 1] !== '') {
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Each block, then a blank line. */
function blocks(list: readonly NarrationBlock[]): string[] {
  const out: string[] = [];
  for (const block of list) {
    switch (block.kind) {
      case 'paragraph':
        out.push(visibleText(inlineText(block.content)));
        break;
      case 'list':
        block.items.forEach((item, index) => out.push(`${block.ordered ? `${index + 1}.` : '-'} ${indent(visibleText(inlineText(item)), '  ')}`));
        break;
      case 'table':
        for (const row of block.rows) {
          out.push(`- ${indent(visibleText(tableRowText(block.header, row)), '  ')}`);
        }
        break;
    }
    out.push('');
  }
  return out;
}

/** Runs as one line of text: a link's address in brackets after its text, an image as its alt text. */
export function inlineText(parts: readonly NarrationInline[]): string {
  return parts
    .map(part => {
      if (part.image !== undefined) {
        return part.text ? `[image: ${part.text}]` : '[image]';
      }
      if (part.href !== undefined) {
        return part.text === part.href || part.text === '' ? `<${part.href}>` : `${part.text} <${part.href}>`;
      }
      return part.text;
    })
    .join('');
}

/** A table row read linearly: “Name: Ada; Born: 1815”. */
export function tableRowText(header: readonly NarrationInline[][], row: readonly NarrationInline[][]): string {
  return row
    .map((cell, index) => {
      const name = header[index] ? inlineText(header[index]) : '';
      const value = inlineText(cell);
      return name ? `${name}: ${value}` : value;
    })
    .join('; ');
}

function indent(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`);
}
