export { addOpenCommand } from './command.js';
export { TutorialOpener } from './opener.js';
