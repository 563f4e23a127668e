/** What the CLI touches of the outside world, so tests can run it in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
  writeFile: (path: string, text: string) => Promise<void>;
}

/** A usage mistake: exit code 2 with the message and a hint to `--help`. */
export class UsageError extends Error {}

/** An input or output problem already reported: exit code 1. */
export class InputError extends Error {}
