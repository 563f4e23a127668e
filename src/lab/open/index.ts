export { addOpenCommand } from './tutorial-command.js';
export { TutorialOpener } from './opener.js';
