/** src/lab/session: one tutorial playing into one notebook. What the rest of src/lab may import from it at start-up. */
export { SpeechNarrator } from './speech.js';
