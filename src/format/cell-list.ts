import type { CellType } from './script.js';

/** One cell of the notebook as the tutorial expects it. */
export interface CellState {
  id: string;
  type: CellType;
  source: string;
}

/** Chunks split when they outgrow this, so an edit copies at most this many cells. */
const MAX_CHUNK = 64;

/** A list's index of where its cells are (see `CellList.positions`). */
interface Positions {
  /** The chunk holding the cell with each id. */
  chunkOf: Map<string, CellState[]>;
  /** Each chunk's place in the chunk table. */
  placeOf: Map<CellState[], number>;
  /**
   * The index of each chunk's first cell, by place; only the first `counted`
   * are known. An edit forgets the starts after its chunk and they are
   * counted again when needed, so adding cell after cell at the top (every
   * cell `at=start`) costs nothing for the chunks after it.
   */
  starts: number[];
  counted: number;
}

function lastIndexOfId(cells: readonly CellState[], id: string): number {
  for (let offset = cells.length - 1; offset >= 0; offset--) {
    if (cells[offset].id === id) {
      return offset;
    }
  }
  return -1;
}

/**
 * The cells of a notebook state as a table of chunks that copies share.
 * Copying a list copies only its chunk table; an edit copies only the chunk
 * it changes. A state and the next step's state, made from a copy of it,
 * therefore share every chunk the step did not touch, and comparing them
 * (`compareCells`) skips those chunks by identity: stepping forward costs
 * the same however many cells the notebook has.
 */
export class CellList {
  private chunks: CellState[][];
  /** Chunks this list made itself and no copy shares: the only ones it may change in place. */
  private owned = new Set<CellState[]>();
  private size: number;
  /**
   * Where each cell is, by id, so a lookup or an edit anywhere costs the
   * same however long the notebook is. Built on the first lookup that the
   * latest cells cannot answer, then kept up to date by this list's edits. A
   * copy does not share it (it builds its own when it needs one), so copying
   * stays as cheap as copying the chunk table.
   */
  private positions: Positions | undefined;
  /**
   * Whether two cells have ever shared an id here (a notebook read from
   * outside, not one a script built): the index assumes unique ids, so such a
   * list searches from the end instead.
   */
  private sharedIds = false;

  constructor(cells: readonly CellState[] = []) {
    this.chunks = [];
    for (let start = 0; start < cells.length; start += MAX_CHUNK / 2) {
      const chunk = cells.slice(start, start + MAX_CHUNK / 2);
      this.chunks.push(chunk);
      this.owned.add(chunk);
    }
    this.size = cells.length;
  }

  get length(): number {
    return this.size;
  }

  clone(): CellList {
    const copy = new CellList();
    copy.chunks = this.chunks.slice();
    copy.size = this.size;
    copy.sharedIds = this.sharedIds;
    // Every chunk is shared from now on, by both lists.
    this.owned.clear();
    return copy;
  }

  at(index: number): CellState | undefined {
    if (index < 0 || index >= this.size) {
      return undefined;
    }
    const [chunk, offset] = this.locate(index);
    return this.chunks[chunk][offset];
  }

  /** The index of the cell with this id (the last one, should two share it); -1 if none. */
  indexOfId(id: string): number {
    if (!this.positions) {
      // Tutorials mostly edit the cells they added last: look there before
      // paying for an index of the whole list.
      let end = this.size;
      for (let chunk = this.chunks.length - 1; chunk >= 0 && end > this.size - MAX_CHUNK; chunk--) {
        const cells = this.chunks[chunk];
        end -= cells.length;
        const offset = lastIndexOfId(cells, id);
        if (offset >= 0) {
          return end + offset;
        }
      }
      if (end === 0) {
        return -1;
      }
      this.positions = this.sharedIds ? undefined : this.indexPositions();
      if (!this.positions) {
        return this.scanForId(id, end);
      }
    }
    const cells = this.positions.chunkOf.get(id);
    if (!cells) {
      return -1;
    }
    const chunk = this.positions.placeOf.get(cells)!;
    return this.startOf(this.positions, chunk) + lastIndexOfId(cells, id);
  }

  set(index: number, cell: CellState): void {
    const [chunk, offset] = this.locate(index);
    const cells = this.writable(chunk);
    const old = cells[offset];
    cells[offset] = cell;
    if (this.positions && old.id !== cell.id) {
      this.forget(old.id, cells);
      this.indexCell(cell, cells);
    }
  }

  insert(index: number, cell: CellState): void {
    if (!this.chunks.length) {
      const chunk = [cell];
      this.chunks.push(chunk);
      this.owned.add(chunk);
      this.size = 1;
      this.positions = undefined;
      return;
    }
    // At the very end, the last chunk takes it.
    const [chunk, offset] = index === this.size ? [this.chunks.length - 1, this.chunks[this.chunks.length - 1].length] : this.locate(index);
    const cells = this.writable(chunk);
    cells.splice(offset, 0, cell);
    this.size++;
    if (this.positions) {
      this.indexCell(cell, cells);
    }
    const positions = this.positions;
    if (cells.length > MAX_CHUNK) {
      const tail = cells.splice(MAX_CHUNK / 2);
      this.chunks.splice(chunk + 1, 0, tail);
      this.owned.add(tail);
      if (positions) {
        for (const moved of tail) {
          positions.chunkOf.set(moved.id, tail);
        }
        positions.starts.splice(chunk + 1, 0, 0);
        this.placeFrom(positions, chunk + 1);
      }
    }
    if (positions) {
      positions.counted = Math.min(positions.counted, chunk + 1);
    }
  }

  remove(index: number): void {
    const [chunk, offset] = this.locate(index);
    const cells = this.writable(chunk);
    const [removed] = cells.splice(offset, 1);
    this.size--;
    const positions = this.positions;
    if (positions) {
      this.forget(removed.id, cells);
    }
    if (!cells.length) {
      this.chunks.splice(chunk, 1);
      this.owned.delete(cells);
      if (positions) {
        positions.placeOf.delete(cells);
        positions.starts.splice(chunk, 1);
        this.placeFrom(positions, chunk);
        positions.counted = Math.min(positions.counted, chunk);
      }
    }
    if (positions) {
      positions.counted = Math.min(positions.counted, chunk + 1);
    }
  }

  /** The cells from `start` up to (not including) `end`. */
  slice(start: number, end: number): CellState[] {
    const cells: CellState[] = [];
    if (start >= end) {
      return cells;
    }
    let [chunk, offset] = this.locate(start);
    for (let index = start; index < end; index++) {
      cells.push(this.chunks[chunk][offset]);
      if (++offset === this.chunks[chunk].length) {
        chunk++;
        offset = 0;
      }
    }
    return cells;
  }

  toArray(): CellState[] {
    return ([] as CellState[]).concat(...this.chunks);
  }

  /** Chunk and offset of a cell: a binary search when the list has its index, else from whichever end is nearer. */
  private locate(index: number): [number, number] {
    const positions = this.positions;
    if (positions && index >= 0 && index < this.size) {
      // Count chunk starts on until one chunk holds `index`, then search the counted ones.
      let last = positions.counted - 1;
      while (last < 0 || this.startOf(positions, last) + this.chunks[last].length <= index) {
        last++;
      }
      const starts = positions.starts;
      let low = 0;
      let high = last;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= index) {
          low = middle;
        } else {
          high = middle - 1;
        }
      }
      return [low, index - starts[low]];
    }
    if (index >= this.size / 2) {
      let end = this.size;
      for (let chunk = this.chunks.length - 1; chunk >= 0; chunk--) {
        end -= this.chunks[chunk].length;
        if (index >= end) {
          return [chunk, index - end];
        }
      }
    }
    let start = 0;
    for (let chunk = 0; chunk < this.chunks.length; chunk++) {
      if (index < start + this.chunks[chunk].length) {
        return [chunk, index - start];
      }
      start += this.chunks[chunk].length;
    }
    throw new RangeError(`cell index ${index} is outside a list of ${this.size}`);
  }

  /** The chunk, copied first if a copy of this list shares it. */
  private writable(chunk: number): CellState[] {
    let cells = this.chunks[chunk];
    if (!this.owned.has(cells)) {
      const shared = cells;
      cells = cells.slice();
      this.chunks[chunk] = cells;
      this.owned.add(cells);
      const positions = this.positions;
      if (positions) {
        positions.placeOf.delete(shared);
        positions.placeOf.set(cells, chunk);
        for (const cell of cells) {
          positions.chunkOf.set(cell.id, cells);
        }
      }
    }
    return cells;
  }

  /** An index of every cell, or undefined (and the list marked) when two share an id. */
  private indexPositions(): Positions | undefined {
    const positions: Positions = { chunkOf: new Map(), placeOf: new Map(), starts: [], counted: 0 };
    for (const cells of this.chunks) {
      for (const cell of cells) {
        if (positions.chunkOf.has(cell.id)) {
          this.sharedIds = true;
          return undefined;
        }
        positions.chunkOf.set(cell.id, cells);
      }
    }
    this.placeChunks(positions);
    return positions;
  }

  /** Index a cell just put in `cells`; an id already taken drops the index for good. */
  private indexCell(cell: CellState, cells: CellState[]): void {
    if (this.positions!.chunkOf.has(cell.id)) {
      this.sharedIds = true;
      this.positions = undefined;
    } else {
      this.positions!.chunkOf.set(cell.id, cells);
    }
  }

  /** The last cell with this id before `end`, by reading the chunks from there back. */
  private scanForId(id: string, end: number): number {
    for (let chunk = this.chunks.length - 1, start = this.size; chunk >= 0; chunk--) {
      const cells = this.chunks[chunk];
      start -= cells.length;
      if (start >= end) {
        continue;
      }
      const offset = lastIndexOfId(cells, id);
      if (offset >= 0) {
        return start + offset;
      }
    }
    return -1;
  }

  /** Where each chunk is in the table, counted afresh. */
  private placeChunks(positions: Positions): void {
    this.placeFrom(positions, 0);
  }

  /** Record the place of every chunk from `from` on (they moved: a chunk was split or removed before them). */
  private placeFrom(positions: Positions, from: number): void {
    for (let chunk = from; chunk < this.chunks.length; chunk++) {
      positions.placeOf.set(this.chunks[chunk], chunk);
    }
  }

  /** The index of a chunk's first cell, counting the starts not known since the last edit. */
  private startOf(positions: Positions, chunk: number): number {
    const starts = positions.starts;
    while (positions.counted <= chunk) {
      const next = positions.counted;
      starts[next] = next === 0 ? 0 : starts[next - 1] + this.chunks[next - 1].length;
      positions.counted++;
    }
    return starts[chunk];
  }

  /** Drop the id of a cell taken out of `cells` from the index (ids are unique while there is one). */
  private forget(id: string, cells: CellState[]): void {
    const positions = this.positions!;
    if (positions.chunkOf.get(id) === cells) {
      positions.chunkOf.delete(id);
    }
  }

  /** For `compareCells`: the chunk table, read only. */
  get chunkTable(): readonly (readonly CellState[])[] {
    return this.chunks;
  }
}
