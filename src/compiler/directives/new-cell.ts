import type { CellType } from '../../format/index.js';
import type { DirectiveContext } from './directive.js';

/**
 * Create cell `name` where the directive's `after=`/`before=` put it (else at
 * the end) with its `type=`, emitting the `insert-cell`: what `:::type` does
 * for a name that is new, and all `::cell` does. Undefined, reported, when
 * the anchor cell does not exist.
 */
export function createCell({ node, attributes, place, builder }: DirectiveContext, name: string): string | undefined {
  const anchorName = (attributes.after ?? attributes.before) as string | undefined;
  let index = builder.notebook.length;
  if (anchorName !== undefined) {
    const anchor = builder.resolve(
      anchorName,
      place(attributes.after !== undefined ? 'after' : 'before'),
      attributes.after !== undefined ? '`after` cell' : '`before` cell'
    );
    if (!anchor) {
      return undefined;
    }
    index = builder.notebook.indexOf(anchor) + (attributes.after !== undefined ? 1 : 0);
  }
  const line = node.position?.start.line;
  const id = builder.declare(name, (attributes.type as CellType | undefined) ?? 'code');
  builder.emit({ op: 'insert-cell', cell: id, index, ...(line ? { line } : {}) }, node.position?.start);
  return id;
}
