/**
 * src/lab/tutorial, loaded on demand: what only an open tutorial (or a recording, or the
 * classroom) needs. Start-up code reaches it only through a dynamic `import()`.
 */
export { watchTutorialFile } from './file-watch.js';
export { formatProblem, loadTutorial } from './read-tutorial.js';
