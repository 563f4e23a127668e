/** src/lab/panel: the player's UI: panel, toolbar, slider, notices, dialogs, and the tracker of open players. What the rest of src/lab may import from it at start-up. */
export { NotecastPlayers } from './players-token.js';
export { showShortcutHelp } from './shortcut-help.js';
export { NotecastTracker } from './tracker.js';
