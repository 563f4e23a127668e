import type { Code, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown, type Join } from 'mdast-util-to-markdown';
import type { NarrationBlock, NarrationInline } from './script.js';
import { transcriptParts, type Transcript, type TranscriptAction } from './transcript-build.js';
import { languageToken, safeUrl, visibleText } from './transcript-safe.js';
import { tableRowText } from './transcript-text.js';

/**
 * The transcript as CommonMark, built as a syntax tree and written by
 * `mdast-util-to-markdown`, which escapes text for where it stands (so a
 * title or a prompt is never read back as HTML, a link or a list) and fences
 * code with more backticks than any run inside it (so no line of the code,
 * however indented, can close the fence). CommonMark has no tables: a
 * narration table is a list of its rows, each cell after its header.
 */
export function renderMarkdown(transcript: Transcript): string {
  const children: RootContent[] = [heading(1, transcript.title)];
  if (transcript.description) {
    children.push(paragraph(transcript.description));
  }
  for (const step of transcript.steps) {
    children.push(heading(2, `Step ${step.number} of ${transcript.steps.length}: ${step.title}`));
    children.push(...blocks(step.blocks));
    for (const part of transcriptParts(step.actions)) {
      if (part.kind === 'narration') {
        children.push(...blocks(part.blocks));
      } else {
        const list: List = { type: 'list', ordered: false, spread: false, children: part.actions.map(listItem) };
        children.push(list);
      }
    }
  }
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { bullet: '-', fence: '`', fences: true, listItemIndent: 'one', join: [blankLineAfterCode] });
}

function blocks(list: readonly NarrationBlock[]): RootContent[] {
  return list.map((block): RootContent => {
    switch (block.kind) {
      case 'paragraph':
        return { type: 'paragraph', children: inlines(block.content) };
      case 'list':
        return {
          type: 'list',
          ordered: block.ordered,
          spread: false,
          children: block.items.map(item => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: inlines(item) }] }))
        };
      case 'table':
        return {
          type: 'list',
          ordered: false,
          spread: false,
          children: block.rows.map(row => ({ type: 'listItem', spread: false, children: [paragraph(tableRowText(block.header, row))] }))
        };
    }
  });
}

function inlines(parts: readonly NarrationInline[]): PhrasingContent[] {
  return parts.map((part): PhrasingContent => {
    if (part.image !== undefined) {
      const src = safeUrl(part.image, true);
      return src !== undefined ? { type: 'image', url: src, alt: visibleText(part.text) } : { type: 'text', value: visibleText(part.text) };
    }
    if (part.href !== undefined) {
      const href = safeUrl(part.href);
      return href !== undefined
        ? { type: 'link', url: href, children: [{ type: 'text', value: visibleText(part.text) }] }
        : { type: 'text', value: `${visibleText(part.text)} (${visibleText(part.href)})` };
    }
    return { type: 'text', value: visibleText(part.text) };
  });
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
