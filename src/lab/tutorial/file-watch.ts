/** Noticing that a tutorial's file changed on disk while its player is open. */
import type { Contents } from '@jupyterlab/services';
import { Poll } from '@lumino/polling';

/** How often the file's modification time is asked for. */
const POLL_MS = 3000;

/**
 * Calls `onChange` once, the first time the file's `last_modified` differs
 * from `loadedModified` (or, without it, from the first answer). A file that
 * is gone or unreachable keeps what was loaded playing. Returns a function
 * that stops watching. A lumino `Poll`, as JupyterLab's own watchers: it
 * stands by while the page is hidden and asks again when it is shown.
 */
export function watchTutorialFile(contents: Contents.IManager, path: string, loadedModified: string | undefined, onChange: () => void): () => void {
  let known = loadedModified;
  let changed = false;
  const check = async (): Promise<void> => {
    try {
      const model = await contents.get(path, { content: false });
      if (known !== undefined && model.last_modified !== known && !changed) {
        changed = true;
        onChange();
      }
      known = model.last_modified;
    } catch {
      // Gone or unreachable: keep playing what was loaded.
    }
  };
  void check();
  const poll = new Poll({ factory: check, frequency: { interval: POLL_MS, backoff: false }, standby: 'when-hidden', name: 'notecast:tutorial-file' });
  return () => poll.dispose();
}
