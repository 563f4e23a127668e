/**
 * Notecast as a library, for Node and bundlers: everything the DOM-free
 * modules export, from one entry point (`jupyterlab-notecast`). The same names
 * come one module at a time from `jupyterlab-notecast/format`, `/compiler`,
 * `/player`, `/apply`, `/session` and `/recorder`; the JupyterLab plugins are `jupyterlab-notecast/lab`.
 * Nothing here loads `@jupyterlab/*`, `@lumino/*` or touches the DOM.
 */
export * from './format/index.js';
export * from './compiler/index.js';
export * from './player/index.js';
export * from './apply/index.js';
export * from './session/index.js';
export * from './recorder/index.js';
// The player's host contract and the applier both name what an edit that cannot
// land returns; the two are the same shape, and the player's is the contract.
export type { EditConflict } from './player/index.js';
