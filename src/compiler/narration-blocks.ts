import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { NarrationBlock, NarrationInline } from '../format/index.js';
import { plainText, tidy } from './narration.js';
import { parseCell, readPipeTable } from './narration-table.js';

/**
 * Past this depth of emphasis inside links inside emphasis, the rest is
 * kept as plain text: the structure is for reading, and no author nests
 * that deep on purpose.
 */
const MAX_INLINE_DEPTH = 16;

/**
 * The structure of a narration node for the transcript: lists stay lists,
 * tables stay tables, links keep their address and images their source.
 * Everything is text runs, never markup: the transcript escapes it.
 */
export function narrationBlocks(node: RootContent, source: string): NarrationBlock[] {
  switch (node.type) {
    case 'paragraph': {
      const table = readPipeTable(node, source);
      if (table) {
        const cell = (markdown: string) => tidyInlines(inlines(parseCell(markdown).children, 0));
        return [{ kind: 'table', header: table.header.map(cell), rows: table.rows.map(row => row.map(cell)) }];
      }
      return paragraph(inlines(node.children, 0));
    }
    case 'list':
      return [
        {
          kind: 'list',
          ordered: node.ordered === true,
          items: node.children.map(item =>
            tidyInlines(item.children.flatMap((child, index) => [...(index ? [{ text: ' ' }] : []), ...blockInlines(child)]))
          )
        }
      ];
    case 'blockquote':
      return node.children.flatMap(child => narrationBlocks(child, source));
    case 'thematicBreak':
    case 'definition':
    case 'footnoteDefinition':
      return [];
    default:
      return paragraph([{ text: plainText(node) }]);
  }
}

/**
 * The narration a node speaks: its plain text, but a table row by row, each
 * cell after its column's header (“Name: Ada, Born: 1815”), never its pipes.
 */
export function narrationText(node: RootContent, source: string): string {
  const table = node.type === 'paragraph' ? readPipeTable(node, source) : undefined;
  if (!table) {
    return tidy(plainText(node));
  }
  const text = (markdown: string) => tidy(plainText(parseCell(markdown))).replace(/\n/g, ' ');
  const header = table.header.map(text);
  return table.rows
    .map(row =>
      row
        .map((cell, index) => (header[index] ? `${header[index]}: ${text(cell)}` : text(cell)))
        .filter(Boolean)
        .join(', ')
    )
    .join('\n');
}

/** Whether blocks say more than their text does: anything but paragraphs of plain text. */
export function hasStructure(blocks: readonly NarrationBlock[]): boolean {
  return blocks.some(block => block.kind !== 'paragraph' || block.content.some(inline => inline.href !== undefined || inline.image !== undefined));
}

function paragraph(content: NarrationInline[]): NarrationBlock[] {
  const tidied = tidyInlines(content);
  return tidied.length ? [{ kind: 'paragraph', content: tidied }] : [];
}

/** A list item's child: its paragraphs keep their links; a nested list reads as one line. */
function blockInlines(node: Nodes): NarrationInline[] {
  if (node.type === 'paragraph') {
    return inlines(node.children, 0);
  }
  return [{ text: plainText(node).replace(/\n+/g, '; ') }];
}

function inlines(children: readonly PhrasingContent[], depth: number): NarrationInline[] {
  const out: NarrationInline[] = [];
  for (const child of children) {
    switch (child.type) {
      case 'link':
        out.push({ text: plainText(child).replace(/\n/g, ' '), href: child.url });
        break;
      case 'image':
        out.push({ text: child.alt ?? '', image: child.url });
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
        out.push(...(depth < MAX_INLINE_DEPTH ? inlines(child.children, depth + 1) : [{ text: plainText(child) }]));
        break;
      default:
        out.push({ text: plainText(child) });
    }
  }
  return out;
}

/** Adjacent plain runs merged, runs of spaces collapsed as `tidy` does, the ends trimmed. */
function tidyInlines(parts: NarrationInline[]): NarrationInline[] {
  const out: NarrationInline[] = [];
  for (const part of parts) {
    const text = part.text.replace(/[ \t]+/g, ' ');
    const last = out[out.length - 1];
    if (part.href === undefined && part.image === undefined && last && last.href === undefined && last.image === undefined) {
      last.text += text;
    } else if (text || part.image !== undefined) {
      out.push({ ...part, text });
    }
  }
  if (out.length && out[0].href === undefined && out[0].image === undefined) {
    out[0].text = out[0].text.trimStart();
  }
  const last = out[out.length - 1];
  if (last && last.href === undefined && last.image === undefined) {
    last.text = last.text.trimEnd();
  }
  return out.filter(part => part.text !== '' || part.image !== undefined || part.href !== undefined);
}
