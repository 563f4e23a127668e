import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { constants } from 'node:fs';
import { open, realpath, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';

/**
 * Replace the file at `path` with `text` so that it is never half written:
 * the text goes to a temporary file in the same folder, which is flushed and
 * then renamed over the target (an atomic step on one file system). On any
 * failure the temporary file is removed and the target is as it was.
 *
 * A symlink at `path` is followed, so the file it points to is replaced and
 * the link stays; an existing file keeps its permissions. A device or a pipe
 * (`-o /dev/null`, `-o /dev/stdout`) has nothing to lose and is written to
 * directly.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const existing = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      return undefined;
    }
    throw error;
  });
  if (existing?.isDirectory()) {
    throw Object.assign(new Error(`EISDIR: ${path} is a directory`), { code: 'EISDIR' });
  }
  if (existing?.isFIFO()) {
    await writeToPipe(path, text);
    return;
  }
  if (existing && !existing.isFile()) {
    await writeFile(path, text, 'utf8');
    return;
  }
  const target = existing ? await realpath(path) : path;
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, 'wx');
    if (existing) {
      await handle.chmod(existing.mode & 0o7777);
    }
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Opening a named pipe to write blocks until something reads it. A
 * non-blocking open fails at once instead (ENXIO), so `-o FIFO` with no
 * reader is an error rather than a hang. That probe stays open while the
 * real (blocking) descriptor is opened, which then returns at once, so the
 * reader never sees the probe's close as the end of the data.
 */
async function writeToPipe(path: string, text: string): Promise<void> {
  const probe = await open(path, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0)).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENXIO' ? Object.assign(new Error(`ENXIO: nothing reads the named pipe ${path}`), { code: 'ENXIO' }) : error;
  });
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_WRONLY);
  } finally {
    await probe.close();
  }
  try {
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}
