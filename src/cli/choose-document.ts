import type { FileIdRecord } from './file-ids.js';
import type { StoredDocument } from './ystore.js';

/** Which of the store's documents with the notebook's path is recorded, and why. */
export interface ChosenDocument {
  document: StoredDocument;
  /** `only`: the one with that path; `file-id`: the id the server maps the path to now; `latest`: the last changed. */
  reason: 'only' | 'file-id' | 'latest';
}

/** Where the notebook is now, to match against jupyter-server-fileid's records. */
export interface NotebookNow {
  /** The server's path (relative to its root, with `/`). */
  path: string;
  /** The path on disk. */
  onDisk: string;
  /** Its inode, when the file is there. */
  inode?: number;
}

/**
 * A notebook deleted and made again, or uploaded over, leaves two documents
 * with its path in the store. The one the server serves now is the one whose
 * file id jupyter-server-fileid gives the path (the record of that path whose
 * inode is the file's, when it keeps inodes); without that database, or when
 * it does not tell, the one changed last.
 */
export function chooseDocument(
  candidates: readonly StoredDocument[],
  notebook: NotebookNow,
  fileIds?: readonly FileIdRecord[]
): ChosenDocument | undefined {
  if (candidates.length <= 1) {
    return candidates.length ? { document: candidates[0], reason: 'only' } : undefined;
  }
  if (fileIds) {
    const atPath = fileIds.filter(record => namesNotebook(record.path, notebook));
    const current = atPath.filter(record => record.inode === undefined || notebook.inode === undefined || record.inode === notebook.inode);
    const served = candidates.filter(document => current.some(record => record.id === document.fileId));
    if (served.length === 1) {
      return { document: served[0], reason: 'file-id' };
    }
  }
  const latest = candidates.reduce((best, document) => (document.lastChange > best.lastChange ? document : best));
  return { document: latest, reason: 'latest' };
}

/** A fileid record's path names the notebook: its path on disk, or its server path (under a root prefix or not). */
function namesNotebook(recorded: string, notebook: NotebookNow): boolean {
  const path = recorded.replace(/\\/g, '/');
  return path === notebook.onDisk.replace(/\\/g, '/') || path === notebook.path || path.endsWith(`/${notebook.path}`);
}
