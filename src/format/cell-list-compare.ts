import type { CellList, CellState } from './cell-list.js';

/**
 * How to turn `from` into `to` with few edits: the cells both share at their
 * start (`prefix`) and end (`suffix`) are kept (a cell is kept when its id and
 * type agree), the run between them is replaced, and `changed` lists the kept
 * cells (by index in `to`, in order) whose source differs. Shared chunks are skipped
 * whole, so two lists one step apart compare in time independent of length.
 */
export function compareCells(from: CellList, to: CellList): { prefix: number; suffix: number; changed: number[] } {
  const a = from.chunkTable;
  const b = to.chunkTable;
  const shared = Math.min(from.length, to.length);
  const changed: number[] = [];
  const keep = (x: CellState, y: CellState, indexInTo: number): boolean => {
    if (x === y) {
      return true;
    }
    if (x.id !== y.id || x.type !== y.type) {
      return false;
    }
    if (x.source !== y.source) {
      changed.push(indexInTo);
    }
    return true;
  };

  let prefix = 0;
  for (let ca = 0, oa = 0, cb = 0, ob = 0; prefix < shared;) {
    if (oa === 0 && ob === 0 && a[ca] === b[cb] && prefix + a[ca].length <= shared) {
      prefix += a[ca].length;
      ca++;
      cb++;
      continue;
    }
    if (!keep(a[ca][oa], b[cb][ob], prefix)) {
      break;
    }
    prefix++;
    if (++oa === a[ca].length) {
      ca++;
      oa = 0;
    }
    if (++ob === b[cb].length) {
      cb++;
      ob = 0;
    }
  }

  const changedInPrefix = changed.length;
  let suffix = 0;
  const room = shared - prefix;
  for (let ca = a.length - 1, oa = (a[ca]?.length ?? 0) - 1, cb = b.length - 1, ob = (b[cb]?.length ?? 0) - 1; suffix < room;) {
    if (oa === a[ca].length - 1 && ob === b[cb].length - 1 && a[ca] === b[cb] && suffix + a[ca].length <= room) {
      suffix += a[ca].length;
      ca--;
      cb--;
      oa = (a[ca]?.length ?? 0) - 1;
      ob = (b[cb]?.length ?? 0) - 1;
      continue;
    }
    if (!keep(a[ca][oa], b[cb][ob], to.length - 1 - suffix)) {
      break;
    }
    suffix++;
    if (--oa < 0) {
      ca--;
      oa = (a[ca]?.length ?? 0) - 1;
    }
    if (--ob < 0) {
      cb--;
      ob = (b[cb]?.length ?? 0) - 1;
    }
  }
  // The suffix was read from the end.
  const inSuffix = changed.splice(changedInPrefix).reverse();
  return { prefix, suffix, changed: changed.concat(inSuffix) };
}
