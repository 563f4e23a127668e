/**
 * Files the player makes next to a tutorial: the learner's notebook and the
 * copies of their versions kept before the tutorial's state replaces them.
 *
 * Nothing here ever writes over a file that exists. The only file the player
 * writes again is its own notebook, the one whose metadata carries its mark
 * for this tutorial (and that one is saved by JupyterLab, not here):
 * - a name counts as free only when the folder's listing, read successfully,
 *   lacks it; a folder that cannot be listed gets no new file at all;
 * - a file by the notebook's name that cannot be read (not a notebook, a
 *   server error) is left as it is and skipped, and the caller learns why;
 * - a new file is made so that the server refuses it if the name is taken by
 *   then (`createNotebook`).
 *
 * Only types come from `@jupyterlab/*` here, so the unit tests run this in
 * Node against an in-memory contents manager.
 */
import type { Contents } from '@jupyterlab/services';
import { userText } from '../format/index.js';

/** What the player keeps in the notebook's metadata under `notecast`. */
export interface NotebookMark {
  /** The tutorial's path this notebook plays. */
  tutorial: string;
  /** The learner agreed that this tutorial runs code in their kernel. */
  consent?: boolean;
  /** The step the player was at, to continue there. */
  step?: number;
}

/** The part of JupyterLab's contents manager these files need. */
export type NotebookContents = Pick<Contents.IManager, 'get' | 'newUntitled' | 'save' | 'rename' | 'delete'>;

/** A file by the notebook's name that was left as it is, and why, in words for the learner. */
export interface SkippedFile {
  path: string;
  /** "is not a notebook Jupyter can read", … : follows the file's name in a sentence. */
  reason: string;
}

export interface NotebookChoice {
  path: string;
  /** True: made now, empty; false: the player's notebook for this tutorial, continued. */
  created: boolean;
  /** Files by earlier names that could not be read, so were skipped. */
  skipped: SkippedFile[];
}

/** Contents paths use `/` and have no leading slash (what `PathExt` would give). */
function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function joinPath(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/** `<stem><extension>` for 0, else `<stem>-<n><extension>`. */
export function numberedName(stem: string, n: number, extension: string): string {
  return `${stem}${n === 0 ? '' : `-${n}`}${extension}`;
}

export function tutorialStem(tutorialPath: string): string {
  return basename(tutorialPath).replace(/(\.notecast)?\.(md|markdown|json)$/i, '');
}

/** The HTTP status of a failed contents request (`ServerConnection.ResponseError`), if any. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function messageOf(error: unknown): string {
  return userText(error instanceof Error ? error.message : String(error), 80);
}

function folderPhrase(dir: string): string {
  return dir ? `the folder ${userText(dir)}` : 'the top folder';
}

/** The folder cannot be listed: no name can be known to be free, so nothing is written. */
export class FolderNotListedError extends Error {
  constructor(dir: string, cause: unknown) {
    super(`${folderPhrase(dir)} could not be listed (${messageOf(cause)}), so no name there is known to be free. Nothing was written.`);
    this.name = 'FolderNotListedError';
  }
}

/**
 * The folder's entries, name → type. Listing once, rather than asking for each
 * name, keeps missing names from logging a 404 each in the console.
 */
async function entriesIn(contents: NotebookContents, dir: string): Promise<Map<string, string>> {
  let items: unknown;
  try {
    items = (await contents.get(dir, { content: true, type: 'directory' })).content;
  } catch (error) {
    throw new FolderNotListedError(dir, error);
  }
  if (!Array.isArray(items)) {
    throw new FolderNotListedError(dir, new Error('the server sent no list of files'));
  }
  return new Map((items as Array<{ name: string; type: string }>).map(item => [item.name, item.type]));
}

/**
 * Makes a notebook with `content` at `path` unless a file is there already:
 * true when made, false when the name was taken (what is there is untouched).
 *
 * The contents API has no "create only" save: `save` replaces whatever is at
 * its path, so a `get` answering 404 just before it would still leave a
 * moment in which a file that appears (the learner's, another tab's) is
 * replaced. Instead the notebook is written under a name the server picks
 * free (`newUntitled`), then renamed to `path`; Jupyter's server refuses to
 * rename onto an existing file (409), checking on the server itself. On any
 * failure the draft is removed: it is ours, and nothing else was touched.
 */
export async function createNotebook(contents: NotebookContents, path: string, content: object): Promise<boolean> {
  const draft = await contents.newUntitled({ path: dirname(path), type: 'notebook' });
  try {
    await contents.save(draft.path, { type: 'notebook', format: 'json', content });
    await contents.rename(draft.path, path);
    return true;
  } catch (error) {
    await contents.delete(draft.path).catch(() => undefined);
    if (statusOf(error) === 409) {
      return false;
    }
    throw error;
  }
}

/** Why a file by the notebook's name could not be used, as the rest of a sentence after its name. */
function unreadableReason(error: unknown): string {
  switch (statusOf(error)) {
    case 400:
      return 'is not a notebook Jupyter can read';
    case 403:
      return 'could not be read: permission denied';
    default:
      return `could not be read (${messageOf(error)})`;
  }
}

function markOf(model: Contents.IModel): NotebookMark | undefined {
  const content = model.content as { metadata?: { notecast?: unknown } } | null;
  const mark = typeof content === 'object' && content !== null ? content.metadata?.notecast : undefined;
  return typeof mark === 'object' && mark !== null ? (mark as NotebookMark) : undefined;
}

/**
 * The learner's notebook for a tutorial: the first of `<stem>.ipynb`,
 * `<stem>-1.ipynb`, … that already plays this tutorial, else a new one at the
 * first free name, with the tutorial's kernel and no cells. Other notebooks
 * are passed over; files that cannot be read are too, and listed in `skipped`.
 * Rejects with `FolderNotListedError`, having written nothing, when the
 * tutorial's folder cannot be listed.
 */
export async function notebookFor(contents: NotebookContents, tutorialPath: string, kernel: string): Promise<NotebookChoice> {
  const dir = dirname(tutorialPath);
  const stem = tutorialStem(tutorialPath);
  const entries = await entriesIn(contents, dir);
  const skipped: SkippedFile[] = [];
  for (let n = 0; ; n++) {
    const path = joinPath(dir, numberedName(stem, n, '.ipynb'));
    const type = entries.get(basename(path));
    if (type === 'directory') {
      continue;
    }
    let free = type === undefined;
    if (!free) {
      try {
        const model = await contents.get(path, { content: true, type: 'notebook' });
        if (markOf(model)?.tutorial === tutorialPath) {
          return { path, created: false, skipped };
        }
        continue;
      } catch (error) {
        // Gone since the listing: free now. Anything else: it exists, and stays as it is.
        free = statusOf(error) === 404;
        if (!free) {
          skipped.push({ path, reason: unreadableReason(error) });
          continue;
        }
      }
    }
    if (await createNotebook(contents, path, emptyNotebook(tutorialPath, kernel))) {
      return { path, created: true, skipped };
    }
    // A file took the name since the listing: it is left alone, and the next name is tried.
  }
}

function emptyNotebook(tutorialPath: string, kernel: string): object {
  return {
    cells: [],
    metadata: {
      kernelspec: { name: kernel, display_name: kernel },
      notecast: { tutorial: tutorialPath } satisfies NotebookMark
    },
    nbformat: 4,
    nbformat_minor: 5
  };
}

/**
 * What the learner is told when files by the notebook's name were skipped:
 * "lesson.ipynb is not a notebook Jupyter can read, so it was left as it is.
 * The tutorial plays in lesson-1.ipynb instead." Nothing when none were.
 */
export function skippedNotice(choice: NotebookChoice): string | undefined {
  if (!choice.skipped.length) {
    return undefined;
  }
  const files = choice.skipped.map(file => `${userText(basename(file.path))} ${file.reason}`).join('; ');
  const left = choice.skipped.length === 1 ? 'it was left as it is' : 'they were left as they are';
  const plays = choice.created ? 'plays in' : 'continues in';
  return `${files}, so ${left}. The tutorial ${plays} ${userText(basename(choice.path))} instead.`;
}

/** `<stem><extension>`, then `<stem>-1<extension>`, … from `first`: the first the folder's listing lacks. */
export async function freeName(contents: NotebookContents, dir: string, stem: string, extension = '.ipynb', first = 0): Promise<string> {
  const entries = await entriesIn(contents, dir);
  for (let n = first; ; n++) {
    const name = numberedName(stem, n, extension);
    if (!entries.has(name)) {
      return joinPath(dir, name);
    }
  }
}

/** Where the learner's version of `notebookPath` will be kept: `<name>-my-version-<n>.ipynb`. */
export function myVersionName(contents: NotebookContents, notebookPath: string): Promise<string> {
  return freeName(contents, dirname(notebookPath), `${basename(notebookPath).replace(/\.ipynb$/, '')}-my-version`, '.ipynb', 1);
}

/** Keeps a copy at `path`, a name `myVersionName` found free; rejects, writing nothing, if a file took it since. */
export async function saveNotebookCopy(contents: NotebookContents, path: string, content: object): Promise<void> {
  if (!(await createNotebook(contents, path, content))) {
    throw new Error(`a file named ${userText(basename(path))} appeared there meanwhile, and was left as it is`);
  }
}
