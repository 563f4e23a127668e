/**
 * src/lab/notebook, loaded on demand: what only an open tutorial (or a recording, or the
 * classroom) needs. Start-up code reaches it only through a dynamic `import()`.
 */
export { showAnswerCells } from './answer-cells.js';
export { ACTIVE_CELL_CLASS, CellHighlight, cellWidget } from './cell-highlight.js';
export { createFile, createNotebook, freeName, markedNotebook, myVersionName, notebookFor, saveNotebookCopy, skippedNotice } from './files.js';
export type { NotebookChoice, NotebookContents, NotebookMark } from './files.js';
export { readMark, startStep, writeMark } from './mark.js';
export { countOutputLines, outputStart } from './output-text.js';
export { markDirtyOnEdits } from './unsaved-changes.js';
