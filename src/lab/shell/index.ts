/** src/lab/shell: JupyterLab or Notebook 7: docking, tabs, layout, URLs. What the rest of src/lab may import from it at start-up. */
export type { DockPlan } from './layout.js';
export { notebookShellOf } from './notebook-shell.js';
export { openNotebookPage } from './notebook-tab.js';
export type { PendingTab } from './notebook-tab.js';
export { playerDockFor } from './player-dock.js';
export type { PlayerDock } from './player-dock.js';
export { addUrlRoute, arrivalStep, notebookPageUrl } from './url-route.js';
export { NotecastDock, type PendingDock } from './dock-token.js';
