/**
 * What only an open tutorial needs: loading and validating it (the JSON
 * Schema validator), its session (player, applier, keyframes) and its player
 * panel. `opener.ts` imports this module on demand the first time a tutorial
 * opens, so it is a chunk of its own that JupyterLab's start-up never loads;
 * the plugins, commands, file type, launcher card and restorer stay eager.
 */
export { formatProblem, loadTutorial } from './load.js';
export { kernelNameFor } from './kernel-spec.js';
export { markedNotebook, notebookFor, skippedNotice } from './notebook-files.js';
export { PlayerPanel } from './player-panel.js';
export { TutorialSession } from './session.js';
export { awaitBroadcaster } from './broadcasters.js';
export { authored, languageParts } from '../session/index.js';
