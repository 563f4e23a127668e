/** src/lab/announce: the live regions Notecast speaks through, and the wording every sentence shares. What the rest of src/lab may import from it at start-up. */
export { ANNOUNCER_ID, Announcer } from './announcer.js';
export type { AnnouncerMessage } from './announcer.js';
export { cellsPhrase, errorMessage, sentence } from './wording.js';
