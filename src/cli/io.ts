/** What the CLI touches of the outside world, so tests can run it in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * The bytes of a regular file, or of stdin for `-`, reading at most
   * `maxBytes`. Rejects with `NotAFileError` for anything that is not a
   * regular file (a directory, a FIFO, a device, a socket) before reading
   * from it, with `TooLargeError` past `maxBytes`, and with Node's own error
   * (`ENOENT`, `EACCES`, …) when the file cannot be opened.
   */
  readFile: (path: string, maxBytes: number) => Promise<Uint8Array>;
  /**
   * Replace the file at `path` with `text`, all at once: a failure leaves
   * the file as it was and no partial file behind.
   */
  writeFile: (path: string, text: string) => Promise<void>;
  /** Which file `path` (or stdin for `-`) is, following links; undefined when there is none. */
  identify: (path: string) => Promise<FileIdentity | undefined>;
}

/** Enough to tell two paths to the same file apart from two files: through symlinks and hard links. */
export interface FileIdentity {
  /** The path with every symlink resolved, when it has one (stdin may not). */
  realPath?: string;
  device: number;
  inode: number;
}

export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return (a.realPath !== undefined && a.realPath === b.realPath) || (a.device === b.device && a.inode === b.inode);
}

/** A usage mistake: exit code 2 with the message and a hint to `--help`. */
export class UsageError extends Error {}

/** An input or output problem already reported: exit code 1. */
export class InputError extends Error {}

/** The input exists but is not a regular file, so reading it could block or never end. */
export class NotAFileError extends Error {
  /** "a directory", "a named pipe (FIFO)", … */
  constructor(readonly what: string) {
    super(`it is ${what}, not a regular file`);
  }
}

/** The input is bigger than `limit` bytes; `size` is unknown when it was a stream cut short. */
export class TooLargeError extends Error {
  constructor(
    readonly size: number | undefined,
    readonly limit: number
  ) {
    super(`the input is larger than ${limit} bytes`);
  }
}
