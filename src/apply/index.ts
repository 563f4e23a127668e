/** Script operations → Yjs transactions on a notebook's shared document. */
export { PLAYER_ORIGIN } from './origin.js';
export { NotebookApplier, type EditConflict, type TypedPart } from './notebook-applier.js';
export { Keyframes } from './keyframes.js';
export { isPlayerProgress, notebookMatches, type MatchOptions } from './notebook-match.js';
export { watchLearnerEdits, type LearnerEdit } from './learner-edits.js';
export { mapOffset, minimalEdit } from './text-mapping.js';
export { notebookMetadata, playToNotebook, type NotebookContent } from './headless.js';
