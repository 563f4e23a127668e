/**
 * What one transaction changed in a Y.Text or a Y.Array, as the delta Yjs's
 * `event.delta` gives (retain, delete, insert) but without its cost.
 *
 * `event.delta` walks the type's whole list of items on every change, and
 * that list keeps an item for everything ever deleted from it: in a cell
 * edited for an hour, every change would cost the cell's whole past, so
 * reading a long history would be quadratic. Here the changed items are found
 * from the transaction itself (what it created and what it deleted), and the
 * list is walked only to the left of them, to count the visible length before
 * the first change, and across them.
 */
import * as Y from 'yjs';

/** One part of a delta: as Yjs's, an insert is a string in a Y.Text and an array of values otherwise. */
export type ListChange = { retain: number } | { delete: number } | { insert: string | unknown[] };

/** Per transaction, the list items it created or deleted, by the type whose list holds them. */
const changedByTransaction = new WeakMap<Y.Transaction, Map<Y.AbstractType<unknown>, Set<Y.Item>>>();

function changedItems(transaction: Y.Transaction): Map<Y.AbstractType<unknown>, Set<Y.Item>> {
  let byParent = changedByTransaction.get(transaction);
  if (byParent) {
    return byParent;
  }
  const found = new Map<Y.AbstractType<unknown>, Set<Y.Item>>();
  const note = (struct: Y.Item | Y.GC): void => {
    // A map's entries (parentSub set) are not part of a list.
    if (struct instanceof Y.Item && struct.parentSub === null && struct.parent instanceof Y.AbstractType) {
      let items = found.get(struct.parent);
      if (!items) {
        items = new Set();
        found.set(struct.parent, items);
      }
      items.add(struct);
    }
  };
  const clients = transaction.doc.store.clients;
  transaction.afterState.forEach((after, client) => {
    const before = transaction.beforeState.get(client) ?? 0;
    const structs = clients.get(client);
    if (after <= before || !structs) {
      return;
    }
    for (let index = Y.findIndexSS(structs, before); index < structs.length && structs[index].id.clock < after; index++) {
      note(structs[index]);
    }
  });
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, note);
  byParent = found;
  changedByTransaction.set(transaction, byParent);
  return byParent;
}

/** What an inserted item holds, as the delta gives it. */
function insertedContent(item: Y.Item, text: boolean): string | unknown[] {
  return text && item.content instanceof Y.ContentString ? item.content.str : item.content.getContent();
}

/** Append `part` to `parts`, joined to the last part when it is of the same kind. */
function push(parts: ListChange[], part: ListChange): void {
  const last = parts[parts.length - 1];
  if (last && 'retain' in last && 'retain' in part) {
    last.retain += part.retain;
  } else if (last && 'delete' in last && 'delete' in part) {
    last.delete += part.delete;
  } else if (last && 'insert' in last && 'insert' in part && typeof last.insert === 'string' && typeof part.insert === 'string') {
    last.insert += part.insert;
  } else if (last && 'insert' in last && 'insert' in part && Array.isArray(last.insert) && Array.isArray(part.insert)) {
    last.insert = last.insert.concat(part.insert);
  } else {
    parts.push(part);
  }
}

/** How much an item showed before the transaction of `event`: nothing if it created the item. */
function visibleBefore(event: Y.YEvent<Y.AbstractType<unknown>>, item: Y.Item): number {
  if (!item.countable || event.adds(item)) {
    return 0;
  }
  return !item.deleted || event.deletes(item) ? item.length : 0;
}

/** An item of a list and the visible length before it, as the last transaction left them. */
interface Anchor {
  item: Y.Item;
  offset: number;
}

/**
 * Reads the changes to lists (`changes`), remembering in each list where the
 * last change was, so that the next one, usually near it, is placed by walking
 * from there rather than from the list's start. Every change to a list it
 * reads must pass through `changes`, or be announced with `forget`, or the
 * place it remembers would be wrong.
 */
export class ListChanges {
  private readonly anchors = new WeakMap<Y.AbstractType<unknown>, Anchor>();

  /** A list changed without `changes` reading it: what is known of its positions is stale. */
  forget(list: Y.AbstractType<unknown>): void {
    this.anchors.delete(list);
  }

  /**
   * The change `event` made to its Y.Text or Y.Array, equal to Yjs's
   * `event.delta` (a Y.Text's formatting attributes aside: notebooks have none)
   * from its first part to its last change; an event that changed nothing of
   * the list gives none.
   */
  changes(event: Y.YEvent<Y.AbstractType<unknown>>): ListChange[] {
    const list = event.target;
    const changed = changedItems(event.transaction).get(list);
    if (!changed || changed.size === 0) {
      return [];
    }
    const { first, before } = this.firstChange(event, changed);
    const text = list instanceof Y.Text;
    const parts: ListChange[] = [];
    if (before > 0) {
      parts.push({ retain: before });
    }
    let unseen = changed.size;
    let after = before;
    let last: Y.Item = first;
    for (let item: Y.Item | null = first; item && unseen > 0; item = item.right) {
      last = item;
      if (changed.has(item)) {
        unseen--;
      }
      if (!item.countable) {
        continue;
      }
      if (event.adds(item)) {
        if (!event.deletes(item)) {
          const insert = insertedContent(item, text);
          push(parts, { insert });
          after += insert.length;
        }
      } else if (event.deletes(item)) {
        push(parts, { delete: item.length });
      } else if (!item.deleted) {
        push(parts, { retain: item.length });
        after += item.length;
      }
    }
    // A change that shows nothing (an item inserted and deleted at once) may end the walk after text it kept.
    while (parts.length > 0 && 'retain' in parts[parts.length - 1]) {
      parts.pop();
    }
    // The item after the last change is untouched by this transaction, so it
    // stays in the list as it is (a changed one may be merged into its left).
    const next = last.right;
    if (next && !changed.has(next)) {
      this.anchors.set(list, { item: next, offset: after });
    } else {
      this.anchors.delete(list);
    }
    return parts;
  }

  /** The remembered place in `list`, if the item is still where the list links it. */
  private anchorOf(list: Y.AbstractType<unknown>): Anchor | undefined {
    const anchor = this.anchors.get(list);
    if (!anchor) {
      return undefined;
    }
    const { item } = anchor;
    const linked = item.left ? item.left.right === item : list._start === item;
    return linked && item.parent === list ? anchor : undefined;
  }

  /**
   * The leftmost changed item and the visible length before it. Two walks go
   * out from one changed item, left and right, a step each in turn, until
   * every changed item is found and one of them has met the list's start,
   * its end (the list knows its length) or the remembered place: typing at
   * the end of a cell, whose deletions stay to the left, never walks them.
   */
  private firstChange(event: Y.YEvent<Y.AbstractType<unknown>>, changed: Set<Y.Item>): { first: Y.Item; before: number } {
    const anchor = this.anchorOf(event.target);
    const start = changed.values().next().value as Y.Item;
    let unseen = changed.size - 1;
    let first = start;
    /** What showed from the left walk (included) to `start` (excluded). */
    let leftShown = 0;
    /** What showed from `first` (included) to `start` (excluded). */
    let toFirst = 0;
    /** What showed from `start` (included) to the right walk (excluded). */
    let rightShown = visibleBefore(event, start);
    /** The visible length before `start`, once known. */
    let beforeStart: number | undefined;
    let left = start.left;
    let right = start.right;
    let leftDone = false;
    let rightDone = false;
    while (unseen > 0 || beforeStart === undefined) {
      if (!leftDone) {
        if (left === null) {
          leftDone = true;
          beforeStart ??= leftShown;
        } else {
          leftShown += visibleBefore(event, left);
          if (anchor && left === anchor.item) {
            beforeStart ??= anchor.offset + leftShown;
          }
          if (changed.has(left)) {
            unseen--;
            first = left;
            toFirst = leftShown;
          }
          left = left.left;
        }
      }
      if (!rightDone) {
        if (right === null) {
          rightDone = true;
          // The list's length before the transaction is its length now, less what the changes added.
          let lengthBefore = event.target._length;
          for (const item of changed) {
            lengthBefore += visibleBefore(event, item) - (item.countable && !item.deleted ? item.length : 0);
          }
          beforeStart ??= lengthBefore - rightShown;
        } else {
          if (anchor && right === anchor.item) {
            beforeStart ??= anchor.offset - rightShown;
          }
          if (changed.has(right)) {
            unseen--;
          }
          rightShown += visibleBefore(event, right);
          right = right.right;
        }
      }
      if (leftDone && rightDone && (unseen > 0 || beforeStart === undefined)) {
        // Unreachable when the list holds every item the transaction changed in it.
        throw new Error('a changed item is not in its list');
      }
    }
    return { first, before: beforeStart - toFirst };
  }
}
