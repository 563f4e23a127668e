/**
 * Reading a notebook's Y.Doc as @jupyter/ydoc lays it out: an array `cells`
 * of maps, each with a string `id`, a `cell_type` and a `source` that is a
 * Y.Text (or a plain string). A document of another shape — a store can hold
 * anything a client wrote — is refused here, where it is read, with what was
 * found and where, rather than failing somewhere downstream.
 *
 * Shared types are told by their methods, not `instanceof`: JupyterLab and
 * this code may each load their own copy of Yjs.
 */
import type * as Y from 'yjs';
import type { CellType } from '../format/index.js';
import type { RecordedCell } from './recording.js';
import { RecordingRefusedError } from './refusal.js';

const CELL_TYPES: readonly string[] = ['code', 'markdown', 'raw'] satisfies CellType[];

const ADVICE = 'the history was not written by Jupyter: open the notebook in JupyterLab with collaboration on and record it from there';

/** The document's array of cells; refused when `cells` is another shared type. */
export function cellArray(doc: Y.Doc): Y.Array<unknown> {
  let cells: Y.Array<unknown>;
  try {
    cells = doc.getArray('cells');
  } catch {
    throw refused('its `cells` is not a list of cells but another kind of shared type');
  }
  // Entries set by key live beside the list: `cells` was written as a map.
  if ((cells as unknown as { _map: Map<string, unknown> })._map.size > 0) {
    throw refused('its `cells` is a map, not a list of cells');
  }
  return cells;
}

/** A cell of the list, at `index`, as the recorder keeps it; refused unless it is a cell. */
export function readCell(value: unknown, index: number): RecordedCell {
  const where = `cell ${index + 1}`;
  if (!isMap(value)) {
    throw refused(`${where} is ${describe(value)}, not a cell (a Y.Map)`);
  }
  const id = value.get('id');
  if (typeof id !== 'string' || id === '') {
    throw refused(`${where} has ${id === undefined || id === '' ? 'no id' : `an id that is ${describe(id)}, not text`}`);
  }
  const type = value.get('cell_type');
  if (typeof type !== 'string' || !CELL_TYPES.includes(type)) {
    throw refused(
      `${where} (id "${id}") has ${type === undefined ? 'no cell type' : `the cell type ${describe(type)}`}, expected "code", "markdown" or "raw"`
    );
  }
  return { id, type: type as CellType, source: sourceText(value.get('source'), `${where} (id "${id}")`) };
}

/** A cell's text: a Y.Text of characters only, a string, or nothing yet. */
function sourceText(source: unknown, where: string): string {
  if (source === undefined || typeof source === 'string') {
    return source ?? '';
  }
  if (isText(source)) {
    const delta = source.toDelta() as Array<{ insert?: unknown }>;
    if (delta.some(part => typeof part.insert !== 'string')) {
      throw refused(`the source of ${where} holds an embedded object, not only text`);
    }
    return source.toJSON();
  }
  throw refused(`the source of ${where} is ${describe(source)}, not text`);
}

/** The refusal of an object embedded in a cell's text as it is edited. */
export function embeddedInSource(id: string): RecordingRefusedError {
  return refused(`the source of the cell with id "${id}" had an embedded object inserted, not only text`);
}

function refused(what: string): RecordingRefusedError {
  return new RecordingRefusedError(`it is not a notebook as Jupyter writes one: ${what}; ${ADVICE}`);
}

function isShared(value: unknown): value is Y.AbstractType<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { observeDeep?: unknown }).observeDeep === 'function';
}

export function isMap(value: unknown): value is Y.Map<unknown> {
  return isShared(value) && typeof (value as { set?: unknown }).set === 'function' && typeof (value as { insert?: unknown }).insert !== 'function';
}

function isText(value: unknown): value is Y.Text {
  return isShared(value) && typeof (value as { toDelta?: unknown }).toDelta === 'function';
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (isText(value)) {
    return 'a Y.Text';
  }
  if (isMap(value)) {
    return 'a Y.Map';
  }
  if (isShared(value)) {
    return typeof (value as { push?: unknown }).push === 'function' ? 'a Y.Array' : 'a shared type';
  }
  switch (typeof value) {
    case 'string':
      return `the text ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `the ${typeof value} ${String(value)}`;
    case 'undefined':
      return 'missing';
    default:
      return Array.isArray(value) ? 'a plain list' : value instanceof Uint8Array ? 'binary data' : 'a plain object';
  }
}
