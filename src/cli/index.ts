/** The `notecast` command line, runnable in-process for tests. */
export { commands, EXIT, helpText, main } from './main.js';
export type { CliIO } from './io.js';
export { formatDiagnostic, type Diagnostic } from './diagnostic.js';
