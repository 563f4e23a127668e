/** src/lab/commands: the player commands and when each can act. What the rest of src/lab may import from it at start-up. */
export { addPlayerCommands } from './player-commands.js';
