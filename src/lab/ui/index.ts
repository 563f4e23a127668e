/** src/lab/ui: widgets and elements the panels share. What the rest of src/lab may import from it at start-up. */
export { notecastIcon } from './icon.js';
