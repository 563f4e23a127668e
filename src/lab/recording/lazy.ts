/**
 * src/lab/recording, loaded on demand: what only an open tutorial (or a recording, or the
 * classroom) needs. Start-up code reaches it only through a dynamic `import()`.
 */
export { RecordingSession } from './session.js';
