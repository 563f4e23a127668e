import { userText } from '../format/index.js';
import { displayName, PATH_ECHO_LENGTH } from './display-name.js';
import { sameFile, UsageError, type CliIO } from './io.js';

/**
 * Refuse an `-o` that names one of the inputs, directly, through a symlink or
 * as a hard link (same device and inode): the output would replace the
 * tutorial it was made from. Checked before anything is read or written.
 */
export async function refuseOutputOverInput(io: CliIO, output: string | undefined, inputs: readonly string[]): Promise<void> {
  if (output === undefined || output === '-') {
    return;
  }
  const target = await io.identify(output);
  if (!target) {
    return;
  }
  for (const input of inputs) {
    const source = await io.identify(input);
    if (source && sameFile(source, target)) {
      const named = input === '-' ? 'stdin' : `"${displayName(input)}"`;
      throw new UsageError(
        `-o "${userText(output, PATH_ECHO_LENGTH)}" is the same file as the input ${named}; writing there would replace the input with the output: choose another -o path`
      );
    }
  }
}
