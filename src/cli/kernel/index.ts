/** Talking to Jupyter from the command line: a server of our own, and a kernel on it. */
export {
  KernelClient,
  KernelLostError,
  MAX_KEPT_OUTPUT_CHARS,
  MAX_OUTPUT_CHARS,
  NoKernelSpecError,
  type Execution,
  type KernelOutput,
  type ServerAddress
} from './kernel-client.js';
export { findJupyter, NoServerError, startJupyterServer, type StartedServer } from './jupyter-server.js';
