import { realpath, stat } from 'node:fs/promises';
import { fstatSync, type Stats } from 'node:fs';
import { describeErrno } from './errno.js';
import type { CliIO, FileIdentity } from './io.js';
import { readRegularFile, readStdin } from './node-read.js';
import { writeFileAtomically } from './node-write.js';
import { streamWriter } from './terminal-stream.js';

/** A write to stdout or stderr failed for a reason other than a closed pipe: the run failed. */
function failRun(): void {
  process.exitCode = Math.max(Number(process.exitCode ?? 0), 1);
}

const stderr = streamWriter(process.stderr, failRun);
const stdout = streamWriter(process.stdout, error => {
  stderr(`notecast: cannot write to stdout: ${describeErrno(error)}\n`);
  failRun();
});

/** The real terminal and file system. `-` names stdin. */
export const nodeIO: CliIO = {
  stdout,
  stderr,
  readFile: (path, maxBytes) => (path === '-' ? readStdin(maxBytes) : readRegularFile(path, maxBytes)),
  writeFile: writeFileAtomically,
  identify: async path => {
    try {
      if (path === '-') {
        return identity(fstatSync(0));
      }
      return identity(await stat(path), await realpath(path));
    } catch {
      return undefined;
    }
  }
};

function identity(stats: Stats, realPath?: string): FileIdentity {
  return { realPath, device: stats.dev, inode: stats.ino };
}
