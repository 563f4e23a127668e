/** src/lab/recording: the recorder: a notebook's history written as a tutorial. What the rest of src/lab may import from it at start-up. */
export { addRecordingCommands } from './commands.js';
