/**
 * src/lab/kernel, loaded on demand: what only an open tutorial (or a recording, or the
 * classroom) needs. Start-up code reaches it only through a dynamic `import()`.
 */
export { KernelRuns } from './runs.js';
export { kernelNameFor } from './spec.js';
