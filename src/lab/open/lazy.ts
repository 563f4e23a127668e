/**
 * What only an open tutorial needs: loading and validating it (the JSON
 * Schema validator), its session (player, applier, keyframes) and its player
 * panel. `open/opener.ts` imports this module on demand the first time a tutorial
 * opens, so it is a chunk of its own that JupyterLab's start-up never loads;
 * the plugins, commands, file type, launcher card and restorer stay eager.
 */
export { formatProblem, loadTutorial } from '../tutorial/lazy.js';
export { kernelNameFor } from '../kernel/lazy.js';
export { markedNotebook, notebookFor, skippedNotice } from '../notebook/lazy.js';
export { PlayerPanel } from '../panel/lazy.js';
export { SpeechNarrator, TutorialSession } from '../session/lazy.js';
export { awaitBroadcaster } from '../classroom/lazy.js';
export { authored, languageParts } from '../../session/index.js';
