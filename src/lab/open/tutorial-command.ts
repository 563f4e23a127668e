/**
 * `notecast:open`: opens a tutorial (a path, the file browser's selection, or
 * one the learner picks) in a player; also what the layout restorer runs, with
 * the step the player was at, to bring a player back after a reload; and
 * what the `?notecast=…&step=<n>` route runs, with `arriveAt`.
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import type { ITranslator } from '@jupyterlab/translation';
import { CommandIDs } from '../command-ids.js';
import { notecastIcon } from '../ui/index.js';
import type { TutorialOpener } from './opener.js';
import { pickTutorial } from '../tutorial/index.js';

export function addOpenCommand(app: JupyterFrontEnd, opener: TutorialOpener, fileBrowser: IDefaultFileBrowser | null, translator: ITranslator): void {
  const trans = translator.load('notecast');
  app.commands.addCommand(CommandIDs.open, {
    label: args => (args.isLauncher ? trans.__('Tutorial') : args.isContextMenu ? trans.__('Open as Tutorial') : trans.__('Open Tutorial…')),
    caption: trans.__('Open a Notecast tutorial (Markdown or compiled .json) with the tutorial player'),
    icon: args => (args.isLauncher ? notecastIcon : undefined),
    execute: async args => {
      const path = await pickTutorial(args, app.serviceManager.contents, fileBrowser, trans);
      if (!path) {
        return;
      }
      const step = typeof args.step === 'number' ? args.step : undefined;
      const notebook = typeof args.notebook === 'string' && args.notebook ? args.notebook : undefined;
      const arriveAt = typeof args.arriveAt === 'string' ? args.arriveAt : undefined;
      if (args.restoring) {
        // A tutorial gone since is not restored: the restorer forgets what fails here.
        await app.serviceManager.contents.get(path, { content: false });
        // The layout restorer waits for this command, and notebooks load only once the layout
        // is restored (the document manager waits for it): open the player after that, not here.
        void app.restored.then(() => opener.open(path, { step, restoring: true, notebook }));
        return;
      }
      await opener.open(path, { reload: Boolean(args.reload), step, notebook, arriveAt });
    }
  });
  // "Open as Tutorial" on Markdown and JSON files in the file browser.
  for (const fileType of ['markdown', 'json']) {
    app.contextMenu.addItem({
      command: CommandIDs.open,
      args: { isContextMenu: true },
      selector: `.jp-DirListing-item[data-file-type="${fileType}"]`,
      rank: 3
    });
  }
}
