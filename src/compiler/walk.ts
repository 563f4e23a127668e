import type { Nodes, Parent } from 'mdast';

/** A node met by `walk`, with its parent and how many parents it has. */
export interface Visit {
  node: Nodes;
  parent: Parent | undefined;
  depth: number;
}

/**
 * Every node under `root` (and `root` itself), parents before children, in
 * document order. Returning `false` from `visit` skips the node's children.
 * An explicit stack instead of recursion: a tree as deep as the author can
 * nest it never overflows the call stack.
 */
export function walk(root: Nodes, visit: (visit: Visit) => boolean | void): void {
  const stack: Visit[] = [{ node: root, parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const current = stack.pop() as Visit;
    if (visit(current) === false || !('children' in current.node)) {
      continue;
    }
    const parent = current.node as Parent;
    // Pushed last to first, so the first child is visited first.
    for (let i = parent.children.length - 1; i >= 0; i--) {
      stack.push({ node: parent.children[i], parent, depth: current.depth + 1 });
    }
  }
}
