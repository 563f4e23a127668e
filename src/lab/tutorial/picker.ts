/**
 * Which tutorial `notecast:open` opens: the `path` it was given, the file
 * browser's selection (its context menu), or one the learner picks from the
 * folder's tutorials (or types, when the folder has none).
 */
import { InputDialog } from '@jupyterlab/apputils';
import type { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import type { Contents } from '@jupyterlab/services';
import type { TranslationBundle } from '@jupyterlab/translation';
import { tutorialFile } from '../../format/index.js';

export async function pickTutorial(
  args: Record<string, unknown>,
  contents: Contents.IManager,
  fileBrowser: IDefaultFileBrowser | null,
  trans: TranslationBundle
): Promise<string | undefined> {
  if (typeof args.path === 'string' && args.path) {
    return args.path;
  }
  if (args.isContextMenu && fileBrowser) {
    const item = fileBrowser.selectedItems().next();
    if (!item.done) {
      return item.value.path;
    }
  }
  const cwd = typeof args.cwd === 'string' ? args.cwd : (fileBrowser?.model.path ?? '');
  let tutorials: string[] = [];
  try {
    const listing = await contents.get(cwd, { content: true });
    tutorials = ((listing.content ?? []) as Array<{ path: string; type: string }>)
      .filter(item => item.type === 'file' && tutorialFile(item.path)?.listed)
      .map(item => item.path)
      .sort();
  } catch {
    // An unreadable folder: ask for a path instead.
  }
  if (tutorials.length) {
    const result = await InputDialog.getItem({
      title: trans.__('Open a tutorial'),
      label: trans.__('Tutorial'),
      items: tutorials,
      okLabel: trans.__('Open'),
      cancelLabel: trans.__('Cancel')
    });
    return result.button.accept && result.value ? result.value : undefined;
  }
  const result = await InputDialog.getText({
    title: trans.__('Open a tutorial'),
    label: trans.__('Path of the tutorial (.md or .json)'),
    okLabel: trans.__('Open'),
    cancelLabel: trans.__('Cancel')
  });
  return result.button.accept && result.value ? result.value : undefined;
}
