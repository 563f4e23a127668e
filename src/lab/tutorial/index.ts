/** src/lab/tutorial: the tutorial file: picker, languages, file type, reading it, watching it. What the rest of src/lab may import from it at start-up. */
export { languageName, tutorialForLearner, tutorialLanguages } from './languages.js';
export type { TutorialLanguage } from './languages.js';
export { pickTutorial } from './picker.js';
export { addScriptFileType } from './script-file.js';
