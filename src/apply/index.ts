/** Script operations → Yjs transactions on a notebook's shared document. */
export { PLAYER_ORIGIN } from './origin.js';
export { NotebookApplier } from './notebook-applier.js';
export { notebookMetadata, playToNotebook, type NotebookContent } from './headless.js';
