/**
 * Whether the extension runs in Jupyter Notebook 7, asked the JupyterLab way:
 * through Notebook's shell token, `INotebookShell`, resolved by the plugin
 * registry (null where no plugin provides it).
 *
 * The token is imported here on demand rather than named in a plugin's
 * `optional` list: JupyterLab has no `@jupyter-notebook/application` of its
 * own, so naming the token there would load our bundled copy of the package
 * (17 KiB) at every JupyterLab start-up only to learn that nobody provides
 * it. It is asked only where JupyterLab's shell is missing. In Notebook, module
 * federation hands this import Notebook's own copy of the package (it is
 * shared, package.json's `jupyterlab.sharedPackages`), so the token is the
 * very one Notebook's shell is provided under.
 */
import type { INotebookShell } from '@jupyter-notebook/application';
import type { ILabShell, JupyterFrontEnd } from '@jupyterlab/application';

export type { INotebookShell } from '@jupyter-notebook/application';

export async function notebookShellOf(app: JupyterFrontEnd, labShell: ILabShell | null): Promise<INotebookShell | null> {
  if (labShell) {
    return null;
  }
  try {
    const { INotebookShell } = await import('@jupyter-notebook/application');
    return await app.resolveOptionalService(INotebookShell);
  } catch {
    // The package cannot load here: not Notebook's shell then, whatever this front end is.
    return null;
  }
}
