/**
 * "Make my copy": the learner's own notebook, made from the shared one a
 * teacher is broadcasting, at the teacher's step. Kernels are shared per
 * notebook path and collaboration has no read-only mode, so trying things
 * safely needs a file of one's own: `<stem>-<user>.ipynb` next to the shared
 * notebook (or in the folder the `copyFolder` setting names), the next free
 * name when that one is taken, never written over (`createNotebook`).
 *
 * The copy carries the notebook's mark for the tutorial at the teacher's step,
 * without the teacher's consent: opened with the tutorial, it continues there
 * as the learner's own session, and asks before it runs code.
 */
import type { YNotebook } from '@jupyter/ydoc';
import type { Translations } from '../../format/index.js';
import { createNotebook, freeName, type NotebookContents, type NotebookMark } from '../notebook/lazy.js';

export interface MyCopyOptions {
  contents: NotebookContents;
  ynotebook: YNotebook;
  /** The shared notebook's path. */
  notebookPath: string;
  tutorialPath: string;
  /** The teacher's step (0-based). */
  step: number;
  /** The learner's user name on the server. */
  user: string;
  /** The `copyFolder` setting: '' for next to the shared notebook. */
  folder: string;
  trans: Translations;
}

/** Makes the copy and resolves with its path. */
export async function makeMyCopy(options: MyCopyOptions): Promise<string> {
  const { contents, ynotebook, notebookPath, trans } = options;
  const slash = notebookPath.lastIndexOf('/');
  const dir = options.folder || (slash < 0 ? '' : notebookPath.slice(0, slash));
  const stem = `${notebookPath.slice(slash + 1).replace(/\.ipynb$/i, '')}-${fileNamePart(options.user)}`;
  const content = ynotebook.toJSON() as { metadata?: Record<string, unknown> };
  const mark: NotebookMark = { tutorial: options.tutorialPath, step: options.step };
  content.metadata = { ...content.metadata, notecast: mark };
  // A name found free can be taken before the file is made (another tab of the same learner):
  // then the next free one is tried, and nothing that appeared is touched.
  for (let first = 0; first < 100; first++) {
    const path = await freeName(contents, dir, stem, '.ipynb', first, trans);
    if (await createNotebook(contents, path, content)) {
      return path;
    }
  }
  throw new Error(trans.__('no free name for the copy was found in %1', dir || '/'));
}

/** A user name as part of a file name: letters, digits, `.`, `_` and `-`; `me` when nothing is left. */
export function fileNamePart(user: string): string {
  const part = user
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 64);
  return part || 'me';
}
