import type { Nodes, Parent } from 'mdast';

/**
 * Flatten Markdown to the plain text a screen reader speaks and captions
 * show: inline code, emphasis and links keep their text, images their alt
 * text; raw HTML stays as the literal characters the author wrote, because
 * narration is always text and never markup.
 */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
      // A soft line break inside a paragraph is a space when read aloud.
      return node.value.replace(/\n/g, ' ');
    case 'inlineCode':
    case 'html':
      return node.value;
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'break':
      return '\n';
    case 'footnoteReference':
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return '';
    case 'code':
      return node.value;
    case 'list':
      return node.children.map(item => plainText(item)).join('\n');
    case 'table':
      return node.children.map(row => row.children.map(cell => plainText(cell)).join(', ')).join('\n');
    case 'paragraph':
    case 'heading':
    case 'tableCell':
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'link':
    case 'linkReference':
      return inline(node);
    default:
      return 'children' in node ? blocks(node as Parent) : '';
  }
}

function inline(node: Parent): string {
  return node.children.map(child => plainText(child as Nodes)).join('');
}

function blocks(node: Parent): string {
  return node.children
    .map(child => plainText(child as Nodes).trim())
    .filter(Boolean)
    .join('\n');
}

/** Collapse the runs of spaces and tabs Markdown line wrapping leaves behind. */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map(line => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
