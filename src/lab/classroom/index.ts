/** src/lab/classroom: a teacher's player broadcast over jupyter-collaboration, followers, Make my copy. What the rest of src/lab may import from it at start-up. */
export { addClassroomCommands } from './commands.js';
