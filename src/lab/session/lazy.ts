/**
 * src/lab/session, loaded on demand: what only an open tutorial (or a recording, or the
 * classroom) needs. Start-up code reaches it only through a dynamic `import()`.
 */
export { SpeechNarrator } from './speech.js';
export { TutorialSession } from './tutorial-session.js';
