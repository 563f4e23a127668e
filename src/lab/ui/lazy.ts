/**
 * src/lab/ui, loaded on demand: what only an open tutorial (or a recording, or the
 * classroom) needs. Start-up code reaches it only through a dynamic `import()`.
 */
export { ariaKeys } from './aria-keys.js';
export { DockedPanel } from './docked-panel.js';
export { element, setDisabled } from './elements.js';
export { StepList } from './step-list.js';
