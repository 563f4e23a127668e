import type { Nodes, Parent } from 'mdast';

/**
 * Flatten Markdown to the plain text a screen reader speaks and captions
 * show: inline code, emphasis and links keep their text, images their alt
 * text; raw HTML stays as the literal characters the author wrote, because
 * narration is always text and never markup.
 *
 * Walked with an explicit stack rather than recursion, so however deeply the
 * author nests quotes, lists or emphasis, flattening cannot overflow the call
 * stack.
 */
export function plainText(root: Nodes): string {
  const leaf = leafText(root);
  if (leaf !== undefined) {
    return leaf;
  }
  interface Frame {
    node: Parent;
    next: number;
    parts: string[];
  }
  const stack: Frame[] = [{ node: root as Parent, next: 0, parts: [] }];
  for (;;) {
    const frame = stack[stack.length - 1];
    if (frame.next < frame.node.children.length) {
      const child = frame.node.children[frame.next++] as Nodes;
      const text = leafText(child);
      if (text === undefined) {
        stack.push({ node: child as Parent, next: 0, parts: [] });
      } else {
        frame.parts.push(text);
      }
      continue;
    }
    stack.pop();
    const text = joinParts(frame.node as Nodes, frame.parts);
    if (stack.length === 0) {
      return text;
    }
    stack[stack.length - 1].parts.push(text);
  }
}

/** The text of a node without children to flatten, or undefined for a parent. */
function leafText(node: Nodes): string | undefined {
  switch (node.type) {
    case 'text':
      // A soft line break inside a paragraph is a space when read aloud.
      return node.value.replace(/\n/g, ' ');
    case 'inlineCode':
    case 'code':
      return node.value;
    case 'html':
      // Raw HTML stays the literal characters the author wrote, but a comment is the
      // author's note to themselves: never narrated, never in the transcript.
      return node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
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
    default:
      return 'children' in node ? undefined : '';
  }
}

/** A parent's text from its children's texts. */
function joinParts(node: Nodes, parts: string[]): string {
  switch (node.type) {
    case 'list':
      return parts.join('\n');
    case 'tableRow':
      return parts.join(', ');
    case 'table':
      return parts.join('\n');
    case 'paragraph':
    case 'heading':
    case 'tableCell':
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'link':
    case 'linkReference':
      return parts.join('');
    default:
      return parts
        .map(part => part.trim())
        .filter(Boolean)
        .join('\n');
  }
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
