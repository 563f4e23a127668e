/**
 * Files the player makes next to a tutorial: the learner's notebook and the
 * copies of their versions kept before the tutorial's state replaces them.
 * Nothing here ever overwrites a file: names are picked free first.
 */
import { PathExt } from '@jupyterlab/coreutils';
import type { Contents } from '@jupyterlab/services';

/** What the player keeps in the notebook's metadata under `notecast`. */
export interface NotebookMark {
  /** The tutorial's path this notebook plays. */
  tutorial: string;
  /** The learner agreed that this tutorial runs code in their kernel. */
  consent?: boolean;
  /** The step the player was at, to continue there. */
  step?: number;
}

/** The names in a folder: asking for a missing file directly would log a 404 in the console. */
async function namesIn(contents: Contents.IManager, dir: string): Promise<Set<string>> {
  try {
    const listing = await contents.get(dir, { content: true, type: 'directory' });
    return new Set(((listing.content ?? []) as Array<{ name: string }>).map(item => item.name));
  } catch {
    return new Set();
  }
}

/** `<stem><suffix>.ipynb`, then `<stem><suffix>-1.ipynb`, … : the first that does not exist. */
export async function freeName(contents: Contents.IManager, dir: string, stem: string, extension = '.ipynb', first = 0): Promise<string> {
  const names = await namesIn(contents, dir);
  for (let n = first; ; n++) {
    const name = `${stem}${n === 0 ? '' : `-${n}`}${extension}`;
    const path = dir ? `${dir}/${name}` : name;
    if (!names.has(name)) {
      return path;
    }
  }
}

export function tutorialStem(tutorialPath: string): string {
  const base = PathExt.basename(tutorialPath);
  return base.replace(/(\.notecast)?\.(md|markdown|json)$/i, '');
}

/**
 * The learner's notebook for a tutorial: the first of `<stem>.ipynb`,
 * `<stem>-1.ipynb`, … that already plays this tutorial, else a new one at the
 * first free name, with the tutorial's kernel and no cells.
 */
export async function notebookFor(
  contents: Contents.IManager,
  tutorialPath: string,
  kernel: string
): Promise<{ path: string; created: boolean }> {
  const dir = PathExt.dirname(tutorialPath);
  const stem = tutorialStem(tutorialPath);
  const names = await namesIn(contents, dir);
  for (let n = 0; ; n++) {
    const name = `${stem}${n === 0 ? '' : `-${n}`}.ipynb`;
    const path = dir ? `${dir}/${name}` : name;
    let model: Contents.IModel;
    try {
      if (!names.has(name)) {
        throw new Error('free');
      }
      model = await contents.get(path, { content: true, type: 'notebook' });
    } catch {
      await contents.save(path, {
        type: 'notebook',
        format: 'json',
        content: {
          cells: [],
          metadata: {
            kernelspec: { name: kernel, display_name: kernel },
            notecast: { tutorial: tutorialPath } satisfies NotebookMark
          },
          nbformat: 4,
          nbformat_minor: 5
        }
      });
      return { path, created: true };
    }
    const mark = (model.content as { metadata?: { notecast?: NotebookMark } } | null)?.metadata?.notecast;
    if (mark?.tutorial === tutorialPath) {
      return { path, created: false };
    }
  }
}

/** Where the learner's version of `notebookPath` will be kept: `<name>-my-version-<n>.ipynb`. */
export function myVersionName(contents: Contents.IManager, notebookPath: string): Promise<string> {
  const dir = PathExt.dirname(notebookPath);
  const stem = PathExt.basename(notebookPath, '.ipynb');
  return freeName(contents, dir, `${stem}-my-version`, '.ipynb', 1);
}

export async function saveNotebookCopy(contents: Contents.IManager, path: string, content: object): Promise<void> {
  await contents.save(path, { type: 'notebook', format: 'json', content });
}
