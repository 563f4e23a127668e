import type { Code, Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { toMarkdown, type Join } from 'mdast-util-to-markdown';
import type { Transcript, TranscriptAction } from './transcript-build.js';
import { languageToken, visibleText } from './transcript-safe.js';

/**
 * The transcript as CommonMark, built as a syntax tree and written by
 * `mdast-util-to-markdown`, which escapes text for where it stands (so a
 * title or a prompt is never read back as HTML, a link or a list) and fences
 * code with more backticks than any run inside it (so no line of the code,
 * however indented, can close the fence).
 */
export function renderMarkdown(transcript: Transcript): string {
  const children: RootContent[] = [heading(1, transcript.title)];
  if (transcript.description) {
    children.push(paragraph(transcript.description));
  }
  for (const step of transcript.steps) {
    children.push(heading(2, `Step ${step.number} of ${transcript.steps.length}: ${step.title}`));
    for (const text of paragraphs(step.narration)) {
      children.push(paragraph(text));
    }
    if (step.actions.length) {
      const list: List = { type: 'list', ordered: false, spread: false, children: step.actions.map(listItem) };
      children.push(list);
    }
  }
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { bullet: '-', fence: '`', fences: true, listItemIndent: 'one', join: [blankLineAfterCode] });
}

function listItem(action: TranscriptAction): ListItem {
  const children: ListItem['children'] = [paragraph(action.text)];
  if (action.code !== undefined) {
    const code: Code = { type: 'code', lang: languageToken(action.language) ?? null, meta: null, value: visibleText(action.code) };
    children.push(code);
  }
  return { type: 'listItem', spread: children.length > 1, children };
}

/** Items stay on consecutive lines, but code gets air after it. */
const blankLineAfterCode: Join = (left, _right, parent) =>
  parent.type === 'list' && left.type === 'listItem' && left.children.some(child => child.type === 'code') ? 1 : undefined;

function heading(depth: Heading['depth'], text: string): Heading {
  return { type: 'heading', depth, children: [{ type: 'text', value: visibleText(text) }] };
}

function paragraph(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: visibleText(text) }] };
}

/** Narration paragraphs are separated by a blank line; empty ones say nothing. */
function paragraphs(text: string): string[] {
  return text ? text.split('\n\n').filter(part => part.trim()) : [];
}
