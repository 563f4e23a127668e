/** src/lab/settings: the learner's preferences, from the settings registry. What the rest of src/lab may import from it at start-up. */
export { NotecastPreferences } from './preferences-service.js';
export { SPEEDS, resolveReducedMotion } from './preferences.js';
export type { Preferences } from './preferences.js';
