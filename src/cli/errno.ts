import { NotAFileError } from './io.js';

const WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symlinks',
  ENAMETOOLONG: 'the name is too long',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file would be larger than allowed (see ulimit -f)',
  EBADF: 'it is closed',
  EIO: 'an input/output error',
  EMFILE: 'too many open files',
  EXDEV: 'the folder is on another file system',
  ENXIO: 'it is a named pipe that nothing reads, or a device that is not there'
};

/** A file system failure in words for a message: "no such file", "it is a named pipe (FIFO), not a regular file". */
export function describeErrno(error: unknown): string {
  if (error instanceof NotAFileError) {
    return error.message;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && Object.hasOwn(WORDS, code)) {
    return WORDS[code];
  }
  return code ?? (error instanceof Error ? error.message : String(error));
}
