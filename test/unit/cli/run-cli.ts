import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { main, type CliIO } from '../../../src/cli/index.js';
import { TooLargeError } from '../../../src/cli/io.js';
import { nodeIO } from '../../../src/cli/node-io.js';
import { fromRoot } from '../../helpers/paths.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process against the real file system, capturing what it prints; stdin is empty. */
export function runCli(...argv: string[]): Promise<CliRun> {
  return runCliWithStdin(new Uint8Array(), ...argv);
}

/** `runCli` with `stdin` as what `-` reads (never the test runner's own stdin, which may never end). */
export async function runCliWithStdin(stdin: Uint8Array, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    ...nodeIO,
    stdout: text => void (stdout += text),
    stderr: text => void (stderr += text),
    readFile: (path, maxBytes) => {
      if (path !== '-') {
        return nodeIO.readFile(path, maxBytes);
      }
      return stdin.length > maxBytes ? Promise.reject(new TooLargeError(undefined, maxBytes)) : Promise.resolve(stdin);
    }
  };
  const code = await main(argv, io, '9.9.9');
  return { code, stdout, stderr };
}

export const BIN = fromRoot('bin', 'notecast.js');

/** Run the installed `bin/notecast.js` in a child process. */
export function runBin(args: string[], options: SpawnSyncOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000, ...options });
  if (result.error) {
    throw result.error;
  }
  return { code: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A stack frame as Node prints it. */
export const STACK_FRAME = /\n\s+at /;

/** A control character or bidi override that a terminal would act on (tab and newline are text). */
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
