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
 * Node against an in-memory contents manager. The words go through a
 * translation bundle (the lab passes its `notecast` one; English by default).
 */
import type { Contents } from '@jupyterlab/services';
import { englishTranslations, translationName, tutorialFile, userText, type Translations } from '../../format/index.js';

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
  /** "lesson.ipynb is not a notebook Jupyter can read", …: the file's name and why, translated. */
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

/** `.md` of `a/b.md`; '' when the name has none. */
function extensionOf(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/** `<stem><extension>` for 0, else `<stem>-<n><extension>`. */
export function numberedName(stem: string, n: number, extension: string): string {
  return `${stem}${n === 0 ? '' : `-${n}`}${extension}`;
}

export function tutorialStem(tutorialPath: string): string {
  return tutorialFile(tutorialPath)?.stem ?? basename(tutorialPath);
}

/** The HTTP status of a failed contents request (`ServerConnection.ResponseError`), if any. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function messageOf(error: unknown): string {
  return userText(error instanceof Error ? error.message : String(error), 80);
}

/** The folder cannot be listed: no name can be known to be free, so nothing is written. */
export class FolderNotListedError extends Error {
  constructor(dir: string, cause: unknown, trans: Translations = englishTranslations) {
    super(
      dir
        ? trans.__('the folder %1 could not be listed (%2), so no name there is known to be free. Nothing was written.', userText(dir), messageOf(cause))
        : trans.__('the top folder could not be listed (%1), so no name there is known to be free. Nothing was written.', messageOf(cause))
    );
    this.name = 'FolderNotListedError';
  }
}

/**
 * The folder's entries, name → type. Listing once, rather than asking for each
 * name, keeps missing names from logging a 404 each in the console.
 */
async function entriesIn(contents: NotebookContents, dir: string, trans: Translations): Promise<Map<string, string>> {
  let items: unknown;
  try {
    items = (await contents.get(dir, { content: true, type: 'directory' })).content;
  } catch (error) {
    throw new FolderNotListedError(dir, error, trans);
  }
  if (!Array.isArray(items)) {
    throw new FolderNotListedError(dir, new Error(trans.__('the server sent no list of files')), trans);
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
 *
 * JupyterLite's browser storage renames onto an existing file without a word,
 * replacing it; so the name is also looked up right before the rename, which
 * there (one browser, no server) leaves no moment for another writer.
 */
export async function createNotebook(contents: NotebookContents, path: string, content: object): Promise<boolean> {
  return createFile(contents, path, { type: 'notebook', format: 'json', content });
}

/** `createNotebook` for any file: a text file is `{ type: 'file', format: 'text', content }`. */
export async function createFile(
  contents: NotebookContents,
  path: string,
  model: { type: 'notebook' | 'file'; format: 'json' | 'text'; content: unknown }
): Promise<boolean> {
  const draft = await contents.newUntitled({ path: dirname(path), type: model.type, ...(model.type === 'file' ? { ext: extensionOf(path) } : {}) });
  try {
    await contents.save(draft.path, model);
    if (await exists(contents, path)) {
      await contents.delete(draft.path).catch(() => undefined);
      return false;
    }
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

/** Whether something may be at `path`: only a 404 says it is free, so nothing is written over on a doubt. */
async function exists(contents: NotebookContents, path: string): Promise<boolean> {
  try {
    await contents.get(path, { content: false });
    return true;
  } catch (error) {
    return statusOf(error) !== 404;
  }
}

/** Why the file `name`, by the notebook's name, could not be used: a clause that starts with its name. */
function unreadableReason(name: string, error: unknown, trans: Translations): string {
  switch (statusOf(error)) {
    case 400:
      return trans.__('%1 is not a notebook Jupyter can read', name);
    case 403:
      return trans.__('%1 could not be read: permission denied', name);
    default:
      return trans.__('%1 could not be read (%2)', name, messageOf(error));
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
export async function notebookFor(
  contents: NotebookContents,
  tutorialPath: string,
  kernel: string,
  trans: Translations = englishTranslations
): Promise<NotebookChoice> {
  const dir = dirname(tutorialPath);
  const stem = tutorialStem(tutorialPath);
  const entries = await entriesIn(contents, dir, trans);
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
          skipped.push({ path, reason: unreadableReason(userText(basename(path)), error, trans) });
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
 * The notebook at `notebookPath` when it plays `tutorialPath` (its mark says so): a notebook named
 * by the caller (the learner's copy of a broadcast notebook, a restored player's) rather than found
 * by `notebookFor`. Undefined when it is gone, unreadable or another tutorial's.
 */
export async function markedNotebook(contents: NotebookContents, notebookPath: string, tutorialPath: string): Promise<NotebookChoice | undefined> {
  // A translation types the same code: its notebook may carry the mark of the tutorial in another language.
  const source = (path: string): string => translationName(path)?.source ?? path;
  try {
    const model = await contents.get(notebookPath, { content: true, type: 'notebook' });
    const marked = markOf(model)?.tutorial;
    return marked !== undefined && source(marked) === source(tutorialPath) ? { path: notebookPath, created: false, skipped: [] } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the learner is told when files by the notebook's name were skipped:
 * "lesson.ipynb is not a notebook Jupyter can read, so it was left as it is.
 * The tutorial plays in lesson-1.ipynb instead." Nothing when none were.
 */
export function skippedNotice(choice: NotebookChoice, trans: Translations = englishTranslations): string | undefined {
  const count = choice.skipped.length;
  if (!count) {
    return undefined;
  }
  const files = choice.skipped.map(file => file.reason).join(trans._p('between the files of a list', '; '));
  const name = userText(basename(choice.path));
  const left = trans._n('%2, so it was left as it is.', '%2, so they were left as they are.', count, files);
  const plays = choice.created ? trans.__('The tutorial plays in %1 instead.', name) : trans.__('The tutorial continues in %1 instead.', name);
  return `${left} ${plays}`;
}

/** `<stem><extension>`, then `<stem>-1<extension>`, … from `first`: the first the folder's listing lacks. */
export async function freeName(
  contents: NotebookContents,
  dir: string,
  stem: string,
  extension = '.ipynb',
  first = 0,
  trans: Translations = englishTranslations
): Promise<string> {
  const entries = await entriesIn(contents, dir, trans);
  for (let n = first; ; n++) {
    const name = numberedName(stem, n, extension);
    if (!entries.has(name)) {
      return joinPath(dir, name);
    }
  }
}

/** Where the learner's version of `notebookPath` will be kept: `<name>-my-version-<n>.ipynb`. */
export function myVersionName(contents: NotebookContents, notebookPath: string, trans: Translations = englishTranslations): Promise<string> {
  return freeName(contents, dirname(notebookPath), `${basename(notebookPath).replace(/\.ipynb$/, '')}-my-version`, '.ipynb', 1, trans);
}

/** Keeps a copy at `path`, a name `myVersionName` found free; rejects, writing nothing, if a file took it since. */
export async function saveNotebookCopy(
  contents: NotebookContents,
  path: string,
  content: object,
  trans: Translations = englishTranslations
): Promise<void> {
  if (!(await createNotebook(contents, path, content))) {
    throw new Error(trans.__('a file named %1 appeared there meanwhile, and was left as it is', userText(basename(path))));
  }
}
