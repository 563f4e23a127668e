/**
 * The one-file web player that `notecast html` puts into its pages, built by
 * `npm run build:web` (scripts/build-web-embed.mjs) into
 * build/web-single/ of the package.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describeErrno } from './errno.js';
import { InputError, type CliIO } from './io.js';

/** From lib/src/cli/ up to the package's root. */
export const ONE_FILE_PLAYER = fileURLToPath(new URL('../../../build/web-single/notecast-player.js', import.meta.url));

export async function readOneFilePlayer(io: CliIO, path = ONE_FILE_PLAYER): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    io.stderr(`${path}: error: cannot read the web player: ${describeErrno(error)}; build it with \`npm run build:web\` (make web)\n`);
    throw new InputError(describeErrno(error));
  }
}
