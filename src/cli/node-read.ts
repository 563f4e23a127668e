import type { Stats } from 'node:fs';
import { constants, fstatSync } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { NotAFileError, TooLargeError } from './io.js';

/**
 * Read a regular file, at most `maxBytes` of it. The type and size are taken
 * from the opened descriptor (no stat-then-open race), and the open does not
 * block: a FIFO with no writer opens at once and is refused like a directory
 * or `/dev/zero`, before a single byte is read.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    // A Unix socket cannot be opened at all; say what it is rather than "ENXIO".
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') {
      const stats = await stat(path).catch(() => undefined);
      throw new NotAFileError(stats ? describeFileType(stats) : 'a socket');
    }
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new NotAFileError(describeFileType(stats));
    }
    if (stats.size > maxBytes) {
      throw new TooLargeError(stats.size, maxBytes);
    }
    return await readUpTo(handle, stats.size, maxBytes);
  } finally {
    await handle.close();
  }
}

/**
 * Read stdin to its end, stopping as soon as it passes `maxBytes` (so
 * `< /dev/zero` ends with a message instead of filling memory).
 */
export async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const stats = fstatSync(0);
  if (stats.isDirectory()) {
    throw new NotAFileError('a directory');
  }
  if (stats.isFile() && stats.size > maxBytes) {
    throw new TooLargeError(stats.size, maxBytes);
  }
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes) {
      // Leaving the loop destroys the stream: nothing more is read.
      throw new TooLargeError(undefined, maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}

/** Read until the end or one byte past `maxBytes`, whichever comes first; `expected` is the size fstat gave. */
async function readUpTo(handle: FileHandle, expected: number, maxBytes: number): Promise<Uint8Array> {
  // One byte more than expected, to see the end (or growth) without a second buffer.
  let buffer = Buffer.allocUnsafe(Math.min(expected, maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) {
        break;
      }
      // The file grew, or reports size 0 like files in /proc.
      const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(buffer.length * 2, 64 * 1024)));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) {
      break;
    }
    length += bytesRead;
  }
  if (length > maxBytes) {
    throw new TooLargeError(undefined, maxBytes);
  }
  return buffer.subarray(0, length);
}

/** "a directory", "a named pipe (FIFO)", … for a message. */
export function describeFileType(stats: Stats): string {
  if (stats.isDirectory()) {
    return 'a directory';
  }
  if (stats.isFIFO()) {
    return 'a named pipe (FIFO)';
  }
  if (stats.isCharacterDevice()) {
    return 'a character device';
  }
  if (stats.isBlockDevice()) {
    return 'a block device';
  }
  if (stats.isSocket()) {
    return 'a socket';
  }
  return 'a special file';
}
