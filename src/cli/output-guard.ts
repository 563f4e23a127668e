import { userText } from '../format/index.js';
import type { CommandInput } from './arguments.js';
import { displayName, PATH_ECHO_LENGTH } from './display-name.js';
import { sameFile, UsageError, type CliIO } from './io.js';

/**
 * Refuse an `-o` that names one of the inputs, directly, through a symlink or
 * as a hard link (same device and inode): the output would replace the
 * file it was made from (a tutorial, a YStore, an answers file). Every input
 * counts, whichever option named it. Checked before anything is read or
 * written.
 */
export async function refuseOutputOverInput(io: CliIO, output: string | undefined, inputs: readonly CommandInput[]): Promise<void> {
  if (output === undefined || output === '-') {
    return;
  }
  const target = await io.identify(output);
  if (!target) {
    return;
  }
  for (const { path, option } of inputs) {
    const source = await io.identify(path);
    if (source && sameFile(source, target)) {
      const named = `${option ? `of --${option} ` : ''}${path === '-' ? 'stdin' : `"${displayName(path)}"`}`;
      throw new UsageError(
        `-o "${userText(output, PATH_ECHO_LENGTH)}" is the same file as the input ${named}; writing there would replace the input with the output: choose another -o path`
      );
    }
  }
}
